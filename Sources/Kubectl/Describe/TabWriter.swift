/// Go's `text/tabwriter` as kubectl's describe uses it (padding 2, spaces):
/// tab-terminated cells align within blocks of consecutive lines that
/// have a cell in that column; the text after a line's last tab is not a
/// cell. A line holding only `\u{0C}` (a flush) ends every block.
package enum TabWriter {
  package static let flush = "\u{0C}"

  package static func format(_ text: String, padding: Int = 2) -> String {
    var out = ""
    for segment in text.components(separatedBy: flush + "\n") {
      out += formatSegment(segment, padding: padding)
    }
    return out
  }

  private static func formatSegment(_ text: String, padding: Int) -> String {
    guard !text.isEmpty else { return "" }
    var lines = text.components(separatedBy: "\n")
    let endsWithNewline = lines.last == ""
    if endsWithNewline { lines.removeLast() }
    let cells = lines.map { $0.components(separatedBy: "\t") }
    var widths: [Int] = []
    var result: [String?] = Array(repeating: nil, count: cells.count)
    layout(cells, 0, cells.count, &widths, padding, &result)
    return result.map { $0 ?? "" }.joined(separator: "\n") + (endsWithNewline ? "\n" : "")
  }

  private static func layout(_ cells: [[String]], _ start: Int, _ end: Int, _ widths: inout [Int], _ padding: Int, _ result: inout [String?]) {
    var line0 = start
    var this = start
    let column = widths.count
    while this < end {
      if column >= cells[this].count - 1 {
        this += 1
        continue
      }
      write(cells, line0, this, widths, &result)
      line0 = this
      var width = 0
      while this < end, column < cells[this].count - 1 {
        width = max(width, cells[this][column].count + padding)
        this += 1
      }
      widths.append(width)
      layout(cells, line0, this, &widths, padding, &result)
      widths.removeLast()
      line0 = this
    }
    write(cells, line0, end, widths, &result)
  }

  private static func write(_ cells: [[String]], _ start: Int, _ end: Int, _ widths: [Int], _ result: inout [String?]) {
    guard start < end else { return }
    for index in start..<end where result[index] == nil {
      let line = cells[index]
      var text = ""
      for (position, cell) in line.enumerated() {
        if position < line.count - 1 {
          let width = position < widths.count ? widths[position] : cell.count
          text += cell + String(repeating: " ", count: max(0, width - cell.count))
        } else {
          text += cell
        }
      }
      result[index] = text
    }
  }
}
