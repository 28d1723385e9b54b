import Foundation
import KubeAPIServer
import KubeCluster
import NIOCore
import NIOHTTP1
import NIOPosix

#if canImport(Glibc)
  import Glibc
#endif

/// `kubetutor-bench --api-load`: the served API under load. 200 watch
/// streams on pods stay open while clients ask `GET pods` 1,000 times a
/// second and pods come and go; at the end every watcher must have seen
/// each pod change's resourceVersion exactly once, and memory must be flat.
/// `--writer patch` keeps the cluster's state the same size (label changes
/// on 5 pods instead of pods made and deleted), so what still grows is the
/// server's.
enum APILoad {
  struct Options {
    var watchers = 200
    var requestsPerSecond = 1000
    var seconds = 30
    var connections = 25
    var writer = Writer.churn
  }

  /// What one watch stream received. Lines are split and read as bytes:
  /// scanning a growing `String` by characters made the client, not the
  /// server, the bottleneck (the readers share its event loops).
  ///
  /// The revisions are folded into a count and an order-sensitive digest
  /// as they arrive instead of being kept: 200 watchers keeping every
  /// revision grew this process by megabytes a minute, which the resident
  /// memory figures then charged to the server.
  final class WatchLog: @unchecked Sendable {
    private let lock = NSLock()
    private var buffer: [UInt8] = []
    private var tally = RevisionTally()
    private static let marker = Array(#""resourceVersion":""#.utf8)

    func append(_ bytes: ByteBufferView) {
      lock.withLock {
        buffer.append(contentsOf: bytes)
        var start = 0
        while let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
          let revision = Self.revision(in: buffer[start..<newline])
          if revision >= 0 { tally.add(revision) }
          start = newline + 1
        }
        buffer.removeFirst(start)
      }
    }

    /// The first `"resourceVersion":"N"` of a line: the object's own.
    private static func revision(in line: ArraySlice<UInt8>) -> Int {
      var index = line.startIndex
      while index + marker.count <= line.endIndex {
        if line[index] == marker[0], line[index..<(index + marker.count)].elementsEqual(marker) {
          var value = 0
          var digit = index + marker.count
          while digit < line.endIndex, (48...57).contains(line[digit]) {
            value = value * 10 + Int(line[digit] - 48)
            digit += 1
          }
          return value
        }
        index += 1
      }
      return -1
    }

    var seen: RevisionTally { lock.withLock { tally } }
  }

