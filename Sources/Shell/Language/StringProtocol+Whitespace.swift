extension StringProtocol {
  /// The string without leading and trailing spaces, tabs and newlines.
  var trimmingWhitespace: String {
    let characters = Array(self)
    guard let first = characters.firstIndex(where: { !$0.isWhitespace }),
      let last = characters.lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return String(characters[first...last])
  }
}
