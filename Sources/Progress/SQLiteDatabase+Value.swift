import Foundation

extension SQLiteDatabase {
  /// One SQLite value, bound to a parameter or read from a column.
  package enum Value: Hashable, Sendable {
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)
    case null

    package var int64Value: Int64? {
      if case .integer(let number) = self { number } else { nil }
    }

    /// The number as a `Double`; integers widen.
    package var doubleValue: Double? {
      switch self {
      case .real(let number): number
      case .integer(let number): Double(number)
      case .text, .blob, .null: nil
      }
    }

    package var stringValue: String? {
      if case .text(let text) = self { text } else { nil }
    }

    package var dataValue: Data? {
      if case .blob(let data) = self { data } else { nil }
    }

    /// `.text(text)`, or `.null` when there is none.
    package static func text(_ text: String?) -> Value {
      text.map(Value.text) ?? .null
    }

    /// `.integer(number)`, or `.null` when there is none.
    package static func integer(_ number: Int64?) -> Value {
      number.map(Value.integer) ?? .null
    }
  }
}

extension SQLiteDatabase.Value: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
  ExpressibleByStringLiteral, ExpressibleByNilLiteral
{
  package init(integerLiteral value: Int64) { self = .integer(value) }
  package init(floatLiteral value: Double) { self = .real(value) }
  package init(stringLiteral value: String) { self = .text(value) }
  package init(nilLiteral: ()) { self = .null }
}
