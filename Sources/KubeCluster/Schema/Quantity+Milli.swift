import Foundation

extension Quantity {
  /// Parses a quantity, or nil when the text is not one.
  package init?(_ text: String) {
    guard let parsed = try? Quantity(parsing: text) else { return nil }
    self = parsed
  }

  /// A quantity from a manifest value: a string, or a plain number.
  package init?(_ json: JSONValue?) {
    switch json {
    case .string(let text)?: self.init(text)
    case .int(let value)?: self.init(String(value))
    case .double(let value)?: self.init(JSONValue.format(value))
    default: return nil
    }
  }

  /// The value in thousandths of a unit (millicores, millibytes), rounded up.
  package var milli: Int64 {
    let scaled = decimal * 1000
    var rounded = Decimal()
    var source = scaled
    NSDecimalRound(&rounded, &source, 0, .up)
    return NSDecimalNumber(decimal: rounded).int64Value
  }

  /// Whole units, rounded up (bytes for memory, cores for CPU).
  package var value: Int64 { (milli + 999) / 1000 }
}
