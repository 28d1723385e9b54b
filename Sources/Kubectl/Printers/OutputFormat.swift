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
    var table = TableBuilder(expectedBytes: (objects.count + 1) * 64, expectedCells: (objects.count + 1) * 6)
    addRows(objects, kind: kind, options: options, context: context, to: &table)
    return table.render()
  }

  /// One kind's table as rows of cells, the header first unless `noHeaders`.
  static func tableRows(_ objects: [Object], kind: Kind, options: TableOptions, context: PrintContext) -> [[String]] {
    var table = TableBuilder()
    addRows(objects, kind: kind, options: options, context: context, to: &table)
    return table.rows
  }

  private static func addRows(
    _ objects: [Object], kind: Kind, options: TableOptions, context: PrintContext, to table: inout TableBuilder
  ) {
    let columns = Columns.columns(for: kind).filter { $0.priority == 0 || options.wide }
    if !options.noHeaders {
      if options.withNamespace { table.add("NAMESPACE") }
      for column in columns { table.add(column.header) }
      for label in options.labelColumns {
        table.add(label.split(separator: "/").last.map { String($0).uppercased() } ?? label.uppercased())
      }
      if options.showLabels { table.add("LABELS") }
      table.endRow()
    }
    let kindPrefix = options.withKind && columns.first?.header == "NAME"
    // One context for every row (it holds the whole cluster: copying it
    // per row cost more than some cells).
    var rowContext = context
    for object in objects {
      rowContext.pod = object.kind == .pod ? object.memoized(object: PodFields.self, PodFields.init) : nil
      // `metadata` read as keys, not as a dotted path cut at every row.
      if options.withNamespace { table.add(object.content["metadata"]?["namespace"]?.string ?? "") }
      for (index, column) in columns.enumerated() {
        table.add { out in
          if index == 0 && kindPrefix {
            TableBuilder.append(object.kind.groupSingular, to: &out)
            out.append(UInt8(ascii: "/"))
          }
          column.write(object, rowContext, into: &out)
        }
      }
      if !options.labelColumns.isEmpty || options.showLabels {
        let labels = object.labels
        for label in options.labelColumns { table.add(labels[label] ?? "") }
        if options.showLabels { table.add(Columns.formatLabels(labels)) }
      }
      table.endRow()
    }
  }
}
