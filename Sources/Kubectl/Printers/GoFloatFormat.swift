/// Go's `strconv.FormatFloat` shortest forms, as kubectl's printers use them.
///
/// Swift's `description` already yields the shortest digits that read back
/// as the same value, which is what Go's `-1` precision asks for; only the
/// layout (where the exponent starts, how it is padded) differs, and that is
/// what this type rebuilds.
package enum GoFloatFormat {
  /// The shortest decimal digits of a finite value.
  ///
  /// The value equals `0.digits × 10^decimalPoint`, as in Go's `decimalSlice`:
  /// `1.5` is `("15", 1)`, `0.001` is `("1", -2)` and zero is `("", 0)`.
  struct Digits {
    var digits: [UInt8]
    var decimalPoint: Int
    var negative: Bool
  }

  /// `strconv.FormatFloat(value, 'g', -1, 64)`: the form go-yaml prints a
  /// float64 in, with `.inf`, `-.inf` and `.nan` for the special values.
  package static func yaml(_ value: Double) -> String {
    if value.isNaN { return ".nan" }
    if value.isInfinite { return value < 0 ? "-.inf" : ".inf" }
    return shortestG(digits(of: value.description, negative: value.sign == .minus))
  }

  /// `strconv.FormatFloat(value, 'g', -1, 32)`: how sigs.k8s.io/yaml turns a
  /// float map key into a JSON key (it rounds to float32 first).
  package static func yamlKey(_ value: Double) -> String {
    if value.isNaN { return ".nan" }
    let single = Float(value)
    if single.isInfinite { return single < 0 ? "-.inf" : ".inf" }
    return shortestG(digits(of: single.description, negative: single.sign == .minus))
  }

  /// Go's `encoding/json` form of a float64: plain decimals between 1e-6 and
  /// 1e21, exponent form (`1e+21`, `1e-7`) outside.
  package static func json(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
    let parts = digits(of: value.description, negative: value.sign == .minus)
    let magnitude = value.magnitude
    guard magnitude != 0, magnitude < 1e-6 || magnitude >= 1e21 else {
      return fixed(parts)
    }
    var text = exponent(parts)
    // Go trims the exponent's zero padding: e-07 becomes e-7.
    let scalars = Array(text.unicodeScalars)
    let count = scalars.count
    if count >= 4, scalars[count - 4] == "e", scalars[count - 3] == "-", scalars[count - 2] == "0" {
      text = String(String.UnicodeScalarView(scalars[0..<(count - 2)] + [scalars[count - 1]]))
    }
    return text
  }

  // MARK: Layouts

  /// `%g` with the shortest precision: exponent form when the exponent is
  /// below -4 or at least 6 (Go's rule for `-1` precision), fixed otherwise.
  static func shortestG(_ parts: Digits) -> String {
    let exponentValue = parts.decimalPoint - 1
    if !parts.digits.isEmpty && (exponentValue < -4 || exponentValue >= 6) {
      return exponent(parts)
    }
    return fixed(parts)
  }

  /// `%e` with as many digits as `parts` holds: `d.ddde±XX`.
  static func exponent(_ parts: Digits) -> String {
    var out = parts.negative ? "-" : ""
    let digits = parts.digits.isEmpty ? [UInt8(ascii: "0")] : parts.digits
    out.unicodeScalars.append(Unicode.Scalar(digits[0]))
    if digits.count > 1 {
      out += "."
      for digit in digits.dropFirst() { out.unicodeScalars.append(Unicode.Scalar(digit)) }
    }
    let exponentValue = parts.digits.isEmpty ? 0 : parts.decimalPoint - 1
    out += exponentValue < 0 ? "e-" : "e+"
    let magnitude = exponentValue.magnitude
    out += magnitude < 10 ? "0\(magnitude)" : "\(magnitude)"
    return out
  }

  /// `%f` with as many decimals as needed and no more.
  static func fixed(_ parts: Digits) -> String {
    var out = parts.negative ? "-" : ""
    let digits = parts.digits
    let point = parts.decimalPoint
    func digit(at index: Int) -> Unicode.Scalar {
      index >= 0 && index < digits.count ? Unicode.Scalar(digits[index]) : "0"
    }
    if point > 0 {
      for index in 0..<point { out.unicodeScalars.append(digit(at: index)) }
    } else {
      out += "0"
    }
    let decimals = max(digits.count - point, 0)
    if decimals > 0 {
      out += "."
      for index in point..<(point + decimals) { out.unicodeScalars.append(digit(at: index)) }
    }
    return out
  }

  /// Splits Swift's shortest `description` (`1.5`, `1e-07`, `1.25e+20`,
  /// `100.0`) into digits and a decimal point position.
  static func digits(of description: String, negative: Bool) -> Digits {
    var mantissa = Substring(description)
    if mantissa.hasPrefix("-") { mantissa = mantissa.dropFirst() }
    var exponentValue = 0
    if let marker = mantissa.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      exponentValue = Int(mantissa[mantissa.index(after: marker)...].replacing("+", with: "")) ?? 0
      mantissa = mantissa[..<marker]
    }
    var digits: [UInt8] = []
    var point: Int?
    for byte in mantissa.utf8 {
      if byte == UInt8(ascii: ".") {
        point = digits.count
      } else {
        digits.append(byte)
      }
    }
    var decimalPoint = (point ?? digits.count) + exponentValue
    while let first = digits.first, first == UInt8(ascii: "0") {
      digits.removeFirst()
      decimalPoint -= 1
    }
    while let last = digits.last, last == UInt8(ascii: "0") {
      digits.removeLast()
    }
    if digits.isEmpty { decimalPoint = 0 }
    return Digits(digits: digits, decimalPoint: decimalPoint, negative: negative)
  }
}
