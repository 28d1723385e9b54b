/// A token of an awk program.
enum AwkToken: Equatable {
  case number(Double)
  case string(String)
  /// `/regex/`, with `\/` already turned into `/`.
  case regex(String)
  case name(String)
  /// A builtin function name, such as `length` or `substr`.
  case builtin(String)
  /// `BEGIN`, `if`, `print` and the other reserved words.
  case keyword(String)
  /// An operator or punctuation, such as `+=`, `{` or `$`.
  case symbol(String)
  case newline
  case end

  /// How the token reads in a syntax error.
  var spelling: String {
    switch self {
    case .number(let value):
      value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    case .string(let text): "\"\(text)\""
    case .regex(let text): "/\(text)/"
    case .name(let name), .builtin(let name), .keyword(let name), .symbol(let name): name
    case .newline: "end of line"
    case .end: "end of file"
    }
  }
}
