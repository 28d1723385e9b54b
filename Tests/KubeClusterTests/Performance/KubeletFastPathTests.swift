import Foundation
import Testing

@testable import KubeCluster

/// The kubelet's shortcuts (a status report skipped when its typed inputs
/// are unchanged, events read once per record, log clocks read as bytes)
/// give what the plain code gave.
@Suite("Kubelet fast paths")
struct KubeletFastPathTests {
  static func pod(_ name: String, _ container: JSONValue, spec extra: [String: JSONValue] = [:]) -> Object {
    var pod = Object(.pod, name: name, namespace: "default")
    var spec: JSONValue = ["containers": [container]]
    for (key, value) in extra { spec[key] = value }
    pod.content["spec"] = spec
    return pod
  }

  /// Pods whose statuses move through every kind of container state:
  /// pulling, running, probes failing and passing, crash loops, init
  /// containers, a missing image and a readiness gate.
  static var busyCluster: Cluster {
    var cluster = Cluster.kind()
    let pods = [
      pod("plain", ["name": "web", "image": "nginx:1.27"]),
      pod("crash", ["name": "app", "image": "busybox:1.36", "command": ["sh", "-c", "sleep 3; exit 1"]]),
      pod(
        "probed",
        [
          "name": "web", "image": "nginx:1.27",
          "readinessProbe": ["httpGet": ["path": "/missing", "port": 80], "periodSeconds": 2],
          "livenessProbe": ["tcpSocket": ["port": 8080], "periodSeconds": 3, "failureThreshold": 2],
        ]),
      pod(
        "started",
        [
          "name": "web", "image": "nginx:1.27",
          "startupProbe": ["httpGet": ["path": "/", "port": 80], "periodSeconds": 1],
          "readinessProbe": ["httpGet": ["path": "/", "port": 80], "periodSeconds": 1],
        ]),
      pod(
        "init", ["name": "web", "image": "nginx:1.27"],
        spec: ["initContainers": [["name": "wait", "image": "busybox:1.36", "command": ["sh", "-c", "sleep 4"]]]]),
      pod("missing", ["name": "web", "image": "nginx:9.99-nope"]),
      pod("gated", ["name": "web", "image": "nginx:1.27"], spec: ["readinessGates": [["conditionType": "example.com/ready"]]]),
      pod("done", ["name": "job", "image": "busybox:1.36", "command": ["sh", "-c", "echo hi"]], spec: ["restartPolicy": "Never"]),
    ]
    for pod in pods { _ = try? cluster.create(pod) }
    return cluster
  }

  @Test("a status report skipped for unchanged inputs is what a full rebuild would write")
  func skippedReportsMatchRebuilds() throws {
    var cluster = KubeletFastPathTests.busyCluster
    var skipped = 0
    for second in 0..<40 {
      cluster.advance(by: second < 10 ? 0.5 : 3)
      var rebuilt = cluster
      let revision = rebuilt.store.revision
      for pod in rebuilt.store.list(.pod) {
        guard var runtime = rebuilt.runtimes[pod.uid], let node = pod.content[path: "spec.nodeName"]?.string
        else { continue }
        if runtime.statusMemo?.resourceVersion == pod.resourceVersion { skipped += 1 }
        runtime.statusMemo = nil
        rebuilt.writeStatus(pod, runtime: runtime, source: EventSource("kubelet", host: node))
      }
      #expect(rebuilt.store.revision == revision, "at \(Timestamp.format(cluster.now))")
    }
    #expect(skipped > 0)
  }

  @Test("a write by someone else to a pod's status is reported on, not skipped")
  func outsideWriteIsSeen() throws {
    var cluster = KubeletFastPathTests.busyCluster
    cluster.advance(by: 20)
    let key = ObjectKey(.pod, "gated", in: "default")
    func ready() -> String? {
      cluster.store.get(key)?.content[path: "status.conditions"]?.array?
        .first { $0["type"]?.string == "Ready" }?["status"]?.string
    }
    #expect(ready() == "False")

    var pod = try #require(cluster.store.get(key))
    var conditions = pod.content[path: "status.conditions"]?.array ?? []
    conditions.insert(["type": "example.com/ready", "status": "True", "lastProbeTime": .null, "lastTransitionTime": .string(Timestamp.format(cluster.now))], at: 0)
    pod.content[path: "status.conditions"] = .array(conditions)
    cluster.write(pod, by: "gate-controller")
    cluster.settle()

    #expect(ready() == "True")
  }

  @Test("an event seen again counts up; ten different messages of one reason fold the next into one")
  func eventCorrelation() throws {
    var cluster = Cluster.kind()
    _ = try cluster.create(KubeletFastPathTests.pod("web", ["name": "web", "image": "nginx:1.27"]))
    let pod = try #require(cluster.store.get(ObjectKey(.pod, "web", in: "default")))
    let source = EventSource("kubelet", host: "kind-worker")
    cluster.recordEvent(pod, type: "Warning", reason: "Unhealthy", message: "probe failed: a", source: source)
    cluster.recordEvent(pod, type: "Warning", reason: "Unhealthy", message: "probe failed: a", source: source)
    var unhealthy: [Object] { cluster.events(for: pod).filter { $0.content["reason"]?.string == "Unhealthy" } }
    #expect(unhealthy.map { $0.content["count"]?.int } == [2])

    for index in 0..<10 {
      cluster.recordEvent(pod, type: "Warning", reason: "Unhealthy", message: "probe failed: \(index)", source: source)
    }
    let messages = unhealthy.compactMap { $0.content["message"]?.string }
    #expect(messages.count == 11)
    #expect(messages.last == Cluster.combinedPrefix + "probe failed: 9")
  }

