import Foundation

extension ProgramStep {
  /// The step with `$NAME` and `${NAME}` in its log text replaced by the
  /// container's environment, as the shell would expand them. Names the
  /// container does not define are left as written.
  func expanding(_ environment: [String: String]) -> ProgramStep {
    switch self {
    case .log(let text): return .log(ProgramStep.expand(text, environment))
    case .loop(let body): return .loop(body.map { $0.expanding(environment) })
    default: return self
    }
  }

  static func expand(_ text: String, _ environment: [String: String]) -> String {
    // Bytes first: a text without a `$` byte has no `$` Character either.
    guard text.containsByte(UInt8(ascii: "$")), text.contains("$") else { return text }
    let chars = Array(text)
    var result = ""
    var position = 0
    func isNameCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }
    while position < chars.count {
      guard chars[position] == "$", position + 1 < chars.count else {
        result.append(chars[position])
        position += 1
        continue
      }
      var end = position + 1
      var name = ""
      if chars[end] == "{" {
        end += 1
        while end < chars.count, chars[end] != "}" { name.append(chars[end]); end += 1 }
        end += 1
      } else {
        while end < chars.count, isNameCharacter(chars[end]) { name.append(chars[end]); end += 1 }
      }
      if let value = environment[name], end <= chars.count {
        result += value
        position = end
      } else {
        result.append(chars[position])
        position += 1
      }
    }
    return result
  }
}
