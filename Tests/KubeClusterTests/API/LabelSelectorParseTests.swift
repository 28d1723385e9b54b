@testable import KubeCluster
import Testing

/// `-l` text parsed as apimachinery's `labels.Parse` parses it: the
/// accepted selectors and what they match, and the exact error text of the
/// rejected ones (recorded from kubectl 1.32's `top pod -l`, which parses
/// the selector before it asks any server).
@Suite("Label selector parsing equals kubectl's")
struct LabelSelectorParseTests {
  typealias Requirement = LabelSelector.Requirement

  static let accepted: [(String, [Requirement])] = [
    ("", []),
    ("   ", []),
    ("a", [Requirement(key: "a", op: .exists, values: [])]),
    ("!a", [Requirement(key: "a", op: .doesNotExist, values: [])]),
    ("! a", [Requirement(key: "a", op: .doesNotExist, values: [])]),
    ("a=", [Requirement(key: "a", op: .equals, values: [""])]),
    ("a==", [Requirement(key: "a", op: .equals, values: [""])]),
    ("a = b", [Requirement(key: "a", op: .equals, values: ["b"])]),
    ("a==b", [Requirement(key: "a", op: .equals, values: ["b"])]),
    ("a!=b", [Requirement(key: "a", op: .notEquals, values: ["b"])]),
    ("a>1", [Requirement(key: "a", op: .greaterThan, values: ["1"])]),
    ("a < 10", [Requirement(key: "a", op: .lessThan, values: ["10"])]),
    ("a in ()", [Requirement(key: "a", op: .in, values: [""])]),
    ("a in (,)", [Requirement(key: "a", op: .in, values: [""])]),
    ("a in (c,,b)", [Requirement(key: "a", op: .in, values: ["", "b", "c"])]),
    ("a in(b)", [Requirement(key: "a", op: .in, values: ["b"])]),
    ("a notin ( b , c )", [Requirement(key: "a", op: .notIn, values: ["b", "c"])]),
    ("a in (in, notin)", [Requirement(key: "a", op: .in, values: ["in", "notin"])]),
    ("in", [Requirement(key: "in", op: .exists, values: [])]),
    ("notin in (x)", [Requirement(key: "notin", op: .in, values: ["x"])]),
    ("Bad_Key", [Requirement(key: "Bad_Key", op: .exists, values: [])]),
    ("example.com/a=b", [Requirement(key: "example.com/a", op: .equals, values: ["b"])]),
    (
      "a > 1 ,\tb,c in (x,y),!d",
      [
        Requirement(key: "a", op: .greaterThan, values: ["1"]), Requirement(key: "b", op: .exists, values: []),
        Requirement(key: "c", op: .in, values: ["x", "y"]), Requirement(key: "d", op: .doesNotExist, values: []),
      ]
    ),
  ]

  @Test("accepted selectors and their requirements", arguments: accepted.indices)
  func accepts(_ index: Int) throws {
    let (text, requirements) = Self.accepted[index]
    #expect(try LabelSelector.parse(text).requirements == requirements, "\(text)")
  }

  static let valueRule =
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
  static let nameRule =
    "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"

  static let rejected: [(String, String)] = [
    ("a in (b", "unable to parse requirement: found '', expected: ',' or ')'"),
    ("a in b", "unable to parse requirement: found 'b' expected: '('"),
    ("a in (b c)", "unable to parse requirement: found 'c', expected: ',' or ')'"),
    ("!a=b", "found '=', expected: ',' or 'end of string'"),
    ("a=b,", "found '', expected: identifier after ','"),
    (",a", "found ',', expected: !, identifier, or 'end of string'"),
    ("a,,b", "found ',', expected: identifier after ','"),
    ("a b", "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"),
    ("a!b", "unable to parse requirement: found '!', expected: in, notin, =, ==, !=, gt, lt"),
    ("a=b c", "found 'c', expected: ',' or 'end of string'"),
    ("a=b=c", "found '=', expected: ',' or 'end of string'"),
    ("a=(b)", "unable to parse requirement: found '(', expected: identifier"),
    ("a=!", "unable to parse requirement: found '!', expected: identifier"),
    ("a===b", "unable to parse requirement: found '=', expected: identifier"),
    ("a<x", "unable to parse requirement: values[0]: Invalid value: \"x\": for 'Gt', 'Lt' operators, the value must be an integer"),
    ("a>", "unable to parse requirement: values[0]: Invalid value: \"\": for 'Gt', 'Lt' operators, the value must be an integer"),
    ("a>1.5", "unable to parse requirement: values[0]: Invalid value: \"1.5\": for 'Gt', 'Lt' operators, the value must be an integer"),
    ("a>-1", "unable to parse requirement: values[0][a]: Invalid value: \"-1\": \(valueRule)"),
    ("a=b_", "unable to parse requirement: values[0][a]: Invalid value: \"b_\": \(valueRule)"),
    ("a in (-b)", "unable to parse requirement: values[0][a]: Invalid value: \"-b\": \(valueRule)"),
    ("-a", "unable to parse requirement: <nil>: Invalid value: \"-a\": \(nameRule)"),
    ("x/", "unable to parse requirement: <nil>: Invalid value: \"x/\": name part must be non-empty; \(nameRule)"),
  ]

  @Test("rejected selectors and kubectl's words for them", arguments: rejected.indices)
  func rejects(_ index: Int) {
    let (text, message) = Self.rejected[index]
    #expect(throws: SelectorParseError(message: message)) { try LabelSelector.parse(text) }
  }

  @Test("gt and lt compare integers; a label that is no integer never matches")
  func comparisons() throws {
    let selector = try LabelSelector.parse("tier>1,tier<5")
    #expect(selector.matches(["tier": "3"]))
    #expect(!selector.matches(["tier": "5"]))
    #expect(!selector.matches(["tier": "x"]))
    #expect(!selector.matches([:]))
    #expect(try LabelSelector.parse("a in ()").matches(["a": ""]))
    #expect(try LabelSelector.parse("a notin (b)").matches([:]))
  }
}
