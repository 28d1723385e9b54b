import Foundation
import KubetutorFuzzing
import Testing

/// A bounded fuzz run of each input that comes from people, over seeded
/// mutations of the shipped transcripts, manifests, lessons and scenarios.
///
/// Each target runs for `KT_FUZZ_SECONDS` (default 2) seconds; a crash
/// stops the whole test process, and the input it was running is in
/// `$TMPDIR/kubetutor-fuzz-last-TARGET` (`FuzzMutator` is deterministic, so
/// the seed also reproduces it). Longer runs: `make fuzz-smoke
/// KT_FUZZ_SECONDS=300`, or libFuzzer with `make fuzz`.
@Suite("Fuzz smoke", .serialized)
struct FuzzSmokeTests {
  static let seconds = Double(ProcessInfo.processInfo.environment["KT_FUZZ_SECONDS"] ?? "") ?? 2
  static let seed = UInt64(ProcessInfo.processInfo.environment["KT_FUZZ_SEED"] ?? "") ?? 1

  @Test("typed lines never crash the shell or kubectl")
  func shellLines() {
    let count = Self.fuzz(.shell, samples: FuzzSamples.shellLines())
    #expect(count > 0)
  }

  @Test("manifests never crash apply or create")
  func manifests() {
    let count = Self.fuzz(.manifest, samples: FuzzSamples.manifests())
    #expect(count > 0)
  }

  @Test("lesson and scenario files never crash the loader")
  func content() {
    let count = Self.fuzz(.content, samples: FuzzSamples.contentFiles())
    #expect(count > 0)
  }

  /// Runs mutated inputs for `seconds`; returns how many ran.
  static func fuzz(_ target: FuzzTarget, samples: [String]) -> Int {
    #expect(!samples.isEmpty, "no samples for \(target)")
    var mutator = FuzzMutator(seed: seed, samples: samples)
    let deadline = Date().addingTimeInterval(seconds)
    var count = 0
    let last = FileManager.default.temporaryDirectory
      .appendingPathComponent("kubetutor-fuzz-last-\(target.rawValue)")
    // Mostly mutations; every fourth input is a sample as it is.
    while Date() < deadline {
      let input = count % 4 == 0 ? samples[(count / 4) % samples.count] : mutator.nextInput()
      try? Data(input.utf8).write(to: last)
      target.run(input)
      count += 1
    }
    print("fuzz \(target.rawValue): \(count) inputs in \(seconds) s (seed \(seed))")
    return count
  }
}
