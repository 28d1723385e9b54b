/// Cuts a YAML stream into documents the way kubectl's `YAMLReader` does,
/// before any YAML parsing: line by line, at lines that start with `---`.
///
/// The details matter because kubectl's error line numbers count from the
/// start of each piece: a separator that ends a document is dropped, but a
/// separator met while no text is pending (the file's first line, or a
/// second `---` in a row) stays at the top of the next piece. Lines lose a
/// trailing `\r\n` or `\n` and get `\n` back, so CRLF files read as LF.
enum YAMLDocumentSplitter {
  /// One document's text and where it starts in the whole input.
  struct Piece: Equatable {
    var text: String
    /// The 1-based input line of the piece's first line.
    var startLine: Int
  }

  /// A `---` line followed by something other than spaces or a comment.
  struct SeparatorError: Error, Equatable {
    var message: String
    var line: Int
  }

  /// The pieces in order, and the separator error that ends the stream
  /// early, if any (kubectl reports it when it reaches it, after handling
  /// the pieces before it, and drops the text pending at that point).
  static func split(_ text: String) -> (pieces: [Piece], error: SeparatorError?) {
    var pieces: [Piece] = []
    var buffer: [UInt8] = []
    var bufferStart = 1
    let bytes = Array(text.utf8)
    var lineNumber = 0
    var start = 0
    while start < bytes.count {
      lineNumber += 1
      var end = start
      while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
      var line = bytes[start..<end]
      if end < bytes.count, line.last == UInt8(ascii: "\r") { line = line.dropLast() }
      start = end + 1
      if line.starts(with: Array("---".utf8)) {
        let rest = String(decoding: line.dropFirst(3), as: UTF8.self)
        let trimmed = trimmingGoSpace(rest)
        if let first = trimmed.first, first != "#" {
          return (
            pieces,
            SeparatorError(message: "invalid Yaml document separator: \(trimmed)", line: lineNumber)
          )
        }
        if !buffer.isEmpty {
          pieces.append(
            Piece(text: String(decoding: buffer, as: UTF8.self), startLine: bufferStart))
          buffer = []
          continue
        }
      }
      if buffer.isEmpty { bufferStart = lineNumber }
      buffer.append(contentsOf: line)
      buffer.append(UInt8(ascii: "\n"))
    }
    if !buffer.isEmpty {
      pieces.append(Piece(text: String(decoding: buffer, as: UTF8.self), startLine: bufferStart))
    }
    return (pieces, nil)
  }

  /// Go's `strings.TrimSpace`: trims Unicode white space at both ends.
  static func trimmingGoSpace(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}
