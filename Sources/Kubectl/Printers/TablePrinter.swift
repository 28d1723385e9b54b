import Foundation
import KubeCluster

/// What a table cell may need besides its object.
package struct PrintContext: Sendable {
  package var now: Date
  package var cluster: Cluster
  /// The row's pod, read once for all its cells.
  var pod: PodFields?
}

/// One column of `kubectl get` output, after `metav1.TableColumnDefinition`.
package struct TableColumn: Sendable {
  package var header: String
  /// `0` always shows; `1` only with `-o wide`.
  package var priority: Int
  private var content: Content

  /// How a cell is made: as a String, or written straight into the table's
  /// bytes (the cells of every `get pods` row).
  private enum Content {
    case text(@Sendable (Object, PrintContext) -> String)
    case bytes(@Sendable (Object, PrintContext, inout [UInt8]) -> Void)
  }

  package init(_ header: String, priority: Int = 0, _ cell: @escaping @Sendable (Object, PrintContext) -> String) {
    self.header = header
    self.priority = priority
    content = .text(cell)
  }

  package init(_ header: String, priority: Int = 0, bytes write: @escaping @Sendable (Object, PrintContext, inout [UInt8]) -> Void) {
    self.header = header
    self.priority = priority
    content = .bytes(write)
  }

  /// The cell's text.
  package func cell(_ object: Object, _ context: PrintContext) -> String {
    switch content {
    case .text(let cell): return cell(object, context)
    case .bytes(let write):
      var bytes: [UInt8] = []
      write(object, context, &bytes)
      return String(decoding: bytes, as: UTF8.self)
    }
  }

  /// Appends the cell's text as UTF-8.
  func write(_ object: Object, _ context: PrintContext, into out: inout [UInt8]) {
    switch content {
    case .text(let cell): TableBuilder.append(cell(object, context), to: &out)
    case .bytes(let write): write(object, context, &out)
    }
  }
}

/// Lays out rows like kubectl's tabwriter: each column as wide as its
/// widest cell plus three spaces, nothing after the last column.
package enum TablePrinter {
  package static func render(_ rows: [[String]]) -> String {
    var table = TableBuilder()
    for row in rows {
      for cell in row { table.add(cell) }
      table.endRow()
    }
    return table.render()
  }
}

/// A table's cells laid end to end as UTF-8 bytes in one buffer, each
/// measured once as it is added: at 1,000 rows, a String per cell and an
/// array per row cost more than working the cells out.
struct TableBuilder {
  private var bytes: [UInt8] = []
  /// Where each cell ends in `bytes`.
  private var cellEnds: [Int] = []
  /// Each cell's width in terminal columns.
  private var cellWidths: [Int] = []
  /// Where each row ends in the cells.
  private var rowEnds: [Int] = []
  /// Each column's widest cell, as the first row's columns count them.
  private var widths: [Int] = []

  init(expectedBytes: Int = 0, expectedCells: Int = 0) {
    bytes.reserveCapacity(expectedBytes)
    cellEnds.reserveCapacity(expectedCells)
    cellWidths.reserveCapacity(expectedCells)
  }

  /// Appends a cell.
  mutating func add(_ text: String) {
    TableBuilder.append(text, to: &bytes)
    endCell()
  }

  /// Appends a cell that `write` appends to the table's bytes.
  mutating func add(_ write: (inout [UInt8]) -> Void) {
    write(&bytes)
    endCell()
  }

  /// Ends the row: the next cell starts the next one.
  mutating func endRow() {
    rowEnds.append(cellEnds.count)
  }

  /// Measures the cell just written: printable ASCII (nearly every cell)
  /// takes a column a byte, anything else is measured as text.
  private mutating func endCell() {
    let start = cellEnds.last ?? 0
    let end = bytes.count
    let ascii = bytes.withUnsafeBufferPointer { bytes in
      for index in start..<end where bytes[index] < 0x20 || bytes[index] >= 0x7F { return false }
      return true
    }
    let width = ascii ? end - start : DisplayWidth.of(String(decoding: bytes[start..<end], as: UTF8.self))
    cellEnds.append(end)
    cellWidths.append(width)
    let column = cellEnds.count - 1 - (rowEnds.last ?? 0)
    if column < widths.count {
      widths[column] = max(widths[column], width)
    } else if rowEnds.isEmpty {
      widths.append(width)
    }
  }

  /// The rows' cells as strings.
  var rows: [[String]] {
    var rows: [[String]] = []
    var cell = 0
    for rowEnd in rowEnds {
      var row: [String] = []
      while cell < rowEnd {
        row.append(String(decoding: bytes[(cell == 0 ? 0 : cellEnds[cell - 1])..<cellEnds[cell]], as: UTF8.self))
        cell += 1
      }
      rows.append(row)
    }
    return rows
  }

  /// The table as text, each row ending in a newline.
  func render() -> String {
    guard !rowEnds.isEmpty else { return "" }
    // The output's length is known, so it is made all spaces and each
    // cell is copied into place: the padding needs no writing.
    var length = 0
    var firstCell = 0
    for rowEnd in rowEnds {
      for cell in firstCell..<rowEnd {
        let start = cell == 0 ? 0 : cellEnds[cell - 1]
        length += cell == rowEnd - 1 ? cellEnds[cell] - start : padded(cell, column: cell - firstCell, start: start)
      }
      length += 1
      firstCell = rowEnd
    }
    var out = [UInt8](repeating: UInt8(ascii: " "), count: length)
    out.withUnsafeMutableBufferPointer { out in
      bytes.withUnsafeBufferPointer { bytes in
        var position = 0
        var firstCell = 0
        for rowEnd in rowEnds {
          for cell in firstCell..<rowEnd {
            let start = cell == 0 ? 0 : cellEnds[cell - 1]
            let count = cellEnds[cell] - start
            if count > 0 {
              UnsafeMutableRawPointer(out.baseAddress! + position).copyMemory(from: bytes.baseAddress! + start, byteCount: count)
            }
            position += cell == rowEnd - 1 ? count : padded(cell, column: cell - firstCell, start: start)
          }
          out[position] = UInt8(ascii: "\n")
          position += 1
          firstCell = rowEnd
        }
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The bytes a cell other than its row's last takes with its padding.
  private func padded(_ cell: Int, column: Int, start: Int) -> Int {
    cellEnds[cell] - start + widths[column] - cellWidths[cell] + 3
  }

  /// Appends a string's UTF-8 bytes, copied whole where the string is
  /// stored contiguously (nearly always).
  static func append(_ text: String, to out: inout [UInt8]) {
    let copied: Void? = text.utf8.withContiguousStorageIfAvailable { out.append(contentsOf: $0) }
    if copied == nil { out.append(contentsOf: text.utf8) }
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
