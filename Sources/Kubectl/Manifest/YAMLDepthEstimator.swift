/// Estimates from the raw text how deeply a YAML document nests, so that a
/// document nested thousands deep (`[[[[…`, `- - - - …`) is refused before
/// Yams composes it: composition recurses once per level and could exhaust
/// the stack.
///
/// The estimate is generous rather than exact: block nesting counts the
/// distinct indentation levels open at a line plus compact `- `/`? `/`: `
/// indicators, and flow nesting counts brackets that can open a collection
/// (quoted text inside flow collections is skipped).
enum YAMLDepthEstimator {
  /// The 1-based line (within `text`) where the estimate first exceeds
  /// `limit`, or nil when it never does.
  static func lineExceeding(_ limit: Int, in text: String) -> Int? {
    var indents: [Int] = []
    var flowDepth = 0
    var quote: UInt8?
    var lineNumber = 0
    for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      lineNumber += 1
      let bytes = Array(line)
      var blockDepth = indents.count
      var index = 0
      if flowDepth == 0 && quote == nil {
        while index < bytes.count && bytes[index] == UInt8(ascii: " ") { index += 1 }
        if index == bytes.count || bytes[index] == UInt8(ascii: "#") { continue }
        while let last = indents.last, last >= index { indents.removeLast() }
        indents.append(index)
        blockDepth = indents.count
        while index < bytes.count,
          [UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":")].contains(bytes[index]),
          index + 1 == bytes.count || bytes[index + 1] == UInt8(ascii: " ")
        {
          blockDepth += 1
          index += 1
          while index < bytes.count && bytes[index] == UInt8(ascii: " ") { index += 1 }
        }
      }
      if blockDepth + flowDepth > limit { return lineNumber }
      while index < bytes.count {
        let byte = bytes[index]
        let atTokenStart =
          index == 0
          || [
            UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "["), UInt8(ascii: "{"),
            UInt8(ascii: ","), UInt8(ascii: ":"),
          ].contains(bytes[index - 1])
        if let open = quote {
          if byte == UInt8(ascii: "\\") && open == UInt8(ascii: "\"") {
            index += 2
            continue
          }
          if byte == open { quote = nil }
          index += 1
          continue
        }
        switch byte {
        case UInt8(ascii: "#")
        where index == 0 || bytes[index - 1] == UInt8(ascii: " ")
          || bytes[index - 1] == UInt8(ascii: "\t"):
          index = bytes.count
          continue
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
          if atTokenStart { quote = byte }
        case UInt8(ascii: "["), UInt8(ascii: "{"):
          if flowDepth > 0 || atTokenStart {
            flowDepth += 1
            if blockDepth + flowDepth > limit { return lineNumber }
          }
        case UInt8(ascii: "]"), UInt8(ascii: "}"):
          if flowDepth > 0 { flowDepth -= 1 }
        default:
          break
        }
        index += 1
      }
    }
    return nil
  }
}
