/// The light markup of lesson and scenario text, as a terminal shows it:
/// `# ` and `## ` headings, `**bold**`, `` `code` `` and `- ` lists.
///
/// Without colour the marks of bold go, level-one headings are upper-cased
/// and code keeps its backquotes, so the text reads the same in a pipe or a
/// file. With colour, headings and bold are bold and code is cyan.
package enum TerminalMarkup {
  static let bold = "\u{1B}[1m"
  static let normal = "\u{1B}[22m"
  static let cyan = "\u{1B}[36m"
  static let defaultColour = "\u{1B}[39m"

  package static func render(_ text: String, colour: Bool) -> String {
    var lines: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = String(line)
      var heading = false
      if line.hasPrefix("# ") {
        line = String(line.dropFirst(2)).uppercased()
        heading = true
      } else if line.hasPrefix("## ") {
        line = String(line.dropFirst(3))
        heading = true
      } else if line.hasPrefix("- ") {
        line = "  • " + line.dropFirst(2)
      }
      if colour {
        line = styled(line)
        if heading { line = bold + line + normal }
      } else {
        line = line.replacingOccurrences(of: "**", with: "")
      }
      lines.append(line)
    }
    while lines.last == "" { lines.removeLast() }
    return lines.joined(separator: "\n")
  }

  /// `**bold**` in bold and `` `code` `` in cyan; an unpaired mark stays as typed.
  private static func styled(_ line: String) -> String {
    var result = ""
    var rest = Substring(line)
    while let index = rest.firstIndex(where: { $0 == "*" || $0 == "`" }) {
      result += rest[..<index]
      if rest[index...].hasPrefix("**"),
        let close = rest[rest.index(index, offsetBy: 2)...].range(of: "**")
      {
        result += bold + rest[rest.index(index, offsetBy: 2)..<close.lowerBound] + normal
        rest = rest[close.upperBound...]
      } else if rest[index] == "`",
        let close = rest[rest.index(after: index)...].firstIndex(of: "`")
      {
        result += cyan + rest[rest.index(after: index)..<close] + defaultColour
        rest = rest[rest.index(after: close)...]
      } else {
        result.append(rest[index])
        rest = rest[rest.index(after: index)...]
      }
    }
    return result + rest
  }
}