  @Test(
    "log clocks read as bytes print what a date formatter prints",
    arguments: [0.0, 1_740_819_605.25, 1_740_819_605.042, 951_782_400, 4_102_444_799, -86_401])
  func logClocks(_ seconds: Double) {
    let date = Date(timeIntervalSince1970: seconds)
    func formatted(_ format: String) -> String {
      let formatter = DateFormatter()
      formatter.locale = Locale(identifier: "en_US_POSIX")
      formatter.timeZone = TimeZone(identifier: "UTC")
      formatter.dateFormat = format
      return formatter.string(from: Date(timeIntervalSince1970: seconds.rounded(.down)))
    }
    #expect(LogClock.nginx(date) == formatted("yyyy/MM/dd HH:mm:ss"))
    #expect(LogClock.apache(date) == formatted("EEE MMM dd HH:mm:ss.000000 yyyy"))
    #expect(LogClock.redis(date) == formatted("dd MMM yyyy HH:mm:ss.000"))
    let day = formatted("d")
    #expect(LogClock.unixDate(date) == formatted("EEE MMM ") + (day.count == 1 ? " " : "") + day + formatted(" HH:mm:ss 'UTC' yyyy"))
    let milliseconds = String(Int((seconds * 1000).rounded(.down)) % 1000 + 1000).dropFirst()
    #expect(LogClock.jsDate(date) == formatted("yyyy-MM-dd'T'HH:mm:ss.") + milliseconds + "Z")
  }

  @Test("uuid and hex, written as bytes, give what the Character-by-Character code gave", arguments: [0, 1, 42, 0xFFFF_FFFF] as [UInt64])
  func randomTexts(_ seed: UInt64) {
    var random = RandomSource(seed: seed)
    var reference = RandomSource(seed: seed)
    let digits = Array("0123456789abcdef")
    for _ in 0..<20 {
      var characters: [Character] = []
      for index in 0..<32 {
        var nibble = Int(reference.next() % 16)
        if index == 12 { nibble = 4 }
        if index == 16 { nibble = 8 | (nibble & 3) }
        characters.append(digits[nibble])
        if [7, 11, 15, 19].contains(index) { characters.append("-") }
      }
      #expect(random.uuid() == String(characters))
      let hex = String((0..<64).map { _ in digits[Int(reference.next() % 16)] })
      #expect(random.hex(64) == hex)
    }
  }

  /// Where a string's bytes are kept: equal for two strings sharing storage.
  static func storage(_ text: String?) -> UnsafeRawPointer? {
    var text = text
    return text?.withUTF8 { UnsafeRawPointer($0.baseAddress) }
  }

  @Test("events and statuses are filled in from templates: members in the written order, repeated texts kept once")
  func templates() throws {
    var cluster = Cluster.kind()
    for name in ["a", "b"] {
      _ = try cluster.create(KubeletFastPathTests.pod(name, ["name": "web", "image": "nginx:1.27"]))
    }
    cluster.advance(by: 10)
    var started: [Object] = []
    for name in ["a", "b"] {
      let pod = try #require(cluster.store.get(ObjectKey(.pod, name, in: "default")))
      let event = try #require(cluster.events(for: pod).first { $0.content["reason"]?.string == "Started" })
      started.append(event)
      #expect(
        event.content.object?.keys == [
          "apiVersion", "kind", "metadata", "involvedObject", "reason", "message", "source", "firstTimestamp",
          "lastTimestamp", "count", "type", "eventTime", "reportingComponent", "reportingInstance",
        ])
      #expect(event.content["metadata"]?.object?.keys == ["name", "namespace", "uid", "creationTimestamp", "resourceVersion"])
      #expect(event.content["involvedObject"]?.object?.keys == ["kind", "name", "uid", "apiVersion", "resourceVersion", "namespace", "fieldPath"])
      #expect(event.content["eventTime"] == .null)
      #expect(event.content["metadata"]?["uid"]?.string?.count == 36)
      let conditions = pod.content[path: "status.conditions"]?.array ?? []
      #expect(conditions.compactMap { $0["type"]?.string } == ["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"])
      #expect(conditions.allSatisfy { $0.object?.keys == ["lastProbeTime", "lastTransitionTime", "status", "type"] })
      #expect(
        pod.content[path: "status.containerStatuses"]?.array?.first?.object?.keys == [
          "name", "image", "imageID", "containerID", "ready", "restartCount", "started", "lastState", "state",
          "volumeMounts",
        ])
    }
    // The two pods' Started events were stamped at one instant, on one node
    // or two, with one message: the texts share storage.
    let (a, b) = (started[0].content, started[1].content)
    #expect(a["message"] == b["message"])
    #expect(KubeletFastPathTests.storage(a["message"]?.string) == KubeletFastPathTests.storage(b["message"]?.string))
    if a["lastTimestamp"] == b["lastTimestamp"] {
      #expect(KubeletFastPathTests.storage(a["lastTimestamp"]?.string) == KubeletFastPathTests.storage(b["lastTimestamp"]?.string))
    }
    #expect(KubeletFastPathTests.storage(a["lastTimestamp"]?.string) == KubeletFastPathTests.storage(a["firstTimestamp"]?.string))
  }
}
