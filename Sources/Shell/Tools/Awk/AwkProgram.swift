/// A parsed awk program: `BEGIN` actions, pattern-action rules and `END`
/// actions.
struct AwkProgram {
  /// `pattern { action }`; a missing pattern matches every record and a
  /// missing action prints it.
  struct Rule {
    var pattern: AwkExpression?
    /// The end of a range pattern `start, end`.
    var rangeEnd: AwkExpression?
    var action: AwkStatement?
  }

  var begin: [AwkStatement] = []
  var rules: [Rule] = []
  var end: [AwkStatement] = []
}
