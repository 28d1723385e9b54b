/// A resource quantity such as `100m`, `0.5`, `64Mi` or `1G`, read as
/// Kubernetes reads `resource.Quantity`.
package struct Quantity: Equatable, Sendable, Comparable {
  /// The value in thousandths of a unit (millicores for CPU, millibytes for memory).
  package var milli: Int64

  package init(milli: Int64) { self.milli = milli }

  package static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.milli < rhs.milli }

  private static let suffixes: [(String, Double)] = [
    ("Ki", 1024), ("Mi", 1_048_576), ("Gi", 1_073_741_824), ("Ti", 1_099_511_627_776),
    ("Pi", 1_125_899_906_842_624), ("Ei", 1_152_921_504_606_846_976),
    ("n", 1e-9), ("u", 1e-6), ("m", 1e-3), ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12),
    ("P", 1e15), ("E", 1e18),
  ]

  /// Parses a quantity; nil when the text is not one.
  package init?(_ text: String) {
    var number = text
    var factor = 1.0
    for (suffix, value) in Quantity.suffixes where text.hasSuffix(suffix) {
      number = String(text.dropLast(suffix.count))
      factor = value
      break
    }
    if factor == 1.0, let e = number.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      guard let mantissa = Double(number[..<e]), let exponent = Int(number[number.index(after: e)...])
      else { return nil }
      number = String(mantissa)
      factor = Quantity.pow10(exponent)
    }
    guard !number.isEmpty, number.allSatisfy({ $0.isNumber || $0 == "." || $0 == "+" || $0 == "-" }),
      let value = Double(number)
    else { return nil }
    milli = Int64((value * factor * 1000).rounded(.up))
  }

  package init?(_ json: JSONValue?) {
    switch json {
    case .string(let text)?: self.init(text)
    case .int(let value)?: self.init(milli: Int64(value) * 1000)
    case .double(let value)?: self.init(milli: Int64((value * 1000).rounded(.up)))
    default: return nil
    }
  }

  private static func pow10(_ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<abs(exponent) { result *= 10 }
    return exponent < 0 ? 1 / result : result
  }

  /// Whole units, rounded up (bytes for memory, cores for CPU).
  package var value: Int64 { (milli + 999) / 1000 }
}
