import KubeCluster

/// Seeded mutations of sample inputs, for fuzzing without libFuzzer: the
/// same seed always yields the same inputs, so a failure names its input.
package struct FuzzMutator: Sendable {
  private var random: RandomSource
  private let seeds: [[UInt8]]
  /// Fragments that reach deep into the parsers when spliced in.
  private static let tokens: [String] = [
    "&a ", "*a", "<<: *a", "---\n", "...\n", "{", "}", "[", "]", "\"", "'", "\\", "$(", ")", "${",
    "`", "<<EOF\n", "\nEOF\n", "|", "||", "&&", ";", ">", ">>", "2>&1", "<", "#", "\t", "\n", "  ",
    "- ", ": ", "? ", "!!str ", "!!binary ", "%YAML 1.1\n", "@", "\u{0}", "\u{7F}", "é", "한", "😀",
    "\u{FEFF}", "\r\n", "-1", "0", "99999999999999999999", "1e400", "NaN", "null", "~", "true",
    "kubectl ", "get ", "pods", "-o ", "yaml", "json", "jsonpath={..*}", "jsonpath='{range .items[*]}{end}'",
    "-o=custom-columns=A:.x", "go-template={{.}}", "--replicas=", "-n ", "-A", "-l ", "a in (b)", "!=",
    "--dry-run=client ", "--", "-f -", "-w", "apply ", "create ", "deployment ", "x", "--image=nginx ",
    "apiVersion: v1\n", "kind: Pod\n", "metadata:\n  name: p\n", "spec:\n", "  containers:\n", "goals:\n",
    "tasks:\n", "id: ", "title: ", "steps:\n", "setup:\n", "  manifests: |\n", "field: ", "count: ",
  ]

  package init(seed: UInt64, samples: [String]) {
    random = RandomSource(seed: seed)
    seeds = samples.isEmpty ? [[]] : samples.map { Array($0.utf8) }
  }

  private mutating func next() -> UInt64 { random.next() }

  private mutating func below(_ bound: Int) -> Int {
    bound <= 1 ? 0 : Int(next() % UInt64(bound))
  }

  /// The next input: a sample with one to eight mutations.
  package mutating func nextInput() -> String {
    var bytes = seeds[below(seeds.count)]
    for _ in 0...below(8) { mutate(&bytes) }
    if bytes.count > 64 * 1024 { bytes.removeLast(bytes.count - 64 * 1024) }
    return String(decoding: bytes, as: UTF8.self)
  }

  private mutating func mutate(_ bytes: inout [UInt8]) {
    let at = below(bytes.count + 1)
    switch below(7) {
    case 0:  // flip a byte
      if bytes.isEmpty { bytes.append(UInt8(truncatingIfNeeded: next())) }
      bytes[below(bytes.count)] ^= UInt8(truncatingIfNeeded: 1 << below(8))
    case 1:  // insert a token
      bytes.insert(contentsOf: Array(Self.tokens[below(Self.tokens.count)].utf8), at: at)
    case 2:  // delete a range
      guard at < bytes.count else { return }
      bytes.removeSubrange(at..<min(bytes.count, at + 1 + below(16)))
    case 3:  // duplicate a range
      guard at < bytes.count else { return }
      let piece = bytes[at..<min(bytes.count, at + 1 + below(64))]
      bytes.insert(contentsOf: Array(piece), at: below(bytes.count + 1))
    case 4:  // splice in part of another sample
      let other = seeds[below(seeds.count)]
      guard !other.isEmpty else { return }
      let start = below(other.count)
      bytes.insert(contentsOf: other[start..<min(other.count, start + 1 + below(200))], at: at)
    case 5:  // a random byte
      bytes.insert(UInt8(truncatingIfNeeded: next()), at: at)
    default:  // truncate
      bytes.removeSubrange(at..<bytes.count)
    }
  }
}
