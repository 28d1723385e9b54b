import Foundation

/// Word expansion: braces, parameters, command substitution, arithmetic,
/// field splitting and globbing, in bash's order.
extension ShellInterpreter {
  /// A field being built from the parts of a word.
  struct Field {
    var text = ""
    /// `text` as a glob pattern: quoted characters escaped.
    var pattern = ""
    var hasWildcards = false
    /// Quoted content keeps an empty field, as `""` does.
    var isQuoted = false

    var isEmpty: Bool { text.isEmpty && !isQuoted }

    mutating func appendUnquoted(_ piece: String) {
      text += piece
      pattern += piece
      if piece.contains(where: { "*?[".contains($0) }) { hasWildcards = true }
    }

    mutating func appendQuoted(_ piece: String) {
      text += piece
      pattern += GlobPattern.escape(piece)
      isQuoted = true
    }
  }

  /// Expands words into arguments, as for a command line or a `for` list.
  mutating func expandWords(_ words: [ShellWord], _ io: ShellIO) throws -> [String] {
    var arguments: [String] = []
    for word in words {
      for braced in BraceExpansion.expand(word) {
        for field in try expandFields(braced, io) {
          arguments += glob(field)
        }
      }
    }
    return arguments
  }

  /// Text produced by expanding part of a word, and whether it was quoted.
  struct Piece {
    var text: String
    var isQuoted: Bool
  }

  /// Expands a word into fields, splitting unquoted expansions on blanks.
  mutating func expandFields(_ word: ShellWord, _ io: ShellIO) throws -> [Field] {
    var fields: [Field] = []
    var current = Field()
    for part in word.parts {
      if case .parameter(let parameter, quoted: true) = part, parameter == ParameterExpansion("@") {
        // "$@": one field per positional parameter, and none without any.
        for (index, value) in context.positionalParameters.enumerated() {
          if index > 0 {
            fields.append(current)
            current = Field()
          }
          current.appendQuoted(value)
        }
        continue
      }
      for piece in try pieces(of: part, io) {
        if piece.isQuoted {
          current.appendQuoted(piece.text)
          continue
        }
        let value = piece.text
        guard !value.isEmpty else { continue }
        let words = value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        if value.first.map(\.isWhitespace) == true, !current.isEmpty {
          fields.append(current)
          current = Field()
        }
        for (index, text) in words.enumerated() {
          if index > 0 {
            fields.append(current)
            current = Field()
          }
          current.appendUnquoted(String(text))
        }
        if value.last.map(\.isWhitespace) == true, !current.isEmpty {
          fields.append(current)
          current = Field()
        }
      }
    }
    if !current.isEmpty {
      fields.append(current)
    }
    return fields
  }

  /// Expands one part.
  ///
  /// A parameter whose `${NAME:-word}` operand is used yields the operand's
  /// own pieces, so `${X:-"a  b"}` keeps its quoting.
  mutating func pieces(of part: ShellWord.Part, _ io: ShellIO) throws -> [Piece] {
    switch part {
    case .literal(let text):
      return [Piece(text: text, isQuoted: false)]
    case .quoted(let text):
      return [Piece(text: text, isQuoted: true)]
    case .parameter(let parameter, let quoted):
      switch try expandParameter(parameter, io) {
      case .text(let value):
        return [Piece(text: value, isQuoted: quoted)]
      case .word(let word):
        var result: [Piece] = []
        for inner in word.parts {
          for piece in try pieces(of: inner, io) {
            result.append(Piece(text: piece.text, isQuoted: piece.isQuoted || quoted))
          }
        }
        return result
      }
    case .commandSubstitution(let list, let quoted):
      return [Piece(text: try substitute(list, io), isQuoted: quoted)]
    case .arithmetic(let expression, let quoted):
      var evaluator = ArithmeticEvaluator(variables: context.variables)
      let value = try evaluator.evaluate(try expandString(expression, io))
      context.variables = evaluator.variables
      return [Piece(text: String(value), isQuoted: quoted)]
    }
  }

  /// Expands a word to one string, without splitting or globbing, as for
  /// assignments, redirection targets and here-documents.
  mutating func expandString(_ word: ShellWord, _ io: ShellIO) throws -> String {
    var text = ""
    for part in word.parts {
      for piece in try pieces(of: part, io) { text += piece.text }
    }
    return text
  }

  /// Expands a word into a glob pattern: quoted text matches itself.
  mutating func expandPattern(_ word: ShellWord, _ io: ShellIO) throws -> GlobPattern {
    var pattern = ""
    for part in word.parts {
      for piece in try pieces(of: part, io) {
        pattern += piece.isQuoted ? GlobPattern.escape(piece.text) : piece.text
      }
    }
    return GlobPattern(pattern)
  }

  /// The value of a parameter, or `nil` when it is unset.
  func lookup(_ name: String) -> String? {
    switch name {
    case "?": return String(context.lastExitStatus)
    case "$": return "4242"
    case "#": return String(context.positionalParameters.count)
    case "0": return "kubetutor"
    case "@", "*": return context.positionalParameters.joined(separator: " ")
    case "!", "-": return ""
    case "PWD": return context.variables["PWD"] ?? context.workingDirectory.path
    default:
      if let number = Int(name) {
        return number <= context.positionalParameters.count
          ? context.positionalParameters[number - 1] : nil
      }
      return context.variables[name]
    }
  }

