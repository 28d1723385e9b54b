/// Renders JSON values the way Go's `%#v` prints the API server's internal
/// types, for the validation messages that show a whole map or struct:
/// `map[string]string{"app":"web"}`,
/// `v1.LabelSelector{MatchLabels:…, MatchExpressions:…}`.
enum GoSyntax {
  /// A Go string literal, as `%q` writes it.
  static func quoted(_ text: String) -> String {
    "\"" + FieldError.goQuote(text) + "\""
  }

  /// A `map[string]string`, keys sorted as `fmt` sorts them.
  static func stringMap(_ value: JSONValue?) -> String {
    guard let object = value?.object else { return "map[string]string(nil)" }
    let pairs = object.keys.sorted().map { key in
      quoted(key) + ":" + quoted(object[key]?.scalarText ?? "")
    }
    return "map[string]string{" + pairs.joined(separator: ", ") + "}"
  }

  /// A `[]string`.
  static func stringSlice(_ value: JSONValue?) -> String {
    guard let items = value?.array else { return "[]string(nil)" }
    return "[]string{" + items.map { quoted($0.scalarText) }.joined(separator: ", ") + "}"
  }

  /// A `*metav1.LabelSelector`, dereferenced as field errors print it.
  static func labelSelector(_ value: JSONValue?) -> String {
    guard let value, value.object != nil else { return "\"null\"" }
    let expressions: String
    if let items = value["matchExpressions"]?.array {
      expressions =
        "[]v1.LabelSelectorRequirement{"
        + items.map { item in
          "v1.LabelSelectorRequirement{Key:\(quoted(item["key"]?.string ?? "")), "
            + "Operator:\(quoted(item["operator"]?.string ?? "")), "
            + "Values:\(stringSlice(item["values"]))}"
        }.joined(separator: ", ") + "}"
    } else {
      expressions = "[]v1.LabelSelectorRequirement(nil)"
    }
    return "v1.LabelSelector{MatchLabels:\(stringMap(value["matchLabels"])), "
      + "MatchExpressions:\(expressions)}"
  }

  /// The key the API server uses to find duplicate service ports: a
  /// `core.ServicePort` with only the protocol and port set.
  static func servicePortKey(portProtocol: String, port: Int) -> String {
    "core.ServicePort{Name:\"\", Protocol:\(quoted(portProtocol)), AppProtocol:(*string)(nil), "
      + "Port:\(port), TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}, NodePort:0}"
  }
}

extension FieldError {
  /// An Invalid error whose value is already rendered in Go syntax.
  static func invalid(_ field: String, goValue: String, _ detail: String) -> FieldError {
    FieldError(.invalid, field, detail.isEmpty ? goValue : goValue + ": " + detail)
  }

  /// `field is immutable`, with the new value rendered in Go syntax.
  static func immutable(_ field: String, goValue: String) -> FieldError {
    invalid(field, goValue: goValue, "field is immutable")
  }

  static func notFound(_ field: String, _ value: JSONValue) -> FieldError {
    FieldError(.notFound, field, value: value)
  }
}
