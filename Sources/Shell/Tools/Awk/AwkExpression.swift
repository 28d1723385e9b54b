/// An awk expression.
indirect enum AwkExpression {
  case number(Double)
  case string(String)
  /// `/re/`: as a value, whether `$0` matches.
  case regex(String)
  /// `$expression`
  case field(AwkExpression)
  case variable(String)
  /// `array[subscript]`; several subscripts are joined with `SUBSEP`.
  case element(String, [AwkExpression])
  /// `(a, b)`: a print list or a multi-subscript for `in`.
  case grouping([AwkExpression])
  /// `lvalue op value` where `op` is `=`, `+=`, `-=`, `*=`, `/=`, `%=` or `^=`.
  case assign(AwkExpression, String, AwkExpression)
  case conditional(AwkExpression, AwkExpression, AwkExpression)
  /// Arithmetic, comparison, `&&`, `||`, or `concat`.
  case binary(String, AwkExpression, AwkExpression)
  /// `value ~ regex` or, when negated, `value !~ regex`.
  case match(AwkExpression, AwkExpression, negated: Bool)
  /// `(key) in array`
  case membership(AwkExpression, String)
  /// `!`, `-` or `+` before an operand.
  case unary(String, AwkExpression)
  /// `++x`, `x++`, `--x`, `x--`.
  case increment(AwkExpression, delta: Double, prefix: Bool)
  /// A builtin function call.
  case call(String, [AwkExpression])

  /// Whether the expression can be assigned to.
  var isLValue: Bool {
    switch self {
    case .field, .variable, .element: true
    default: false
    }
  }
}