  /// A sequence of revisions in constant space: how many, how many came
  /// at or below one already seen (repeated or out of order), and an FNV-1a
  /// digest of the sequence, so two tallies are equal exactly when (but for
  /// a 2^-64 chance) their sequences are.
  struct RevisionTally: Equatable {
    var count = 0
    var backwards = 0
    var last = -1
    var digest: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ revision: Int) {
      count += 1
      if revision <= last { backwards += 1 } else { last = revision }
      digest = (digest ^ UInt64(revision)) &* 0x100_0000_01b3
    }
  }

  /// Collects a watch stream's body.
  final class WatchHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPClientResponsePart
    let log: WatchLog
    init(log: WatchLog) { self.log = log }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
      if case .body(let buffer) = unwrapInboundIn(data) {
        log.append(buffer.readableBytesView)
      }
    }
  }

  /// Sends `GET pods` on one keep-alive connection at a fixed pace.
  final class GetHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart
    let head: HTTPRequestHead
    let interval: TimeAmount
    let deadline: NIODeadline
    let counters: Counters
    private var sentAt = NIODeadline.now()

    init(head: HTTPRequestHead, interval: TimeAmount, deadline: NIODeadline, counters: Counters) {
      self.head = head
      self.interval = interval
      self.deadline = deadline
      self.counters = counters
    }

    func channelActive(context: ChannelHandlerContext) {
      send(context: context)
    }

    private func send(context: ChannelHandlerContext) {
      guard NIODeadline.now() < deadline else {
        context.close(promise: nil)
        return
      }
      sentAt = .now()
      context.write(wrapOutboundOut(.head(head)), promise: nil)
      context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
      switch unwrapInboundIn(data) {
      case .head(let response):
        if response.status != .ok { counters.failed() }
      case .body:
        break
      case .end:
        let elapsed = NIODeadline.now() - sentAt
        counters.answered(latency: elapsed)
        let wait = interval - elapsed
        if wait > .zero {
          context.eventLoop.scheduleTask(in: wait) { [self] in self.send(context: context) }
        } else {
          send(context: context)
        }
      }
    }
  }

  /// Answers, failures and a latency histogram in 10 µs steps (up to
  /// 1 s): constant space, where a list of every latency grew by 8 KB a second.
  final class Counters: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    private var failures = 0
    private var histogram = [Int](repeating: 0, count: 100_001)

    func answered(latency: TimeAmount) {
      lock.withLock {
        count += 1
        histogram[min(Int(latency.nanoseconds / 10_000), histogram.count - 1)] += 1
      }
    }

    func failed() { lock.withLock { failures += 1 } }

    var snapshot: (count: Int, failures: Int, p50: Double, p99: Double) {
      lock.withLock {
        func percentile(_ p: Double) -> Double {
          let rank = Int(Double(count) * p)
          var below = 0
          for (step, answers) in histogram.enumerated() {
            below += answers
            if below > rank { return (Double(step) + 0.5) / 100 }
          }
          return 0
        }
        return (count, failures, percentile(0.5), percentile(0.99))
      }
    }
  }

  /// What the writer does every 100 ms.
  enum Writer: String {
    /// Makes a pod and deletes the one made 5 before: the cluster's state
    /// (the pods' Events, the journal) grows as a real cluster's would.
    case churn
    /// Sets a label on one of 5 pods made at the start: the same number of
    /// watch events, but the cluster's state stays the same size, so the
    /// server's own memory should stay flat.
    case patch
  }

  /// glibc's `malloc_info(options, stream)` (malloc.h is not in the Glibc module).
  @_silgen_name("malloc_info")
  static func mallocInfo(_ options: Int32, _ stream: UnsafeMutablePointer<FILE>) -> Int32

  /// jemalloc's `mallctl(name, old, oldLength, new, newLength)`, found at
  /// run time: release builds allocate with jemalloc (Package.swift), debug
  /// builds with glibc's malloc.
  typealias MallCtl = @convention(c) (
    UnsafePointer<CChar>, UnsafeMutableRawPointer?, UnsafeMutablePointer<Int>?, UnsafeMutableRawPointer?, Int
  ) -> Int32
  static let mallctl: MallCtl? = dlsym(nil, "mallctl").map { unsafeBitCast($0, to: MallCtl.self) }

  /// The process's memory in MB: resident, and malloc's view of its heap.
  struct Memory {
    var resident: Double
    /// Bytes allocated and not freed (in every arena, and mmapped).
    var heapInUse: Double
    /// Bytes freed but kept by malloc in its arenas.
    var heapFree: Double

    static func now() -> Memory {
      if let mallctl { return jemalloc(mallctl) }
      return glibc()
    }

    /// From jemalloc's statistics, refreshed first: the bytes allocated,
    /// and what it keeps resident beyond them (free pages and its own
    /// bookkeeping).
    private static func jemalloc(_ mallctl: MallCtl) -> Memory {
      var epoch: UInt64 = 1
      _ = mallctl("epoch", nil, nil, &epoch, MemoryLayout<UInt64>.size)
      func statistic(_ name: String) -> Double {
        var value = 0
        var length = MemoryLayout<Int>.size
        guard mallctl(name, &value, &length, nil, 0) == 0 else { return 0 }
        return Double(value) / 1_048_576
      }
      let allocated = statistic("stats.allocated")
      return Memory(resident: residentMB(), heapInUse: allocated, heapFree: max(0, statistic("stats.resident") - allocated))
    }

    /// From glibc's `malloc_info` report (every arena): the arenas'
    /// size less their free chunks, plus the mmapped chunks.
    private static func glibc() -> Memory {
      var text: UnsafeMutablePointer<CChar>?
      var length = 0
      guard let stream = open_memstream(&text, &length) else { return Memory(resident: residentMB(), heapInUse: 0, heapFree: 0) }
      _ = mallocInfo(0, stream)
      fclose(stream)
      let report = text.map { String(cString: $0) } ?? ""
      free(text)
      // The totals follow the last </heap>.
      let totals = report.components(separatedBy: "</heap>").last ?? ""
      func size(_ tag: String) -> Double {
        guard let range = totals.range(of: tag), let sizeRange = totals[range.upperBound...].range(of: "size=\"") else { return 0 }
        let digits = totals[sizeRange.upperBound...].prefix { $0.isNumber }
        return (Double(digits) ?? 0) / 1_048_576
      }
      let free = size("<total type=\"fast\"") + size("<total type=\"rest\"")
      return Memory(
        resident: residentMB(), heapInUse: size("<system type=\"current\"") - free + size("<total type=\"mmap\""),
        heapFree: free)
    }
  }

  /// The process, the cluster and the server at one moment of the run.
  struct Sample {
    var second: Int
    var memory: Memory
    var census: [(name: String, count: Int)]

    func count(_ name: String) -> Int { census.first { $0.name == name }?.count ?? 0 }
    var objects: Int { census.filter { $0.name.hasPrefix("objects: ") }.reduce(0) { $0 + $1.count } }

    /// One line for the progress of a run.
    var summary: String {
      String(
        format: "  at %4d s: resident %.1f MB, heap in use %.1f MB (%.1f MB free in malloc), objects %d (Events %d), journal %d, watch history %d",
        second, memory.resident, memory.heapInUse, memory.heapFree, objects, count("objects: Event"),
        count("journal entries"), count("watch history"))
    }
  }

  /// Resident memory of this process in MB, from /proc.
  static func residentMB() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
      let pages = text.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
    else { return 0 }
    return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
  }

  /// The pod the writer makes or changes.
  static func pod(_ number: Int) -> Object {
    var pod = Object(.pod, name: "load-\(number)", namespace: "default")
    pod.content["spec"] = ["containers": [["name": "c", "image": "nginx:1.27"]]]
    return pod
  }

  static func run(_ options: Options) throws {
    var start = Cluster.kind(seed: 1)
    start.advance(by: 120)
    if options.writer == .patch {
      for number in 0..<5 { _ = try? start.create(pod(number)) }
      start.advance(by: 30)
    }
    let host = LockedCluster(start, followsWallClock: false)
    let server = APIServer(host: host)
    let port = try server.start(port: 0)
    defer { server.stop() }
    // Watchers and readers on their own client threads, so reading 200
    // watch streams does not delay the readers' requests.
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    defer { try? group.syncShutdownGracefully() }
    let readerGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    defer { try? readerGroup.syncShutdownGracefully() }
    let from = host.withCluster { $0.store.revision }

    func headers() -> HTTPHeaders {
      ["Host": "127.0.0.1:\(port)", "Authorization": "Bearer \(server.token)"]
    }

    // The watchers.
    var logs: [WatchLog] = []
    var watchChannels: [Channel] = []
    for _ in 0..<options.watchers {
      let log = WatchLog()
      logs.append(log)
      let channel = try ClientBootstrap(group: group)
        .channelInitializer { channel in
          channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHTTPClientHandlers()
            try channel.pipeline.syncOperations.addHandler(WatchHandler(log: log))
          }
        }
        .connect(host: "127.0.0.1", port: port).wait()
      let head = HTTPRequestHead(
        version: .http1_1, method: .GET,
        uri: "/api/v1/namespaces/default/pods?watch=1&resourceVersion=\(from)", headers: headers())
      channel.write(HTTPClientRequestPart.head(head), promise: nil)
      try channel.writeAndFlush(HTTPClientRequestPart.end(nil)).wait()
      watchChannels.append(channel)
    }
    while server.watchCount < options.watchers { Thread.sleep(forTimeInterval: 0.05) }

    // The readers.
    let counters = Counters()
    let deadline = NIODeadline.now() + .seconds(Int64(options.seconds))
    let perConnection = Double(options.requestsPerSecond) / Double(options.connections)
    let interval = TimeAmount.nanoseconds(Int64(1e9 / perConnection))
    var readers: [Channel] = []
    for _ in 0..<options.connections {
      let head = HTTPRequestHead(
        version: .http1_1, method: .GET, uri: "/api/v1/namespaces/default/pods", headers: headers())
      let channel = try ClientBootstrap(group: readerGroup)
        .channelInitializer { channel in
          channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHTTPClientHandlers()
            try channel.pipeline.syncOperations.addHandler(
              GetHandler(head: head, interval: interval, deadline: deadline, counters: counters))
          }
        }
        .connect(host: "127.0.0.1", port: port).wait()
      readers.append(channel)
    }

    // The writer, every 100 ms, the clock moving with it; a sample of
    // memory and of what the cluster and server hold every second.
    func sample(_ second: Int) -> Sample {
      host.withCluster { cluster in
        Sample(second: second, memory: .now(), census: cluster.census + server.census)
      }
    }
    // Seconds of cluster time (the writer moves the clock 0.1 s a write).
    // Warmed up: the watch history keeps 75 s of changes, so it is full
    // after 80 s; shorter runs take a third of their length.
    let warmUp = options.seconds >= 160 ? 80 : min(30, options.seconds / 3)
    var samples: [Sample] = []
    var made = 0
    let began = Date()
    while NIODeadline.now() < deadline {
      host.withCluster { cluster in
        switch options.writer {
        case .churn:
          _ = try? cluster.create(pod(made))
          if made >= 5 {
            _ = try? cluster.delete(
              ObjectKey(.pod, "load-\(made - 5)", in: "default"), options: DeleteOptions(gracePeriodSeconds: 0))
          }
        case .patch:
          if var pod = cluster.store.get(ObjectKey(.pod, "load-\(made % 5)", in: "default")) {
            pod.content[path: "metadata.labels.tick"] = .string(String(made))
            _ = try? cluster.update(pod)
          }
        }
        cluster.advance(by: 0.1)
      }
      made += 1
      if made % 10 == 0 {
        let second = made / 10
        samples.append(sample(second))
        if second % 30 == 0 || second == warmUp { BenchSupport.note(samples[samples.count - 1].summary) }
      }
      Thread.sleep(forTimeInterval: 0.1)
    }
    let elapsed = Date().timeIntervalSince(began)
    for channel in readers { try? channel.closeFuture.wait() }
    // Let the last changes reach the watchers.
    server.publishChanges()
    Thread.sleep(forTimeInterval: 1)

    let expected = host.withCluster { cluster in
      cluster.store.journal.filter { $0.key.kind == .pod && $0.key.namespace == "default" && ($0.revision ?? 0) > from }
        .compactMap(\.revision)
    }
    var expectedTally = RevisionTally()
    for revision in expected { expectedTally.add(revision) }
    var exact = 0
    var missing = 0
    var duplicated = 0
    for log in logs {
      let seen = log.seen
      if seen == expectedTally { exact += 1 }
      // Revisions arrive in order; one at or below the last seen is repeated.
      duplicated += seen.backwards
      missing += max(0, expected.count - (seen.count - seen.backwards))
    }
    for channel in watchChannels { channel.close(promise: nil) }

    let result = counters.snapshot
    let line = { (name: String, value: Double, unit: String) in BenchSupport.line(name, value, unit) }
    BenchSupport.note("API load: writer \(options.writer.rawValue)")
    line("API load: watchers open", Double(options.watchers), "")
    line("API load: GET pods answered per second (\(options.seconds) s)", Double(result.count) / elapsed, "req/s")
    line("API load: GET pods failures", Double(result.failures), "")
    line("API load: GET pods latency p50", result.p50, "ms")
    line("API load: GET pods latency p99", result.p99, "ms")
    line("API load: pod changes to watch (\(made) writes)", Double(expected.count), "")
    line("API load: watchers that saw each change exactly once", Double(exact), "")
    line("API load: events missed / duplicated over all watchers", Double(missing + duplicated), "")
    guard let end = samples.last, let warm = samples.first(where: { $0.second == warmUp }) ?? samples.first else {
      return
    }
    let seconds = Double(end.second - warm.second)
    line("API load: resident memory after \(warm.second) s of cluster time (warmed up)", warm.memory.resident, "MB")
    line("API load: resident memory at the end (\(end.second) s of cluster time)", end.memory.resident, "MB")
    line("API load: resident memory peak", samples.map(\.memory.resident).max() ?? end.memory.resident, "MB")
    line("API load: heap in use, after \(warm.second) s", warm.memory.heapInUse, "MB")
    line("API load: heap in use, at the end", end.memory.heapInUse, "MB")
    line("API load: resident memory growth per minute after warm-up", (end.memory.resident - warm.memory.resident) / seconds * 60, "MB")
    line("API load: heap growth per minute after warm-up", (end.memory.heapInUse - warm.memory.heapInUse) / seconds * 60, "MB")
    let grown = end.objects - warm.objects
    if grown > 0 {
      line("API load: heap growth per object the cluster gained", (end.memory.heapInUse - warm.memory.heapInUse) * 1024 / Double(grown), "KB")
    }
    BenchSupport.note("API load: what the cluster and the server hold, after \(warm.second) s → at \(end.second) s")
    for (name, count) in end.census {
      let before = warm.count(name)
      let label = "  \(name)".padding(toLength: 40, withPad: " ", startingAt: 0)
      BenchSupport.note(label + String(format: "%8d → %8d", before, count))
    }
  }
}
