extension JSONValue {
  /// Sets `key` to `value` when it is unset: absent or null, as Go sees a nil
  /// pointer.
  mutating func defaultPointer(_ key: String, _ value: JSONValue) {
    if self[key] == nil || self[key] == .null { self[key] = value }
  }

  /// Sets `key` to `value` when it is absent, null or the empty string, as
  /// Go sees a string field that is `""`.
  mutating func defaultString(_ key: String, _ value: String) {
    switch self[key] {
    case nil, .null?, .string("")?: self[key] = .string(value)
    default: break
    }
  }

  /// Sets `key` to `value` when it is absent, null or zero, as Go sees an
  /// integer field that is 0.
  mutating func defaultInteger(_ key: String, _ value: Int) {
    switch self[key] {
    case nil, .null?, .int(0)?: self[key] = .int(value)
    default: break
    }
  }

  /// Whether the value counts as unset for a Go field: absent, null, or the
  /// zero value of a string, number, boolean, list or map.
  var isGoZero: Bool {
    switch self {
    case .null: true
    case .string(let text): text.isEmpty
    case .int(let number): number == 0
    case .double(let number): number == 0
    case .bool(let flag): !flag
    case .array(let items): items.isEmpty
    case .object(let object): object.isEmpty
    }
  }
}

extension JSONValue? {
  /// True when the optional value is missing or a Go zero value.
  var isUnset: Bool { self?.isGoZero ?? true }
}
