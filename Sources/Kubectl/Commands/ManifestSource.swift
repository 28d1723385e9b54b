import Foundation
import KubeCluster

/// Objects read from `-f` arguments: files, folders and `-` (stdin).
struct ManifestObject {
  var object: Object
  /// The file name kubectl quotes in messages (`STDIN` for `-`).
  var source: String
}

enum ManifestSource {
  static func read(_ paths: [String], recursive: Bool, environment: KubectlEnvironment, namespace: String, namespaceGiven: Bool) throws(KubectlError) -> [ManifestObject] {
    var objects: [ManifestObject] = []
    for path in paths {
      var files: [(String, String)] = []
      if path == "-" {
        files.append(("STDIN", environment.stdin))
      } else if let text = TutorialExamples.manifest(at: path) {
        files.append((path, text))
      } else if path.hasPrefix("http://") || path.hasPrefix("https://") {
        throw .message("unable to read URL \"\(path)\", server reported 404 Not Found, status code=404")
      } else if let entries = environment.listDirectory(path) {
        for entry in entries.sorted() where entry.hasSuffix(".yaml") || entry.hasSuffix(".yml") || entry.hasSuffix(".json") {
          let full = path.hasSuffix("/") ? path + entry : path + "/" + entry
          if let text = try? environment.readFile(full) { files.append((full, text)) }
        }
        if files.isEmpty {
          throw .message("error reading [\(path)]: recognized file extensions are [.json .yaml .yml]")
        }
      } else {
        guard let text = try? environment.readFile(path) else {
          throw .message("the path \"\(path)\" does not exist")
        }
        files.append((path, text))
      }
      for (source, text) in files {
        let documents: [ManifestDocument]
        do {
          documents = try ManifestDecoder.decode(text)
        } catch {
          throw .message("error parsing \(source): \(error.message)")
        }
        for document in documents {
          objects.append(try object(from: document.value, source: source, namespace: namespace, namespaceGiven: namespaceGiven))
        }
      }
    }
    if objects.isEmpty { throw .message("no objects passed to apply") }
    return objects
  }

  static func object(from value: JSONValue, source: String, namespace: String, namespaceGiven: Bool) throws(KubectlError) -> ManifestObject {
    guard value.object != nil else {
      throw .message("error validating \"\(source)\": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false")
    }
    let apiVersion = value["apiVersion"]?.string ?? ""
    let kindName = value["kind"]?.string ?? ""
    var missing: [String] = []
    if apiVersion.isEmpty { missing.append("apiVersion not set") }
    if kindName.isEmpty { missing.append("kind not set") }
    if !missing.isEmpty {
      let list = missing.count == 1 ? missing[0] : "[" + missing.joined(separator: ", ") + "]"
      throw .message("error validating \"\(source)\": error validating data: \(list); if you choose to ignore these errors, turn validation off with --validate=false")
    }
    guard let kind = Kind.from(apiVersion: apiVersion, kind: kindName), kind.isListable else {
      let name = value[path: "metadata.name"]?.string ?? ""
      let ns = value[path: "metadata.namespace"]?.string ?? ""
      throw .message("resource mapping not found for name: \"\(name)\" namespace: \"\(ns)\" from \"\(source)\": no matches for kind \"\(kindName)\" in version \"\(apiVersion)\"\nensure CRDs are installed first")
    }
    var object = Object(kind, value)
    if kind.isNamespaced {
      let declared = object.content[path: "metadata.namespace"]?.string ?? ""
      if namespaceGiven && !declared.isEmpty && declared != namespace {
        throw .message("the namespace from the provided object \"\(declared)\" does not match the namespace \"\(namespace)\". You must pass '--namespace=\(declared)' to perform this operation.")
      }
      if declared.isEmpty { object.namespace = namespace }
    }
    return ManifestObject(object: object, source: source)
  }
}
