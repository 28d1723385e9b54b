/// An awk statement.
indirect enum AwkStatement {
  case expression(AwkExpression)
  case print([AwkExpression])
  case printf([AwkExpression])
  case block([AwkStatement])
  case ifElse(AwkExpression, AwkStatement, AwkStatement?)
  case whileLoop(AwkExpression, AwkStatement)
  case doWhile(AwkStatement, AwkExpression)
  case forLoop(AwkStatement?, AwkExpression?, AwkStatement?, AwkStatement)
  /// `for (key in array) body`
  case forIn(String, String, AwkStatement)
  case next
  case exit(AwkExpression?)
  case breakLoop
  case continueLoop
  /// `delete array[subscript]`, or the whole array without subscripts.
  case delete(String, [AwkExpression]?)
}