  /// What a parameter expansion produced: its text, or an operand word
  /// still to expand in place.
  enum ParameterValue {
    case text(String)
    case word(ShellWord)
  }

  mutating func expandParameter(_ parameter: ParameterExpansion, _ io: ShellIO) throws
    -> ParameterValue
  {
    let name = parameter.name
    let value = lookup(name)
    func isSet(colon: Bool) -> Bool {
      guard let value else { return false }
      return !(colon && value.isEmpty)
    }
    guard let modifier = parameter.modifier else { return .text(value ?? "") }
    switch modifier {
    case .length:
      return .text(String((value ?? "").count))
    case .indirect:
      guard let target = value, !target.isEmpty else {
        throw ShellFailure("\(name): invalid indirect expansion")
      }
      return .text(lookup(target) ?? "")
    case .useDefault(let word, let colon):
      return isSet(colon: colon) ? .text(value ?? "") : .word(word)
    case .assignDefault(let word, let colon):
      if isSet(colon: colon) { return .text(value ?? "") }
      guard Assignment.isValidName(name) else {
        throw ShellFailure("$\(name): cannot assign in this way")
      }
      let assigned = try expandString(word, io)
      context.variables[name] = assigned
      return .text(assigned)
    case .useAlternative(let word, let colon):
      return isSet(colon: colon) ? .word(word) : .text("")
    case .errorIfUnset(let word, let colon):
      if isSet(colon: colon) { return .text(value ?? "") }
      let message = try expandString(word, io)
      throw ShellFailure(
        "\(name): "
          + (message.isEmpty
            ? (colon ? "parameter null or not set" : "parameter not set") : message),
        isFatal: true)
    case .removePrefix(let pattern, let longest):
      return .text(try expandPattern(pattern, io).removingPrefix(of: value ?? "", longest: longest))
    case .removeSuffix(let pattern, let longest):
      return .text(try expandPattern(pattern, io).removingSuffix(of: value ?? "", longest: longest))
    case .replace(let pattern, let replacement, let all):
      let glob = try expandPattern(pattern, io)
      return .text(
        glob.replacing(in: value ?? "", with: try expandString(replacement, io), all: all))
    case .uppercase(let all):
      let text = value ?? ""
      return .text(all ? text.uppercased() : text.prefix(1).uppercased() + text.dropFirst())
    case .lowercase(let all):
      let text = value ?? ""
      return .text(all ? text.lowercased() : text.prefix(1).lowercased() + text.dropFirst())
    case .substring(let offsetWord, let lengthWord):
      let characters = Array(value ?? "")
      var evaluator = ArithmeticEvaluator(variables: context.variables)
      var offset = try evaluator.evaluate(try expandString(offsetWord, io))
      if offset < 0 { offset = max(0, characters.count + offset) }
      offset = min(offset, characters.count)
      var end = characters.count
      if let lengthWord {
        let length = try evaluator.evaluate(try expandString(lengthWord, io))
        end = length < 0 ? characters.count + length : min(characters.count, offset + length)
        guard end >= offset else {
          throw ShellFailure("\(length): substring expression < 0")
        }
      }
      return .text(String(characters[offset..<end]))
    }
  }

  /// Runs `$(…)` in a subshell and returns its output without trailing newlines.
  mutating func substitute(_ list: CommandList, _ io: ShellIO) throws -> String {
    let captured = OutputChannel.buffer()
    let inner = ShellIO(stdin: InputSource(""), stdout: captured, stderr: io.stderr)
    let status = try inSubshell { try $0.execute(list, inner) }
    substitutionStatus = status
    var text = captured.text
    while text.last == "\n" { text.removeLast() }
    return text
  }

  /// The file names a field's pattern matches, sorted, or the field itself
  /// when it has no wildcard or matches nothing.
  func glob(_ field: Field) -> [String] {
    guard field.hasWildcards else { return [field.text] }
    var directory = ""
    var namePattern = Substring(field.pattern)
    if let slash = field.pattern.lastIndex(of: "/") {
      directory = String(field.pattern[...slash])
      namePattern = field.pattern[field.pattern.index(after: slash)...]
      guard !GlobPattern(directory).hasWildcards else { return [field.text] }
    }
    let pattern = GlobPattern(String(namePattern))
    guard pattern.hasWildcards,
      let url = try? context.resolve(directory.isEmpty ? "." : directory),
      let names = try? FileManager.default.contentsOfDirectory(atPath: url.path)
    else { return [field.text] }
    let showsHidden = namePattern.hasPrefix(".") || namePattern.hasPrefix("\\.")
    let matches = names.filter { (showsHidden || !$0.hasPrefix(".")) && pattern.matches($0) }
      .sorted()
    guard !matches.isEmpty else { return [field.text] }
    return matches.map { unescapedDirectory(directory) + $0 }
  }

  private func unescapedDirectory(_ directory: String) -> String {
    var result = ""
    var escaped = false
    for character in directory {
      if character == "\\" && !escaped {
        escaped = true
        continue
      }
      escaped = false
      result.append(character)
    }
    return result
  }
}
