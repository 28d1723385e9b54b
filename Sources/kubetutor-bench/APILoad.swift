import Foundation
import KubeAPIServer
import KubeCluster
import NIOCore
import NIOHTTP1
import NIOPosix

/// `kubetutor-bench --api-load`: the served API under load. 200 watch
/// streams on pods stay open while clients ask `GET pods` 1,000 times a
/// second and pods come and go; at the end every watcher must have seen
/// each pod change's resourceVersion exactly once, and memory must be flat.
enum APILoad {
  struct Options {
    var watchers = 200
    var requestsPerSecond = 1000
    var seconds = 30
    var connections = 25
  }

  /// What one watch stream received. Lines are split and read as bytes:
  /// scanning a growing `String` by characters made the client, not the
  /// server, the bottleneck (the readers share its event loops).
  final class WatchLog: @unchecked Sendable {
    private let lock = NSLock()
    private var buffer: [UInt8] = []
    private var revisions: [Int] = []
    private static let marker = Array(#""resourceVersion":""#.utf8)

    func append(_ bytes: ByteBufferView) {
      lock.withLock {
        buffer.append(contentsOf: bytes)
        var start = 0
        while let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
          revisions.append(Self.revision(in: buffer[start..<newline]))
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

    var seen: [Int] { lock.withLock { revisions.filter { $0 >= 0 } } }
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

  final class Counters: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    private var failures = 0
    private var latencies: [Int64] = []

    func answered(latency: TimeAmount) {
      lock.withLock {
        count += 1
        latencies.append(latency.nanoseconds)
      }
    }

    func failed() { lock.withLock { failures += 1 } }

    var snapshot: (count: Int, failures: Int, p50: Double, p99: Double) {
      lock.withLock {
        let sorted = latencies.sorted()
        func percentile(_ p: Double) -> Double {
          sorted.isEmpty ? 0 : Double(sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]) / 1e6
        }
        return (count, failures, percentile(0.5), percentile(0.99))
      }
    }
  }

  /// Resident memory of this process in MB, from /proc.
  static func residentMB() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
      let pages = text.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
    else { return 0 }
    return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
  }

  static func run(_ options: Options) throws {
    var start = Cluster.kind(seed: 1)
    start.advance(by: 120)
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

    // The writer: a pod made and deleted every 100 ms, the clock moving.
    var memory: [Double] = []
    var made = 0
    let began = Date()
    while NIODeadline.now() < deadline {
      host.withCluster { cluster in
        var pod = Object(.pod, name: "load-\(made)", namespace: "default")
        pod.content["spec"] = ["containers": [["name": "c", "image": "nginx:1.27"]]]
        _ = try? cluster.create(pod)
        if made >= 5 {
          _ = try? cluster.delete(
            ObjectKey(.pod, "load-\(made - 5)", in: "default"), options: DeleteOptions(gracePeriodSeconds: 0))
        }
        cluster.advance(by: 0.1)
      }
      made += 1
      if made % 10 == 0 { memory.append(residentMB()) }
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
    var exact = 0
    var missing = 0
    var duplicated = 0
    if ProcessInfo.processInfo.environment["API_LOAD_DEBUG"] != nil, let log = logs.first {
      print("expected", expected)
      print("seen    ", log.seen)
    }
    for log in logs {
      let seen = log.seen
      if seen == expected { exact += 1 }
      missing += Set(expected).subtracting(seen).count
      duplicated += seen.count - Set(seen).count
    }
    for channel in watchChannels { channel.close(promise: nil) }

    let result = counters.snapshot
    let line = { (name: String, value: Double, unit: String) in BenchSupport.line(name, value, unit) }
    line("API load: watchers open", Double(options.watchers), "")
    line("API load: GET pods answered per second (\(options.seconds) s)", Double(result.count) / elapsed, "req/s")
    line("API load: GET pods failures", Double(result.failures), "")
    line("API load: GET pods latency p50", result.p50, "ms")
    line("API load: GET pods latency p99", result.p99, "ms")
    line("API load: pod changes to watch (\(made) pods made)", Double(expected.count), "")
    line("API load: watchers that saw each change exactly once", Double(exact), "")
    line("API load: events missed / duplicated over all watchers", Double(missing + duplicated), "")
    if let first = memory.first, let last = memory.last {
      line("API load: resident memory after 1 s", first, "MB")
      line("API load: resident memory at the end", last, "MB")
      line("API load: resident memory peak", memory.max() ?? last, "MB")
    }
  }
}
