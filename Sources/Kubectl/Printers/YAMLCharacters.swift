/// libyaml's character classes, on Unicode scalars instead of UTF-8 bytes.
enum YAMLCharacters {
  /// Whether the emitter may write `scalar` unescaped (`is_printable`).
  ///
  /// Tabs, C1 controls, the byte order mark and everything beyond U+FFFF
  /// are not.
  static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0A, 0x20...0x7E, 0xA0...0xD7FF: true
    case 0xE000...0xFFFD: scalar.value != 0xFEFF
    default: false
    }
  }

  /// `is_break`: CR, LF, NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR.
  static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0D, 0x0A, 0x85, 0x2028, 0x2029: true
    default: false
    }
  }

  /// `is_blank`: a space or a tab.
  static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\t"
  }

  /// What go-yaml's reader accepts at all; anything else fails with
  /// `control characters are not allowed`.
  static func isAllowedInput(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF:
      true
    default: false
    }
  }
}
