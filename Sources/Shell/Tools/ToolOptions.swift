/// GNU `getopt_long` as the text tools need it: clustered short options
/// (`-in`), attached or separate values (`-n5`, `-n 5`), long options with
/// unique prefixes (`--count`, `--lines=5`), options after operands, and `--`.
///
/// Errors use GNU's wording, such as `head: invalid option -- 'x'` and
/// `Try 'head --help' for more information.`; options GNU has but kubetutor
/// does not are refused with `kubetutor: grep: option -P not supported here`.
struct ToolOptions {
  /// One option a tool accepts.
  struct Option {
    var short: Character?
    var long: String?
    var takesValue: Bool
    /// The name the tool asks for, shared by the short and long spellings.
    var key: String

    init(_ short: Character?, _ long: String? = nil, value: Bool = false, key: String? = nil) {
      self.short = short
      self.long = long
      takesValue = value
      self.key = key ?? short.map(String.init) ?? long ?? ""
    }
  }

  /// What the arguments held.
  struct Parsed {
    /// Options in the order given, with their values.
    var options: [(key: String, value: String)] = []
    var operands: [String] = []

    func has(_ key: String) -> Bool { options.contains { $0.key == key } }
    func last(_ key: String) -> String? { options.last { $0.key == key }?.value }
    func all(_ key: String) -> [String] { options.filter { $0.key == key }.map(\.value) }
  }

  let tool: String
  let options: [Option]
  /// GNU options kubetutor does not implement, spelled `-P` or `--perl-regexp`.
  var unsupported: Set<String> = []
  /// A usage line printed before `Try …`, as grep does.
  var usage: String?
  /// The exit status of a usage error.
  var failureStatus: Int32 = 1

  /// A usage error with GNU's `Try 'TOOL --help'` line.
  func usageError(_ message: String) -> CommandResult {
    var text = "\(tool): \(message)\n"
    if let usage { text += usage + "\n" }
    text += "Try '\(tool) --help' for more information.\n"
    return CommandResult(stderr: text, exitCode: failureStatus)
  }

  private func notSupported(_ spelling: String) -> CommandResult {
    .failure("kubetutor: \(tool): option \(spelling) not supported here", exitCode: failureStatus)
  }

  func parse(_ arguments: [String]) throws(ToolFailure) -> Parsed {
    var parsed = Parsed()
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if argument == "--" {
        parsed.operands += arguments[index...]
        break
      }
      if argument.hasPrefix("--") {
        let body = argument.dropFirst(2)
        let name = String(body.prefix { $0 != "=" })
        let inline = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
        let exact = options.first { $0.long == name }
        let candidates = options.filter { $0.long?.hasPrefix(name) == true }
        guard let option = exact ?? (candidates.count == 1 ? candidates.first : nil) else {
          if unsupported.contains("--" + name) { throw ToolFailure(notSupported("--" + name)) }
          if candidates.count > 1 {
            throw ToolFailure(usageError("option '--\(name)' is ambiguous"))
          }
          throw ToolFailure(usageError("unrecognized option '\(argument)'"))
        }
        let long = option.long ?? name
        if option.takesValue {
          if let inline {
            parsed.options.append((option.key, inline))
          } else if index < arguments.count {
            parsed.options.append((option.key, arguments[index]))
            index += 1
          } else {
            throw ToolFailure(usageError("option '--\(long)' requires an argument"))
          }
        } else {
          guard inline == nil else {
            throw ToolFailure(usageError("option '--\(long)' doesn't allow an argument"))
          }
          parsed.options.append((option.key, ""))
        }
        continue
      }
      guard argument.hasPrefix("-"), argument.count > 1 else {
        parsed.operands.append(argument)
        continue
      }
      var letters = argument.dropFirst()
      while let letter = letters.popFirst() {
        guard let option = options.first(where: { $0.short == letter }) else {
          if unsupported.contains("-" + String(letter)) {
            throw ToolFailure(notSupported("-" + String(letter)))
          }
          throw ToolFailure(usageError("invalid option -- '\(letter)'"))
        }
        guard option.takesValue else {
          parsed.options.append((option.key, ""))
          continue
        }
        if !letters.isEmpty {
          parsed.options.append((option.key, String(letters)))
        } else if index < arguments.count {
          parsed.options.append((option.key, arguments[index]))
          index += 1
        } else {
          throw ToolFailure(usageError("option requires an argument -- '\(letter)'"))
        }
        break
      }
    }
    return parsed
  }
}
