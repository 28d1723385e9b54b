import Foundation
import KubeCluster

/// What a table cell may need besides its object.
package struct PrintContext: Sendable {
  package var now: Date
  package var cluster: Cluster
  /// The row's pod summary, worked out once for the READY, STATUS and
  /// RESTARTS cells.
  var podSummary: Columns.PodSummary?
}

/// One column of `kubectl get` output, after `metav1.TableColumnDefinition`.
package struct TableColumn: Sendable {
  package var header: String
  /// `0` always shows; `1` only with `-o wide`.
  package var priority: Int
  package var cell: @Sendable (Object, PrintContext) -> String

  package init(_ header: String, priority: Int = 0, _ cell: @escaping @Sendable (Object, PrintContext) -> String) {
    self.header = header
    self.priority = priority
    self.cell = cell
  }
}

/// Lays out rows like kubectl's tabwriter: each column as wide as its
/// widest cell plus three spaces, nothing after the last column.
package enum TablePrinter {
  package static func render(_ rows: [[String]]) -> String {
    guard let first = rows.first else { return "" }
    // Each cell's width is worked out once, and the text is laid out as
    // UTF-8 bytes: at 1,000 rows, measuring every cell twice and appending
    // Strings cell by cell cost more than making the cells.
    var widths = [Int](repeating: 0, count: first.count)
    var cellWidths: [Int] = []
    var bytes = 0
    for row in rows {
      for (index, cell) in row.enumerated() {
        let width = DisplayWidth.of(cell)
        cellWidths.append(width)
        if index < widths.count { widths[index] = max(widths[index], width) }
        bytes += cell.utf8.count
      }
    }
    var out: [UInt8] = []
    out.reserveCapacity(bytes + rows.count * (widths.reduce(0, +) + 3 * widths.count + 1))
    let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)
    var cellIndex = 0
    for row in rows {
      for (index, cell) in row.enumerated() {
        out.append(contentsOf: cell.utf8)
        if index != row.count - 1 {
          var padding = widths[index] - cellWidths[cellIndex] + 3
          while padding > 0 {
            let run = min(padding, spaces.count)
            out.append(contentsOf: spaces[..<run])
            padding -= run
          }
        }
        cellIndex += 1
      }
      out.append(UInt8(ascii: "\n"))
    }
    return String(decoding: out, as: UTF8.self)
  }
}

/// Terminal columns a string takes: East Asian wide characters take two.
package enum DisplayWidth {
  package static func of(_ text: String) -> Int {
    // Printable ASCII, nearly every cell: one column a byte.
    let printable = text.utf8.withContiguousStorageIfAvailable { bytes in
      for byte in bytes where byte < 0x20 || byte >= 0x7F { return false }
      return true
    } ?? !text.utf8.contains(where: { $0 < 0x20 || $0 >= 0x7F })
    if printable { return text.utf8.count }
    var width = 0
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value < 0x20 || (0x7F..<0xA0).contains(value) { continue }
      if scalar.properties.generalCategory == .nonspacingMark { continue }
      let wide =
        (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
        || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
        || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
        || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1F64F).contains(value)
        || (0x1F900...0x1F9FF).contains(value) || (0x20000...0x3FFFD).contains(value)
      width += wide ? 2 : 1
    }
    return width
  }
}
