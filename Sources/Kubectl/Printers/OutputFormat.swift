import Foundation
import KubeCluster

/// The `-o` formats of get and of the create/apply family.
enum OutputFormat: Equatable {
  case table
  case wide
  case yaml
  case json
  case name
  /// `-o jsonpath=…`, `jsonpath-file=…`, `jsonpath-as-json=…`: the template text.
  case jsonpath(String, asJSON: Bool)
  /// `-o custom-columns=…`, `custom-columns-file=…`: the column spec.
  case customColumns(String)
  /// `-o go-template=…`, `go-template-file=…`, `template=…`.
  case goTemplate(String)

  static let allowed = ["json", "yaml", "name", "go-template", "go-template-file", "template", "templatefile", "jsonpath", "jsonpath-as-json", "jsonpath-file", "custom-columns", "custom-columns-file", "wide"]

  static func parse(_ text: String, command: String = "get") throws(KubectlError) -> OutputFormat {
    try parse(text, template: "", readFile: nil)
  }

  /// Parses `-o FORMAT[=TEMPLATE]` as kubectl's print flags do, reading the
  /// template file for the `-file` formats.
  static func parse(_ text: String, template: String, readFile: (@Sendable (String) throws -> String)?) throws(KubectlError) -> OutputFormat {
    // A --template without -o prints with it as a go-template, as
    // PrintFlags.ToPrinter keeps for backwards compatibility.
    var format = text.isEmpty && !template.isEmpty ? "go-template" : text
    var value = template
    if let equals = text.firstIndex(of: "=") {
      format = String(text[..<equals])
      value = String(text[text.index(after: equals)...])
    }
    let templated = ["jsonpath", "jsonpath-file", "jsonpath-as-json", "custom-columns", "custom-columns-file", "go-template", "go-template-file", "template", "templatefile"]
    if templated.contains(format) {
      if format.hasSuffix("-file") || format == "templatefile" {
        guard !value.isEmpty else { throw .message("template format specified but no template given") }
        do {
          value = try (readFile ?? { path in throw FileError.notFound(path) })(value)
        } catch {
          throw .message("error reading --template \(value), open \(value): no such file or directory\n")
        }
      }
      switch format {
      case "custom-columns", "custom-columns-file":
        guard !value.isEmpty else { throw .message("custom-columns format specified but no custom columns given") }
        guard format == "custom-columns-file" else { return .customColumns(value) }
        // NewCustomColumnsPrinterFromTemplate: a line of headers, then a
        // line of specs, both split at whitespace.
        let lines = value.split(separator: "\n", omittingEmptySubsequences: false)
        let expected = "Expected format is one line of space separated headers, one line of space separated column specs."
        guard let first = lines.first else { throw .message("invalid template, missing header line. \(expected)") }
        guard lines.count > 1 else { throw .message("invalid template, missing spec line. \(expected)") }
        let headers = first.split(whereSeparator: { $0 == " " || $0 == "\t" })
        let specs = lines[1].split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard headers.count == specs.count else {
          throw .message("number of headers (\(headers.count)) and field specifications (\(specs.count)) don't match")
        }
        return .customColumns(zip(headers, specs).map { "\($0):\($1)" }.joined(separator: ","))
      case "jsonpath", "jsonpath-file", "jsonpath-as-json":
        guard !value.isEmpty else { throw .message("template format specified but no template given") }
        return .jsonpath(value, asJSON: format == "jsonpath-as-json")
      default:
        guard !value.isEmpty else { throw .message("template format specified but no template given") }
        return .goTemplate(value)
      }
    }
    switch text {
    case "": return .table
    case "wide": return .wide
    case "yaml": return .yaml
    case "json": return .json
    case "name": return .name
    default:
      throw .message("unable to match a printer suitable for the output format \"\(text)\", allowed formats are: " + allowed.joined(separator: ","))
    }
  }
}

/// Prints objects the way kubectl's printers do.
enum ObjectPrinter {
  /// A list of objects as kubectl prints a `List` for `-o yaml|json`.
  static func list(_ objects: [Object]) -> JSONValue {
    [
      "apiVersion": "v1", "items": .array(objects.map(\.content)), "kind": "List",
      "metadata": ["resourceVersion": ""],
    ]
  }

  static func yaml(_ value: JSONValue) -> String { YAMLEmitter.emit(value.sortedKeys) }
  static func json(_ value: JSONValue) -> String { JSONEmitter.emit(value, sortKeys: true) }

  /// `pod/whoami`, `deployment.apps/web`.
  static func name(_ object: Object) -> String { "\(object.kind.groupSingular)/\(object.name)" }

  struct TableOptions {
    var wide = false
    var withKind = false
    var withNamespace = false
    var showLabels = false
    var labelColumns: [String] = []
    var noHeaders = false
  }

  /// One kind's rows as a table.
  static func table(_ objects: [Object], kind: Kind, options: TableOptions, context: PrintContext) -> String {
    TablePrinter.render(tableRows(objects, kind: kind, options: options, context: context))
  }

  /// One kind's table as rows of cells, the header first unless `noHeaders`.
  static func tableRows(_ objects: [Object], kind: Kind, options: TableOptions, context: PrintContext) -> [[String]] {
    let columns = Columns.columns(for: kind).filter { $0.priority == 0 || options.wide }
    var rows: [[String]] = []
    if !options.noHeaders {
      var header = columns.map(\.header)
      if options.withNamespace { header.insert("NAMESPACE", at: 0) }
      header += options.labelColumns.map { $0.split(separator: "/").last.map { String($0).uppercased() } ?? $0.uppercased() }
      if options.showLabels { header.append("LABELS") }
      rows.append(header)
    }
    // One context for every row (it holds the whole cluster: copying it
    // per row cost more than some cells).
    var rowContext = context
    rows.reserveCapacity(rows.count + objects.count)
    for object in objects {
      rowContext.podSummary = object.kind == .pod ? Columns.podSummary(object) : nil
      var row = columns.map { $0.cell(object, rowContext) }
      if options.withKind, kind != .event || true, !row.isEmpty, columns.first?.header == "NAME" {
        row[0] = "\(object.kind.groupSingular)/\(row[0])"
      }
      if options.withNamespace { row.insert(object.namespace, at: 0) }
      row += options.labelColumns.map { object.labels[$0] ?? "" }
      if options.showLabels { row.append(Columns.formatLabels(object.labels)) }
      rows.append(row)
    }
    return rows
  }
}
