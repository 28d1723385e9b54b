/// Backslash escapes as `echo -e`, `printf` and `tr` decode them.
enum EscapeSequences {
  /// The result of decoding: the text, and whether `\c` asked to stop all
  /// further output.
  struct Decoded {
    var text: String
    var stopsOutput: Bool
  }

  /// Decodes `\n`, `\t`, `\\`, `\0NNN` (echo) or `\NNN` (printf), `\xHH`
  /// and the other C escapes; unknown escapes stay as written.
  static func decode(_ text: String, octalNeedsZero: Bool) -> Decoded {
    let characters = Array(text)
    var result = ""
    var index = 0
    while index < characters.count {
      let character = characters[index]
      index += 1
      guard character == "\\", index < characters.count else {
        result.append(character)
        continue
      }
      let next = characters[index]
      index += 1
      switch next {
      case "a": result.append("\u{07}")
      case "b": result.append("\u{08}")
      case "c": return Decoded(text: result, stopsOutput: true)
      case "e", "E": result.append("\u{1B}")
      case "f": result.append("\u{0C}")
      case "n": result.append("\n")
      case "r": result.append("\r")
      case "t": result.append("\t")
      case "v": result.append("\u{0B}")
      case "\\": result.append("\\")
      case "\"" where !octalNeedsZero: result.append("\"")
      case "'" where !octalNeedsZero: result.append("'")
      case "x", "u", "U":
        let limit = next == "x" ? 2 : next == "u" ? 4 : 8
        var digits = ""
        while digits.count < limit, index < characters.count, characters[index].isHexDigit {
          digits.append(characters[index])
          index += 1
        }
        if let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) {
          result.append(Character(scalar))
        } else {
          result += "\\" + String(next)
        }
      case "0"..."7" where !octalNeedsZero || next == "0":
        var digits = octalNeedsZero ? "" : String(next)
        while digits.count < 3, index < characters.count, ("0"..."7").contains(characters[index]) {
          digits.append(characters[index])
          index += 1
        }
        let value = UInt32(digits, radix: 8) ?? 0
        if let scalar = Unicode.Scalar(value & 0xFF) {
          result.append(Character(scalar))
        }
      default:
        result += "\\" + String(next)
      }
    }
    return Decoded(text: result, stopsOutput: false)
  }
}
