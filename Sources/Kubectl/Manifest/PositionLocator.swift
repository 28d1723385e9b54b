/// Turns byte offsets into line and column positions, scanning forward
/// from the last answer, so a parser that asks in increasing order pays for
/// each byte once even on a single very long line.
struct PositionLocator {
  private let bytes: [UInt8]
  private var offset = 0
  private var line = 1
  private var column = 1

  init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// The position of the byte at `target`; columns count Unicode scalars.
  mutating func position(at target: Int) -> ManifestPosition {
    if target < offset {
      offset = 0
      line = 1
      column = 1
    }
    while offset < target && offset < bytes.count {
      let byte = bytes[offset]
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
      offset += 1
    }
    return ManifestPosition(line: line, column: column)
  }
}
