import Foundation

extension Quantity {
  /// The sum, as `Quantity.Add` computes it: exact, in the receiver's
  /// format unless the receiver is zero (then in the other's).
  package func adding(_ other: Quantity) -> Quantity {
    let low = Swift.min(exponent, other.exponent)
    func scaled(_ q: Quantity) -> Int {
      var value = q.mantissa
      for _ in 0..<(q.exponent - low) { value = value &* 10 }
      return value
    }
    let format = mantissa == 0 ? other.format : self.format
    return Quantity(mantissa: scaled(self) &+ scaled(other), exponent: low, format: format)
  }

  package var isZero: Bool { mantissa == 0 }

  /// A whole quantity in the given format, as `resource.NewQuantity`.
  package init(whole value: Int64, format: Format) {
    self.init(mantissa: Int(value), exponent: 0, format: format)
  }
}
