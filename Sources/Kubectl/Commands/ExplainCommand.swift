import Foundation
import KubeCluster

/// `kubectl explain RESOURCE[.FIELD...] [--recursive]`, laid out as
/// kubectl 1.32's OpenAPI v3 `plaintext` template lays it out: GROUP, KIND
/// and VERSION, then `FIELD:` for a field path, `DESCRIPTION:` wrapped at
/// 76 columns, and `FIELDS:` sorted by name with tab-separated types.
struct ExplainCommand: KubectlCommand {
  static let name = "explain"
  static let flags: [FlagSpec] = [
    .bool("recursive", help: "When true, print the name of all the fields recursively. Otherwise, print the available fields with their description."),
    .string("api-version", help: "Use given api-version (group/version) of the resource."),
    .string("output", default: "plaintext", help: "Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2)."),
  ]

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    guard let target = invocation.positionals.first else {
      throw KubectlError.message(
        "You must specify the type of resource to explain. Use \"kubectl api-resources\" for a complete list of supported resources.")
    }
    guard invocation.positionals.count == 1 else {
      throw KubectlError.message("We accept only this format: explain RESOURCE")
    }
    var parts = target.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    let resource = parts.removeFirst()
    guard let kind = ResourceResolver.kind(for: resource) else { throw KubectlError.unknownResourceType(resource) }
    // `deployments.apps.spec`: a group suffix after the resource.
    if !kind.group.isEmpty, parts.first.map({ kind.group.hasPrefix($0) }) == true {
      let groupParts = kind.group.split(separator: ".").count
      if parts.count >= groupParts, parts.prefix(groupParts).joined(separator: ".") == kind.group { parts.removeFirst(groupParts) }
    }
    return CommandOutput(stdout: try explain(kind, path: parts, recursive: invocation.flags.bool("recursive")))
  }

  static func explain(_ kind: Kind, path: [String], recursive: Bool) throws -> String {
    var out = ""
    if !kind.group.isEmpty { out += "GROUP:      \(kind.group)\n" }
    out += "KIND:       \(kind.rawValue)\n"
    out += "VERSION:    \(kind.apiVersion.split(separator: "/").last.map(String.init) ?? "v1")\n\n"
    var schema = Schema.root(for: kind)
    for (index, name) in path.enumerated() {
      guard let next = schema.field(named: name) else { throw KubectlError.message("field \"\(name)\" does not exist") }
      schema = next
      if index == path.count - 1 {
        out += "FIELD: \(name) <\(typeName(next.type))>\n"
        if !next.enumValues.isEmpty {
          out += "ENUM:" + next.enumValues.map { "\n    " + ($0.isEmpty ? "\"\"" : $0) }.joined()
        }
        out += "\n\n"
      }
    }
    let description = schema.description.isEmpty ? "<empty>" : schema.description + "\n"
    out += "DESCRIPTION:\n" + indent(wrap(description, 76), 4) + "\n"
    let fields = schema.fields
    if !fields.isEmpty {
      out += "FIELDS:\n"
      var visited: Set<String> = []
      if let key = schema.type.structKey { visited.insert(key) }
      out += fieldList(fields, level: 1, recursive: recursive, visited: visited)
    }
    return out + "\n"
  }

  static func fieldList(_ fields: [FieldSchema], level: Int, recursive: Bool, visited: Set<String>) -> String {
    var out = ""
    let pad = level * 2
    for field in fields.sorted(by: { $0.name < $1.name }) {
      out += indent(field.name, pad) + "\t<\(typeName(field.type))>"
      if field.isRequired { out += " -required-" }
      if !field.enumValues.isEmpty {
        var values = field.enumValues.prefix(4).map { $0.isEmpty ? "\"\"" : $0 }.joined(separator: ", ")
        if field.enumValues.count > 4 { values += ", ...." }
        out += "\n" + String(repeating: " ", count: pad) + "enum: " + values
      }
      out += "\n"
      if recursive {
        if let key = field.type.structKey, !visited.contains(key) {
          out += fieldList(field.fields, level: level + 1, recursive: true, visited: visited.union([key]))
        }
      } else {
        let text = field.description.isEmpty ? "<no description>" : field.description
        out += indent(wrap(text, 78 - pad), pad + 2) + "\n\n"
      }
    }
    return out
  }

  /// The type between angle brackets, as the template's `typeGuess` does.
  static func typeName(_ type: FieldType) -> String {
    switch type {
    case .time: "string"
    case .array(let element): "[]" + typeName(element)
    case .map(let element): "map[string]" + typeName(element)
    case .named(_, let inner) where inner.structKey == nil && inner != .anyObject: typeName(inner)
    default: type.explainName
    }
  }

  /// sprig's `indent`: every line, blank ones too, gets the padding.
  static func indent(_ text: String, _ count: Int) -> String {
    let pad = String(repeating: " ", count: count)
    return pad + text.replacingOccurrences(of: "\n", with: "\n" + pad)
  }

  /// sprig's `wrap` (goutils `WrapCustom` without breaking long words):
  /// breaks at the last space within the width, counting from the previous
  /// break only, so the text's own newlines do not reset the count.
  static func wrap(_ text: String, _ width: Int) -> String {
    let s = Array(text.utf8)
    guard !s.isEmpty else { return "" }
    var out: [UInt8] = []
    var offset = 0
    let space = UInt8(ascii: " ")
    while s.count - offset > width {
      if s[offset] == space {
        offset += 1
        continue
      }
      let end = min(width + offset + 1, s.count)
      if let last = s[offset..<end].lastIndex(of: space) {
        out += s[offset..<last]
        out.append(UInt8(ascii: "\n"))
        offset = last + 1
      } else {
        let from = width + offset
        if let next = s[from...].firstIndex(of: space) {
          out += s[offset..<next]
          out.append(UInt8(ascii: "\n"))
          offset = next + 1
        } else {
          out += s[offset...]
          offset = s.count
        }
      }
    }
    out += s[offset...]
    return String(decoding: out, as: UTF8.self)
  }
}
