import Foundation

/// A `resource.Quantity`: an exact decimal amount with the suffix style it
/// was written in, such as `500m`, `1.5Gi` or `2e3`.
///
/// Parsing follows apimachinery's `ParseQuantity`, errors included, and
/// `description` is its canonical form: the API server stores `0.5` CPU as
/// `500m` and `1024Mi` as `1Gi`.
package struct Quantity: Equatable, Hashable, Sendable, Comparable, CustomStringConvertible {
  /// How the quantity was written, which decides how it is printed.
  package enum Format: Sendable, Hashable {
    /// Powers of 1024: `Ki`, `Mi`, `Gi`, …
    case binarySI
    /// Powers of 1000: `n`, `u`, `m`, `k`, `M`, `G`, …, or no suffix.
    case decimalSI
    /// An `e` or `E` exponent: `2e3`.
    case decimalExponent
  }

  /// The three errors apimachinery's parser reports, worded as it words them.
  package enum ParseError: Error, Equatable, Sendable, CustomStringConvertible {
    case formatWrong
    case numeric
    case suffix

    package var description: String {
      switch self {
      case .formatWrong:
        "quantities must match the regular expression "
          + "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
      case .numeric: "unable to parse numeric part of quantity"
      case .suffix: "unable to parse quantity's suffix"
      }
    }
  }

  /// The value is `mantissa × 10^exponent`, with trailing zeros moved into
  /// the exponent.
  package private(set) var mantissa: Int
  package private(set) var exponent: Int
  package var format: Format

  private static let decimalSuffixes: [String: Int] = [
    "n": -9, "u": -6, "m": -3, "": 0, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18,
  ]
  private static let binarySuffixes: [String: Int] = [
    "Ki": 10, "Mi": 20, "Gi": 30, "Ti": 40, "Pi": 50, "Ei": 60,
  ]

  package init(mantissa: Int, exponent: Int, format: Format = .decimalSI) {
    self.mantissa = mantissa
    self.exponent = exponent
    self.format = format
    normalize()
  }

  /// Parses a quantity string as the API server does.
  package init(parsing text: String) throws(ParseError) {
    guard !text.isEmpty else { throw .formatWrong }
    let chars = Array(text.utf8)
    var pos = 0
    var negative = false
    if chars[0] == UInt8(ascii: "-") || chars[0] == UInt8(ascii: "+") {
      negative = chars[0] == UInt8(ascii: "-")
      pos = 1
    }
    func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    var numerator = ""
    var denominator = ""
    while pos < chars.count, isDigit(chars[pos]) {
      numerator.append(Character(UnicodeScalar(chars[pos])))
      pos += 1
    }
    if pos < chars.count, chars[pos] == UInt8(ascii: ".") {
      pos += 1
      while pos < chars.count, isDigit(chars[pos]) {
        denominator.append(Character(UnicodeScalar(chars[pos])))
        pos += 1
      }
    }
    let suffixStart = pos
    while pos < chars.count, "eEinumkKMGTP".utf8.contains(chars[pos]) { pos += 1 }
    if pos < chars.count, chars[pos] == UInt8(ascii: "-") || chars[pos] == UInt8(ascii: "+") {
      pos += 1
    }
    while pos < chars.count, isDigit(chars[pos]) { pos += 1 }
    guard pos == chars.count else { throw .formatWrong }
    let suffix = String(decoding: chars[suffixStart...], as: UTF8.self)

    let digits = (numerator + denominator).drop { $0 == "0" }
    guard digits.count <= 18, var mantissa = Int(digits.isEmpty ? "0" : String(digits)) else {
      throw .numeric
    }
    if negative { mantissa = -mantissa }
    var exponent = -denominator.count
    var format = Format.decimalSI
    if let power = Quantity.decimalSuffixes[suffix] {
      exponent += power
    } else if let bits = Quantity.binarySuffixes[suffix] {
      format = .binarySI
      let (product, overflow) = mantissa.multipliedReportingOverflow(by: 1 << bits)
      guard !overflow else { throw .numeric }
      mantissa = product
    } else if let first = suffix.first, first == "e" || first == "E",
      let power = Int(suffix.dropFirst())
    {
      format = .decimalExponent
      exponent += power
    } else {
      throw .suffix
    }
    self.init(mantissa: mantissa, exponent: exponent, format: format)
  }

  private mutating func normalize() {
    if mantissa == 0 {
      exponent = 0
      return
    }
    while mantissa % 10 == 0 {
      mantissa /= 10
      exponent += 1
    }
  }

  package var decimal: Decimal {
    Decimal(
      sign: mantissa < 0 ? .minus : .plus, exponent: exponent, significand: Decimal(abs(mantissa)))
  }

  package static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.decimal < rhs.decimal }

  package static func == (lhs: Quantity, rhs: Quantity) -> Bool {
    lhs.mantissa == rhs.mantissa && lhs.exponent == rhs.exponent
  }

  package func hash(into hasher: inout Hasher) {
    hasher.combine(mantissa)
    hasher.combine(exponent)
  }

  /// The quantity rounded up to a whole number of thousandths, as the API
  /// server does to every value in a resource list.
  package var roundedUpToMilli: Quantity {
    guard exponent < -3 else { return self }
    var scale = 1
    for _ in 0..<(-3 - exponent) { scale *= 10 }
    let whole = mantissa / scale
    let rounded = whole * scale == mantissa || mantissa < 0 ? whole : whole + 1
    return Quantity(mantissa: rounded, exponent: -3, format: format)
  }

  /// The canonical text, as `Quantity.String()` produces it.
  package var description: String {
    if mantissa == 0 { return "0" }
    if format == .binarySI, exponent >= 0, abs(decimal) >= 1024 {
      var value = mantissa
      for _ in 0..<exponent { value *= 10 }
      var power = 0
      while value % 1024 == 0 && power < 6 {
        value /= 1024
        power += 1
      }
      let suffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"]
      return String(value) + suffixes[power]
    }
    // Decimal forms: round below nano up to nano, then use an exponent that is
    // a multiple of three with a whole mantissa.
    var mantissa = mantissa
    var exponent = exponent
    if exponent < -9 {
      var scale = 1
      for _ in 0..<(-9 - exponent) { scale *= 10 }
      mantissa = mantissa / scale + (mantissa % scale == 0 ? 0 : (mantissa > 0 ? 1 : 0))
      exponent = -9
    }
    var shift = exponent % 3
    if shift < 0 { shift += 3 }
    for _ in 0..<shift { mantissa *= 10 }
    exponent -= shift
    if format == .decimalExponent {
      return exponent == 0 ? String(mantissa) : "\(mantissa)e\(exponent)"
    }
    if exponent > 18 {
      for _ in 0..<(exponent - 18) { mantissa *= 10 }
      exponent = 18
    }
    let suffix = Quantity.decimalSuffixes.first { $0.value == exponent }?.key ?? ""
    return String(mantissa) + suffix
  }
}
