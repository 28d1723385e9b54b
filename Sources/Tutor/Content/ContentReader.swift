import KubeCluster
import Kubectl

/// Reads a decoded YAML content file by path, collecting every problem with
/// its line and column instead of stopping at the first.
package final class ContentReader {
  package let file: String
  package let document: ManifestDocument
  package let sourceText: String
  package private(set) var errors: [ContentError] = []

  /// Parses `text`; a YAML syntax error becomes the only error.
  package init(file: String, text: String) {
    self.file = file
    sourceText = text
    do {
      let documents = try ManifestDecoder.decode(text)
      document = documents.first ?? ManifestDocument(value: .emptyObject)
      if documents.count > 1 {
        errors.append(
          ContentError(
            file: file, line: documents[1].startLine, column: 1,
            message: "expected one YAML document, found \(documents.count)"))
      }
    } catch {
      document = ManifestDocument(value: .emptyObject)
      errors.append(
        ContentError(
          file: file, line: error.position?.line ?? 1, column: error.position?.column ?? 1,
          message: error.message))
    }
  }

  package var root: JSONValue { document.value }

  /// Where the value at `path` starts, or its nearest ancestor.
  package func position(_ path: [String], key: Bool = false) -> ManifestPosition {
    if key, let position = document.keyPositions[path] { return position }
    var prefix = path
    while true {
      if let position = document.valuePositions[prefix] { return position }
      if prefix.isEmpty { return ManifestPosition(line: 1, column: 1) }
      prefix.removeLast()
    }
  }

  package func error(_ path: [String], _ message: String, key: Bool = false) {
    let place = position(path, key: key)
    errors.append(ContentError(file: file, line: place.line, column: place.column, message: message))
  }

  /// Records an error at an explicit place (for example inside an embedded manifest).
  package func error(line: Int, column: Int, _ message: String) {
    errors.append(ContentError(file: file, line: line, column: column, message: message))
  }

  package func value(_ path: [String]) -> JSONValue? {
    var current = document.value
    for segment in path {
      switch current {
      case .object(let object):
        guard let next = object[segment] else { return nil }
        current = next
      case .array(let items):
        guard let index = Int(segment), items.indices.contains(index) else { return nil }
        current = items[index]
      default:
        return nil
      }
    }
    return current
  }

  private static func label(_ path: [String]) -> String {
    path.isEmpty ? "the file" : path.joined(separator: ".")
  }

  /// The mapping at `path`: unknown keys and missing required keys are errors.
  @discardableResult
  package func mapping(_ path: [String], allowed: [String], required: [String] = [])
    -> JSONObject?
  {
    guard let value = value(path) else { return nil }
    guard let object = value.object else {
      error(path, "\(Self.label(path)): expected a mapping, found \(value.typeName)")
      return nil
    }
    for key in object.keys where !allowed.contains(key) {
      let expected = allowed.joined(separator: ", ")
      error(path + [key], "unknown key '\(key)' (expected one of: \(expected))", key: true)
    }
    for key in required where object[key] == nil {
      error(path, "\(Self.label(path)): missing required key '\(key)'")
    }
    return object
  }

  /// The string at `path`; numbers and booleans read as their text.
  package func string(_ path: [String], required: Bool = false) -> String? {
    guard let value = value(path) else {
      if required { error(path, "\(Self.label(path)): missing") }
      return nil
    }
    switch value {
    case .string(let text): return text
    case .int, .double, .bool: return value.scalarText
    default:
      error(path, "\(Self.label(path)): expected a string, found \(value.typeName)")
      return nil
    }
  }

  package func int(_ path: [String]) -> Int? {
    guard let value = value(path) else { return nil }
    guard let number = value.int else {
      error(path, "\(Self.label(path)): expected an integer, found \(value.typeName)")
      return nil
    }
    return number
  }

  package func bool(_ path: [String]) -> Bool? {
    guard let value = value(path) else { return nil }
    guard let flag = value.bool else {
      error(path, "\(Self.label(path)): expected true or false, found \(value.typeName)")
      return nil
    }
    return flag
  }

  /// The array at `path`, or nil (with an error) when it is something else.
  package func array(_ path: [String]) -> [JSONValue]? {
    guard let value = value(path) else { return nil }
    guard let items = value.array else {
      error(path, "\(Self.label(path)): expected a list, found \(value.typeName)")
      return nil
    }
    return items
  }

  /// A string-to-string map such as labels.
  package func stringMap(_ path: [String]) -> [String: String]? {
    guard let object = mapping(path, allowed: (value(path)?.object?.keys).map(Array.init) ?? [])
    else { return nil }
    var map: [String: String] = [:]
    for (key, _) in object {
      if let text = string(path + [key]) { map[key] = text }
    }
    return map
  }

  /// A text with `en` and `ko`; a missing language is an error.
  package func text(_ path: [String], required: Bool = false) -> LocalizedText? {
    guard let value = value(path) else {
      if required { error(path, "\(Self.label(path)): missing (expected en and ko texts)") }
      return nil
    }
    guard value.object != nil else {
      error(path, "\(Self.label(path)): expected a mapping with 'en' and 'ko' texts, found \(value.typeName)")
      return nil
    }
    mapping(path, allowed: ["en", "ko"])
    let en = string(path + ["en"]) ?? ""
    let ko = string(path + ["ko"]) ?? ""
    if en.isEmpty { error(path, "\(Self.label(path)): missing the English text (en)") }
    if ko.isEmpty { error(path, "\(Self.label(path)): missing the Korean text (ko)") }
    return LocalizedText(en: en, ko: ko)
  }
}
