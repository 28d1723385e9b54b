import Foundation
import KubeCluster

/// kubectl's template printers: `-o jsonpath`, `-o custom-columns` and
/// `-o go-template`, with their error wording.
enum TemplatePrinter {
  /// `-o jsonpath=TEMPLATE` over `data` (an object, or the `List` kubectl
  /// builds for several).
  static func jsonpath(_ template: String, asJSON: Bool, data: JSONValue, allowMissingKeys: Bool = true) throws(KubectlError) -> String {
    var path: JSONPath
    do {
      path = try JSONPath(template)
    } catch {
      throw .message("error parsing jsonpath \(template), \(error.message)")
    }
    path.allowMissingKeys = allowMissingKeys
    path.outputJSON = asJSON
    do {
      return try path.execute(data)
    } catch {
      throw .raw(
        "error: error executing jsonpath \(goQuoted(template)): Error executing template: \(error.message). "
          + "Printing more information for debugging the template:\n"
          + "\ttemplate was:\n\t\t\(template)\n"
          + "\tobject given to jsonpath engine was:\n\t\t\(GoValueFormat.goSyntax(data))\n\n\n")
    }
  }

  /// `-o go-template=TEMPLATE`.
  static func goTemplate(_ template: String, data: JSONValue) throws(KubectlError) -> String {
    let parsed: GoTemplate
    do {
      parsed = try GoTemplate(template)
    } catch {
      throw .message("error parsing template \(template), template: output:\(error.message)")
    }
    do {
      return try parsed.execute(data)
    } catch {
      throw .message("error executing template \(goQuoted(template)): template: output:\(error.message)")
    }
  }

  /// kubectl's `RelaxedJSONPathExpression`: `a.b`, `.a.b`, `{a.b}` and
  /// `{.a.b}` all become `{.a.b}`.
  static func relaxed(_ expression: String) throws(KubectlError) -> String {
    guard !expression.isEmpty else { return expression }
    var body = expression
    if body.hasPrefix("{") && body.hasSuffix("}") && body.count >= 2 { body = String(body.dropFirst().dropLast()) }
    if body.hasPrefix(".") { body.removeFirst() }
    guard !body.isEmpty, !body.contains("{"), !body.contains("}") else {
      throw .message("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'")
    }
    return "{.\(body)}"
  }

  /// `-o custom-columns=HEADER:PATH,...` over the objects.
  static func customColumns(_ spec: String, objects: [JSONValue], noHeaders: Bool) throws(KubectlError) -> String {
    var columns: [(header: String, path: JSONPath)] = []
    for part in spec.split(separator: ",", omittingEmptySubsequences: false) {
      guard let colon = part.firstIndex(of: ":") else {
        throw .message("unexpected custom-columns spec: \(part), expected <header>:<json-path-expr>")
      }
      let expression = try relaxed(String(part[part.index(after: colon)...]))
      do {
        columns.append((String(part[..<colon]), try JSONPath(expression)))
      } catch {
        throw .message(error.message)
      }
    }
    var rows: [[String]] = []
    if !noHeaders { rows.append(columns.map(\.header)) }
    for object in objects {
      var row: [String] = []
      for column in columns {
        let results: [[JSONValue]]
        do {
          results = try column.path.findResults(object)
        } catch {
          throw .message(error.message)
        }
        var cells: [String] = []
        if results.first?.isEmpty ?? true { cells.append("<none>") }
        for values in results {
          cells += values.map(GoValueFormat.plain)
        }
        row.append(cells.joined(separator: ","))
      }
      rows.append(row)
    }
    return tabwriter(rows)
  }

  /// kubectl's tabwriter: minimum cell width 6, padding 3, no padding after
  /// the last column.
  static func tabwriter(_ rows: [[String]]) -> String {
    guard let first = rows.first else { return "" }
    var widths = [Int](repeating: 0, count: first.count)
    for row in rows {
      for (index, cell) in row.enumerated() where index < widths.count - 1 {
        widths[index] = max(widths[index], DisplayWidth.of(cell) + 3, 6)
      }
    }
    return rows.map { row in
      row.enumerated().map { index, cell in
        index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - DisplayWidth.of(cell))
      }.joined() + "\n"
    }.joined()
  }

  /// Go's `%q` of a string.
  static func goQuoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          out += String(format: "\\x%02x", scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
