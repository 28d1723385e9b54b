/// What libyaml's emitter (as ported in go-yaml v2) learns about a scalar
/// before it picks a style: which styles can carry it faithfully.
struct YAMLScalarAnalysis {
  var multiline = false
  var flowPlainAllowed = false
  var blockPlainAllowed = true
  var singleQuotedAllowed = true
  var blockAllowed = false

  /// Analyses `scalars` the way `yaml_emitter_analyze_scalar` does.
  init(_ scalars: [Unicode.Scalar]) {
    guard !scalars.isEmpty else { return }
    var blockIndicators = false
    var flowIndicators = false
    var lineBreaks = false
    var specialCharacters = false
    var leadingSpace = false
    var leadingBreak = false
    var trailingSpace = false
    var trailingBreak = false
    var breakSpace = false
    var spaceBreak = false
    var precededByWhitespace = true
    var previousSpace = false
    var previousBreak = false

    if scalars.count >= 3 {
      let start = String(String.UnicodeScalarView(scalars[0..<3]))
      if start == "---" || start == "..." {
        blockIndicators = true
        flowIndicators = true
      }
    }
    let last = scalars.count - 1
    for (index, scalar) in scalars.enumerated() {
      let followedByWhitespace = index == last || YAMLCharacters.isBlank(scalars[index + 1])
      if index == 0 {
        switch scalar {
        case "#", ",", "[", "]", "{", "}", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`":
          flowIndicators = true
          blockIndicators = true
        case "?", ":":
          flowIndicators = true
          if followedByWhitespace { blockIndicators = true }
        case "-":
          if followedByWhitespace {
            flowIndicators = true
            blockIndicators = true
          }
        default:
          break
        }
      } else {
        switch scalar {
        case ",", "?", "[", "]", "{", "}":
          flowIndicators = true
        case ":":
          flowIndicators = true
          if followedByWhitespace { blockIndicators = true }
        case "#":
          if precededByWhitespace {
            flowIndicators = true
            blockIndicators = true
          }
        default:
          break
        }
      }
      if !YAMLCharacters.isPrintable(scalar) { specialCharacters = true }
      if scalar == " " {
        if index == 0 { leadingSpace = true }
        if index == last { trailingSpace = true }
        if previousBreak { breakSpace = true }
        previousSpace = true
        previousBreak = false
      } else if YAMLCharacters.isBreak(scalar) {
        lineBreaks = true
        if index == 0 { leadingBreak = true }
        if index == last { trailingBreak = true }
        if previousSpace { spaceBreak = true }
        previousSpace = false
        previousBreak = true
      } else {
        previousSpace = false
        previousBreak = false
      }
      precededByWhitespace =
        YAMLCharacters.isBlank(scalar) || YAMLCharacters.isBreak(scalar) || scalar == "\0"
    }

    multiline = lineBreaks
    flowPlainAllowed = true
    blockPlainAllowed = true
    singleQuotedAllowed = true
    blockAllowed = true
    if leadingSpace || leadingBreak || trailingSpace || trailingBreak {
      flowPlainAllowed = false
      blockPlainAllowed = false
    }
    if trailingSpace { blockAllowed = false }
    if breakSpace {
      flowPlainAllowed = false
      blockPlainAllowed = false
      singleQuotedAllowed = false
    }
    if spaceBreak || specialCharacters {
      flowPlainAllowed = false
      blockPlainAllowed = false
      singleQuotedAllowed = false
      blockAllowed = false
    }
    if lineBreaks {
      flowPlainAllowed = false
      blockPlainAllowed = false
    }
    if flowIndicators { flowPlainAllowed = false }
    if blockIndicators { blockPlainAllowed = false }
  }
}
