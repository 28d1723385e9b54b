import Foundation

/// An awk value: a number, a string, or a string from input that compares
/// as a number when it looks like one (a "strnum").
enum AwkValue {
  case number(Double)
  case string(String)
  /// Field, `split` or `-v` text: numeric if it looks numeric.
  case strnum(String)
  case uninitialized

  /// The numeric value: the longest leading number of a string, else 0.
  var number: Double {
    switch self {
    case .number(let value): value
    case .string(let text), .strnum(let text): Self.leadingNumber(text)
    case .uninitialized: 0
    }
  }

  /// The string value, converting numbers with `format` (`CONVFMT` or `OFMT`).
  func string(format: String = "%.6g") -> String {
    switch self {
    case .number(let value): Self.format(value, format)
    case .string(let text), .strnum(let text): text
    case .uninitialized: ""
    }
  }

  /// Whether the value compares numerically.
  var isNumeric: Bool {
    switch self {
    case .number, .uninitialized: true
    case .string: false
    case .strnum(let text): Self.looksNumeric(text)
    }
  }

  /// The truth of the value in a condition.
  var isTrue: Bool {
    switch self {
    case .number(let value): value != 0
    case .string(let text): !text.isEmpty
    case .strnum(let text): Self.looksNumeric(text) ? Self.leadingNumber(text) != 0 : !text.isEmpty
    case .uninitialized: false
    }
  }

  /// `value` truncated to an integer, clamped to `Int`'s range; NaN is 0.
  static func integer(_ value: Double) -> Int {
    guard !value.isNaN else { return 0 }
    if value >= 9.2e18 { return Int.max }
    if value <= -9.2e18 { return Int.min }
    return Int(value.rounded(.towardZero))
  }

  /// Integers print as integers; other numbers through `format`.
  static func format(_ value: Double, _ format: String) -> String {
    if value == value.rounded(), abs(value) < 1e16 {
      return String(Int(value))
    }
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    return String(format: format, value)
  }

  /// Whether the whole text, blanks aside, is a decimal number.
  static func looksNumeric(_ text: String) -> Bool {
    let trimmed = text.trimmingWhitespace
    guard !trimmed.isEmpty, trimmed.unicodeScalars.allSatisfy({ $0.isASCII }) else { return false }
    guard let first = trimmed.first, first.isNumber || "+-.".contains(first) else { return false }
    guard !trimmed.lowercased().contains("x"), !trimmed.lowercased().contains("n") else {
      return false
    }
    return Double(trimmed) != nil
  }

  /// The number at the start of `text`, as `strtod` reads it; 0 when none.
  static func leadingNumber(_ text: String) -> Double {
    let characters = Array(text.drop { $0 == " " || $0 == "\t" || $0 == "\n" })
    var end = 0
    if end < characters.count && (characters[end] == "+" || characters[end] == "-") { end += 1 }
    var digits = 0
    while end < characters.count && characters[end].isASCII && characters[end].isNumber {
      end += 1
      digits += 1
    }
    if end < characters.count && characters[end] == "." {
      end += 1
      while end < characters.count && characters[end].isASCII && characters[end].isNumber {
        end += 1
        digits += 1
      }
    }
    guard digits > 0 else { return 0 }
    if end < characters.count && (characters[end] == "e" || characters[end] == "E") {
      var exponent = end + 1
      if exponent < characters.count && (characters[exponent] == "+" || characters[exponent] == "-")
      {
        exponent += 1
      }
      if exponent < characters.count && characters[exponent].isASCII
        && characters[exponent].isNumber
      {
        end = exponent
        while end < characters.count && characters[end].isASCII && characters[end].isNumber {
          end += 1
        }
      }
    }
    return Double(String(characters[..<end])) ?? 0
  }
}
