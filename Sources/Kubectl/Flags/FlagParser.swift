/// Flags and positional arguments after parsing.
package struct ParsedFlags: Sendable {
  private var specs: [String: FlagSpec] = [:]
  private var values: [String: [String]] = [:]
  package var positionals: [String] = []
  /// How many positionals came before `--`, when it was given.
  package var argsBeforeDash: Int?

  init(specs: [FlagSpec]) {
    for spec in specs { self.specs[spec.name] = spec }
  }

  mutating func set(_ name: String, _ value: String) {
    values[name, default: []].append(value)
  }

  package func isSet(_ name: String) -> Bool { values[name] != nil }

  package func string(_ name: String) -> String {
    values[name]?.last ?? specs[name]?.defaultValue ?? ""
  }

  package func optionalString(_ name: String) -> String? { values[name]?.last }

  package func bool(_ name: String) -> Bool {
    string(name) == "true"
  }

  package func int(_ name: String) -> Int {
    Int(string(name)) ?? 0
  }

  package func strings(_ name: String) -> [String] {
    guard let raw = values[name] else { return [] }
    if case .stringArray(let split)? = specs[name]?.kind, split {
      return raw.flatMap { $0.split(separator: ",").map(String.init) }
    }
    return raw
  }
}

/// Parses kubectl arguments with pflag's grammar and wording: `--x v`,
/// `--x=v`, `-n v`, `-nv`, `-n=v`, grouped booleans (`-it`), flags anywhere
/// among the positionals, and `--` to end flags.
package enum FlagParser {
  package static func parse(_ arguments: [String], specs: [FlagSpec], command: String) throws(KubectlError) -> ParsedFlags {
    var parsed = ParsedFlags(specs: specs)
    var byName: [String: FlagSpec] = [:]
    var byShort: [Character: FlagSpec] = [:]
    for spec in specs {
      byName[spec.name] = spec
      if let short = spec.short { byShort[short] = spec }
    }
    var index = 0
    func fail(_ text: String) -> KubectlError { .usage(text, command: command) }

    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if argument == "--" {
        parsed.argsBeforeDash = parsed.positionals.count
        parsed.positionals += arguments[index...]
        break
      }
      if argument.hasPrefix("--") && argument.count > 2 {
        let body = argument.dropFirst(2)
        let name: String
        var value: String?
        if let equals = body.firstIndex(of: "=") {
          name = String(body[..<equals])
          value = String(body[body.index(after: equals)...])
        } else {
          name = String(body)
        }
        guard let spec = byName[name] else { throw fail("unknown flag: --\(name)") }
        if spec.isBool {
          try assign(spec, value ?? "true", into: &parsed, command: command)
          continue
        }
        // `--dry-run` alone is pflag's NoOptDefVal "unchanged" (the
        // deprecated client dry run): it never takes the next word.
        if value == nil && name == "dry-run" { value = "unchanged" }
        if value == nil {
          guard index < arguments.count else { throw fail("flag needs an argument: --\(name)") }
          value = arguments[index]
          index += 1
        }
        try assign(spec, value ?? "", into: &parsed, command: command)
        continue
      }
      if argument.hasPrefix("-") && argument.count > 1 {
        var shorthands = Substring(argument.dropFirst())
        while let letter = shorthands.first {
          shorthands = shorthands.dropFirst()
          guard let spec = byShort[letter] else {
            throw fail("unknown shorthand flag: '\(letter)' in \(argument)")
          }
          if shorthands.first == "=" {
            try assign(spec, String(shorthands.dropFirst()), into: &parsed, command: command)
            break
          }
          if spec.isBool {
            try assign(spec, "true", into: &parsed, command: command)
            continue
          }
          if !shorthands.isEmpty {
            try assign(spec, String(shorthands), into: &parsed, command: command)
            break
          }
          guard index < arguments.count else {
            throw fail("flag needs an argument: '\(letter)' in -\(letter)")
          }
          try assign(spec, arguments[index], into: &parsed, command: command)
          index += 1
          break
        }
        continue
      }
      parsed.positionals.append(argument)
    }
    return parsed
  }

  private static func assign(_ spec: FlagSpec, _ value: String, into parsed: inout ParsedFlags, command: String) throws(KubectlError) {
    switch spec.kind {
    case .bool:
      let normalised: String
      switch value {
      case "1", "t", "T", "true", "TRUE", "True": normalised = "true"
      case "0", "f", "F", "false", "FALSE", "False": normalised = "false"
      default:
        throw .usage("invalid argument \"\(value)\" for \"\(spec.displayName)\" flag: strconv.ParseBool: parsing \"\(value)\": invalid syntax", command: command)
      }
      parsed.set(spec.name, normalised)
    case .int:
      guard Int32(value) != nil else {
        let why = Int(value) != nil || value.allSatisfy(\.isNumber) && !value.isEmpty ? "value out of range" : "invalid syntax"
        throw .usage("invalid argument \"\(value)\" for \"\(spec.displayName)\" flag: strconv.ParseInt: parsing \"\(value)\": \(why)", command: command)
      }
      parsed.set(spec.name, value)
    case .duration:
      guard GoDuration.parse(value) != nil else {
        throw .usage("invalid argument \"\(value)\" for \"\(spec.displayName)\" flag: time: invalid duration \"\(value)\"", command: command)
      }
      parsed.set(spec.name, value)
    case .string, .stringArray:
      parsed.set(spec.name, value)
    }
  }
}

/// Go's `time.ParseDuration`: `30s`, `1m30s`, `1.5h`, `500ms`, `0`.
package enum GoDuration {
  package static func parse(_ text: String) -> Double? {
    if text == "0" { return 0 }
    var rest = Substring(text)
    var negative = false
    if rest.first == "-" || rest.first == "+" {
      negative = rest.first == "-"
      rest = rest.dropFirst()
    }
    guard !rest.isEmpty else { return nil }
    var total = 0.0
    let units: [(String, Double)] = [("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600)]
    while !rest.isEmpty {
      let number = rest.prefix { $0.isNumber || $0 == "." }
      guard !number.isEmpty, let value = Double(number) else { return nil }
      rest = rest.dropFirst(number.count)
      guard let unit = units.first(where: { rest.hasPrefix($0.0) && !(($0.0 == "m") && rest.hasPrefix("ms")) }) else { return nil }
      rest = rest.dropFirst(unit.0.count)
      total += value * unit.1
    }
    return negative ? -total : total
  }

  /// Go's `Duration.String` for whole and fractional seconds: `30s`, `1m0s`, `1h0m0s`.
  package static func format(_ seconds: Double) -> String {
    if seconds == 0 { return "0s" }
    var remaining = seconds
    var text = ""
    let hours = Int(remaining / 3600)
    if hours > 0 {
      text += "\(hours)h"
      remaining -= Double(hours) * 3600
    }
    let minutes = Int(remaining / 60)
    if hours > 0 || minutes > 0 {
      text += "\(minutes)m"
      remaining -= Double(minutes) * 60
    }
    if remaining == remaining.rounded() {
      text += "\(Int(remaining))s"
    } else {
      var fraction = String(remaining)
      if fraction.hasSuffix(".0") { fraction.removeLast(2) }
      text += fraction + "s"
    }
    return text
  }
}
