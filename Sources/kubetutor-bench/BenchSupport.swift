import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Timing, memory and printing for the figures.
enum BenchSupport {
  /// Median wall time of `body` in milliseconds over `runs` runs.
  static func median(runs: Int, _ body: () -> Void) -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
      let start = DispatchTime.now().uptimeNanoseconds
      body()
      times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    times.sort()
    return times[times.count / 2]
  }

  /// Median wall and CPU time of `body` in milliseconds over `runs` runs:
  /// on a busy machine the CPU time is the figure that compares.
  static func medians(runs: Int, _ body: () -> Void) -> (wall: Double, cpu: Double) {
    var walls: [Double] = []
    var cpus: [Double] = []
    for _ in 0..<runs {
      let cpu = processCPUNanoseconds()
      let start = DispatchTime.now().uptimeNanoseconds
      body()
      walls.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
      cpus.append(Double(processCPUNanoseconds() - cpu) / 1e6)
    }
    return (walls.sorted()[runs / 2], cpus.sorted()[runs / 2])
  }

  /// The process's CPU time in nanoseconds, to the nanosecond (getrusage
  /// counts in microseconds).
  static func processCPUNanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
  }

  /// Wall time of `body` in seconds.
  static func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  }

  /// The CPU time (user and system) the process has used so far, in seconds.
  static func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(0), &usage)  // RUSAGE_SELF
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    return user + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
  }

  /// The process's peak resident memory so far, in MB.
  ///
  /// Read from `VmHWM` in /proc/self/status: `ru_maxrss` is not the
  /// process's own, since Linux carries the peak of the address space a
  /// child was spawned from (the parent's, through vfork) across `exec`,
  /// so a scale figure run after `get pods` at 10,000 reported that peak.
  static func peakMemoryMB() -> Double {
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
      let kilobytes = Double(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "")
    {
      return kilobytes / 1024
    }
    var usage = rusage()
    getrusage(__rusage_who_t(0), &usage)  // RUSAGE_SELF
    return Double(usage.ru_maxrss) / 1024
  }

  /// Figures printed so far, by key, for the growth ratios.
  nonisolated(unsafe) static var recorded: [String: Double] = [:]
  /// Whether this process runs one figure for a parent (`--only`).
  nonisolated(unsafe) static var isChild = false

  /// Prints one figure; `key` keeps it for the growth ratios (and hands it
  /// from a child process to its parent on a `#key=value unit name` line).
  static func line(_ name: String, _ value: Double, _ unit: String, key: String? = nil) {
    // Pad to a column, but never cut a long name short.
    let label = name.count >= 62 ? name + " " : name.padding(toLength: 62, withPad: " ", startingAt: 0)
    note(label + String(format: "%10.2f %@", value, unit))
    if let key {
      recorded[key] = value
      if isChild { note("#\(key)=\(value) \(unit) \(name)") }
    }
  }

  /// Prints a line at once (unbuffered), so a long run shows its progress.
  static func note(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
  }

  /// Runs this executable again for each of `figures`, `runs` times, each
  /// run in a process of its own and the figures taken in turn (the first,
  /// the second, the first again, …), so that a drift in the machine's
  /// speed reaches every figure alike and the ratios between them hold.
  /// Passes each figure's lines on: those of its first run, every value
  /// printed again as its median over the runs.
  static func runChildren(figures: [String], runs: Int) {
    var outputs: [String: [Substring]] = [:]
    var values: [String: [Double]] = [:]
    for _ in 0..<runs {
      for figure in figures {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["--only", figure]
        let output = Pipe()
        process.standardOutput = output
        do {
          try process.run()
        } catch {
          note("\(figure): could not start (\(error))")
          return
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        for handed in lines.compactMap(HandedFigure.init) { values[handed.key, default: []].append(handed.value) }
        if outputs[figure] == nil { outputs[figure] = lines }
      }
    }
    if runs > 1 {
      note("\(figures.joined(separator: ", ")): the median of \(runs) runs, each in its own process, the figures in turn")
    }
    for figure in figures {
      let first = outputs[figure] ?? []
      for (index, text) in first.enumerated() {
        if let handed = HandedFigure(text) {
          let all = (values[handed.key] ?? [handed.value]).sorted()
          line(handed.name, all[all.count / 2], handed.unit, key: handed.key)
        } else if index + 1 < first.count, first[index + 1].hasPrefix("#") {
          // The child's printing of the figure that follows: printed again above.
          continue
        } else {
          note(String(text))
        }
      }
    }
  }

  /// A child's `#key=value unit name` line.
  private struct HandedFigure {
    var key: String
    var value: Double
    var unit: String
    var name: String

    init?(_ line: Substring) {
      guard line.hasPrefix("#") else { return nil }
      let parts = line.dropFirst().split(separator: "=", maxSplits: 1)
      guard parts.count == 2 else { return nil }
      let rest = parts[1].split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
      guard rest.count == 3, let value = Double(rest[0]) else { return nil }
      (key, self.value, unit, name) = (String(parts[0]), value, String(rest[1]), String(rest[2]))
    }
  }
}
