import Foundation

/// What a container's main process does over time, worked out from its
/// image and its `command`/`args`: a tiny interpreter for the shapes
/// tutorials use (`sleep 3600`, `echo hello`, `sh -c 'while true; do …; done'`).
package indirect enum ProgramStep: Equatable, Sendable {
  /// Writes a line to the container's log; `{date}` becomes the time.
  case log(String)
  case sleep(Double)
  case exit(Int)
  /// Runs until stopped, like a server.
  case serve
  /// Repeats its body forever.
  case loop([ProgramStep])
  /// The executable does not exist in the image.
  case notFound(String)
  /// Creates a file (`touch F`, `echo … > F`).
  case touch(String)
  /// Removes a file (`rm -f F`).
  case remove(String)
  /// Writes a line to a file (`echo $(date) >> F`), appending or replacing.
  case write(String, String, append: Bool)
  /// Takes this many more bytes of memory (`stress --vm-bytes 250M`).
  case allocate(Int64)
}

package enum ContainerProgram {
  /// The steps of a container's main process.
  ///
  /// - Parameter stdin: the container keeps stdin open (`kubectl run -i`): a
  ///   shell then waits for its input instead of exiting at once.
  package static func steps(image: ImageBehavior?, command: [String]?, args: [String]?, stdin: Bool = false) -> [ProgramStep] {
    let argv = (command ?? []) + (args ?? [])
    if stdin, image?.hasShell == true,
      argv.isEmpty ? image.map(isShellImage) == true : PodShell.isShell(argv)
    {
      return [.serve]
    }
    guard command != nil || (args != nil && image.map(isShellImage) == true) else {
      guard let image else { return [.serve] }
      switch image.main {
      case .server, .sleepsForever: return image.startLogs.map { .log($0) } + [.serve]
      case .exits(let code): return [.exit(code)]
      }
    }
    if command == nil, let image, case .server = image.main {
      // Arguments to a server's own entrypoint: it still serves.
      return image.startLogs.map { .log($0) } + [.serve]
    }
    guard let executable = argv.first else { return [.serve] }
    let name = (executable as NSString).lastPathComponent
    switch name {
    case "sh", "bash", "ash":
      guard image?.hasShell != false else { return [.notFound(executable)] }
      if argv.count >= 3, argv[1] == "-c" || argv[1] == "-ec" || argv[1] == "-xc" {
        return script(argv[2])
      }
      return [.exit(0)]
    case "sleep":
      guard image?.hasShell != false else { return [.notFound(executable)] }
      return sleep(argv.dropFirst().first) + [.exit(0)]
    case "echo":
      guard image?.hasShell != false else { return [.notFound(executable)] }
      return [.log(argv.dropFirst().joined(separator: " ")), .exit(0)]
    case "true": return [.exit(0)]
    case "false": return [.exit(1)]
    case "nginx", "httpd", "httpd-foreground", "redis-server", "nginx-debug", "docker-entrypoint.sh":
      return (image?.startLogs.map { .log($0) } ?? []) + [.serve]
    case "stress" where image?.repository.hasSuffix("stress") == true,
      "stress-ng" where image?.repository.hasSuffix("stress") == true:
      return stress(Array(argv.dropFirst()))
    case "tail":
      if argv.contains("-f") { return [.serve] }
      return [.exit(0)]
    case "date":
      return [.log("{date}"), .exit(0)]
    case "perl":
      if argv.joined(separator: " ").contains("bpi") {
        return [.sleep(8), .log(pi(digits: 2000)), .exit(0)]
      }
      return [.exit(0)]
    default:
      if let image, image.hasShell, ["ls", "cat", "env", "hostname", "printenv", "pwd", "id", "whoami", "uname"].contains(name) {
        return [.exit(0)]
      }
      // A server image's own binaries (etcd, kube-proxy, coredns, ...) serve.
      if let image, !isShellImage(image) {
        return image.startLogs.map { .log($0) } + [.serve]
      }
      return [.notFound(executable)]
    }
  }

  /// `stress --vm N --vm-bytes SIZE`: N workers each holding SIZE, forever
  /// (or for `--timeout`).
  private static func stress(_ arguments: [String]) -> [ProgramStep] {
    func value(_ flag: String) -> String? {
      guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else { return nil }
      return arguments[index + 1]
    }
    let workers = Int64(value("--vm") ?? value("-m") ?? "0") ?? 0
    let size = value("--vm-bytes").map(bytes) ?? 256 * 1024 * 1024
    var steps: [ProgramStep] = [.log("stress: info: [1] dispatching hogs: 0 cpu, 0 io, \(workers) vm, 0 hdd")]
    if workers > 0 { steps.append(.allocate(workers * size)) }
    if let timeout = value("--timeout") ?? value("-t"), let seconds = seconds(timeout) {
      return steps + [.sleep(seconds), .log("stress: info: [1] successful run completed in \(Int(seconds))s"), .exit(0)]
    }
    return steps + [.serve]
  }

  /// stress's sizes: `250M`, `1G`, `512k`, or plain bytes (powers of 1024).
  private static func bytes(_ text: String) -> Int64 {
    let units: [Character: Int64] = ["k": 1024, "K": 1024, "m": 1 << 20, "M": 1 << 20, "g": 1 << 30, "G": 1 << 30]
    if let last = text.last, let factor = units[last] { return (Int64(text.dropLast()) ?? 0) * factor }
    return Int64(text.filter { $0 != "B" && $0 != "b" }) ?? 0
  }

  private static func isShellImage(_ image: ImageBehavior) -> Bool {
    if case .exits = image.main { return true }
    return false
  }

  private static func sleep(_ argument: String?) -> [ProgramStep] {
    guard let argument else { return [.exit(1)] }
    if argument == "infinity" || argument == "inf" { return [.serve] }
    return [.sleep(seconds(argument) ?? 0)]
  }

  /// `30`, `2m`, `1h`, `0.5s`.
  static func seconds(_ text: String) -> Double? {
    let units: [(String, Double)] = [("d", 86_400), ("h", 3600), ("m", 60), ("s", 1)]
    for (suffix, factor) in units where text.hasSuffix(suffix) {
      return Double(text.dropLast()).map { $0 * factor }
    }
    return Double(text)
  }

  /// Interprets a `sh -c` script of simple statements.
  static func script(_ text: String) -> [ProgramStep] {
    var steps: [ProgramStep] = []
    var statements = splitStatements(text)[...]
    while let statement = statements.popFirst() {
      let words = statement.split(separator: " ").map(String.init)
      guard let first = words.first else { continue }
      if first == "while" || (first == "for" && statement.contains("do")) {
        // `while true; do BODY; done` repeats; other loops run once.
        var body: [String] = []
        var afterDo = statement.split(separator: " ").drop { $0 != "do" }.dropFirst().joined(separator: " ")
        if !afterDo.isEmpty { body.append(afterDo) }
        while let next = statements.popFirst() {
          if next.trimmingCharacters(in: .whitespaces) == "done" { break }
          afterDo = next
          if next.hasPrefix("do ") { afterDo = String(next.dropFirst(3)) }
          if next == "do" { continue }
          body.append(afterDo)
        }
        // Each statement of the body, without the exit that ends a whole script.
        let inner = body.flatMap { statement -> [ProgramStep] in
          let steps = script(statement)
          return steps.last == .exit(0) ? Array(steps.dropLast()) : steps
        }
        if first == "while" && (statement.contains("true") || statement.contains(":")) {
          steps.append(.loop(inner))
          return steps
        }
        steps += inner
        continue
      }
      if let target = redirectTarget(statement) {
        let append = statement.contains(">>")
        let before = String(statement[..<(statement.firstIndex(of: ">") ?? statement.endIndex)])
          .trimmingCharacters(in: .whitespaces)
        if first == "echo" {
          let text = before.split(separator: " ").dropFirst().joined(separator: " ")
          steps.append(.write(target, unquote(text), append: append))
        } else if first == "date" {
          steps.append(.write(target, "{date}", append: append))
        } else {
          steps.append(.touch(target))
        }
        continue
      }
      switch first {
      case "touch":
        steps += words.dropFirst().filter { !$0.hasPrefix("-") }.map { .touch(unquote($0)) }
      case "rm":
        steps += words.dropFirst().filter { !$0.hasPrefix("-") }.map { .remove(unquote($0)) }
      case "echo":
        let text = words.dropFirst().joined(separator: " ")
        steps.append(.log(unquote(text)))
      case "sleep":
        steps += sleep(words.dropFirst().first)
        if words.dropFirst().first == "infinity" { return steps }
      case "exit":
        steps.append(.exit(Int(words.dropFirst().first ?? "0") ?? 0))
        return steps
      case "date":
        steps.append(.log("{date}"))
      case "tail" where words.contains("-f"):
        steps.append(.serve)
        return steps
      case "nginx", "httpd-foreground", "redis-server":
        steps.append(.serve)
        return steps
      default:
        continue
      }
    }
    steps.append(.exit(0))
    return steps
  }

  /// The file a statement writes with `>` or `>>`, outside quotes.
  private static func redirectTarget(_ statement: String) -> String? {
    var quote: Character?
    var index = statement.startIndex
    while index < statement.endIndex {
      let character = statement[index]
      if let open = quote {
        if character == open { quote = nil }
      } else if character == "'" || character == "\"" {
        quote = character
      } else if character == ">" {
        let rest = statement[statement.index(after: index)...].drop { $0 == ">" || $0 == " " }
        let target = rest.prefix { $0 != " " }
        return target.isEmpty || target.hasPrefix("&") ? nil : unquote(String(target))
      }
      index = statement.index(after: index)
    }
    return nil
  }

  private static func splitStatements(_ text: String) -> [String] {
    var parts: [String] = []
    var current = ""
    var quote: Character?
    for character in text {
      if let open = quote {
        if character == open { quote = nil }
        current.append(character)
      } else if character == "'" || character == "\"" {
        quote = character
        current.append(character)
      } else if character == ";" || character == "\n" || character == "&" {
        parts.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    parts.append(current)
    return parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  private static func unquote(_ text: String) -> String {
    var result = text
    for quote in ["\"", "'"] where result.hasPrefix(quote) && result.hasSuffix(quote) && result.count >= 2 {
      result = String(result.dropFirst().dropLast())
    }
    result = result.replacingOccurrences(of: "$(date)", with: "{date}")
    // `$(cat /etc/config/sport)`: read when the line is written, so a
    // mounted ConfigMap's update shows (the ConfigMap tutorial's loop).
    while let start = result.range(of: "$(cat "), let end = result[start.upperBound...].firstIndex(of: ")") {
      let path = result[start.upperBound..<end].trimmingCharacters(in: .whitespaces)
      result.replaceSubrange(start.lowerBound...end, with: "{file:\(path)}")
    }
    return result
  }

  /// Pi to `count` significant digits, as `perl -Mbignum=bpi -wle 'print bpi(N)'`
  /// prints it (the Job example of the Kubernetes documentation).
  static func pi(digits count: Int) -> String {
    // Rabinowitz–Wagon spigot, with the usual handling of runs of nines.
    let length = count * 10 / 3 + 2
    var remainders = [Int](repeating: 2, count: length)
    var digits: [Int] = []
    var nines = 0
    var predigit = 0
    for _ in 0..<(count + 2) {
      var carry = 0
      for index in stride(from: length - 1, through: 0, by: -1) {
        let numerator = remainders[index] * 10 + carry * (index + 1)
        let denominator = 2 * index + 1
        remainders[index] = numerator % denominator
        carry = numerator / denominator
      }
      remainders[0] = carry % 10
      let digit = carry / 10
      if digit == 9 {
        nines += 1
      } else if digit == 10 {
        digits.append(predigit + 1)
        digits += [Int](repeating: 0, count: nines)
        predigit = 0
        nines = 0
      } else {
        digits.append(predigit)
        predigit = digit
        digits += [Int](repeating: 9, count: nines)
        nines = 0
      }
    }
    let significant = digits.dropFirst().prefix(count)
    let text = significant.map(String.init).joined()
    return String(text.prefix(1)) + "." + String(text.dropFirst())
  }
}
