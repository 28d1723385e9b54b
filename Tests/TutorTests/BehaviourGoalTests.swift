import KubeCluster
import Kubectl
import Testing
import Tutor

/// Behaviour goals send their requests through the cluster's network, the
/// way the learner's curl does: they agree with curl, and they leave the
/// cluster as it was.
@Suite("Behaviour goals and curl")
struct BehaviourGoalTests {
  static func apply(_ yaml: String, _ cluster: inout Cluster) {
    let output = CommandRunner.run(
      ["apply", "-f", "-"], cluster: &cluster, environment: KubectlEnvironment(stdin: yaml))
    #expect(output.exitCode == 0, "\(output.stderr)")
  }

  static let nodePort = """
    apiVersion: v1
    kind: Service
    metadata: { name: web }
    spec:
      type: NodePort
      selector: { app: web }
      ports: [ { port: 80, nodePort: 30080 } ]
    """

  /// A behaviour goal's request, as a content file writes it.
  static func check(_ url: String, fromPod pod: String? = nil) throws -> HTTPCheck {
    let from = pod.map { ", fromPod: { name: \($0) }" } ?? ""
    guard case .http(let check) = try GoalTests.goal("http: { url: '\(url)'\(from) }") else {
      throw ContentErrors([])
    }
    return check
  }

  /// What the learner's `curl -s URL` prints from the host.
  static func curl(_ url: String, _ cluster: inout Cluster) -> CurlOutcome {
    CurlProgram.run(["-s", url], cluster: &cluster, origin: .host)
  }

  @Test("a goal's answer is the one the learner's next curl gets, and checking changes nothing")
  func agreesWithCurl() throws {
    var cluster = GoalTests.cluster(replicas: 3)
    Self.apply(Self.nodePort, &cluster)
    let check = try Self.check("http://172.18.0.3:30080/")
    let before = cluster
    let answer = try #require(SimulatedHTTP.answer(check, in: cluster))
    // Checking drew nothing from the seeded random stream and logged nothing.
    #expect(cluster.random.state == before.random.state)
    let logs = cluster.list(.pod, in: "default").map { cluster.logs(of: $0, container: "nginx", previous: false) }
    #expect(logs == before.list(.pod, in: "default").map { before.logs(of: $0, container: "nginx", previous: false) })

    let outcome = Self.curl("http://172.18.0.3:30080/", &cluster)
    #expect(outcome.exitCode == 0)
    #expect(answer.status == 200)
    #expect(outcome.stdout == answer.body)
  }

  @Test("where curl fails, the goal is unmet: localhost without a port-forward, a ClusterIP from the host")
  func failsWhereCurlFails() throws {
    var cluster = GoalTests.cluster(replicas: 1)
    Self.apply(Self.nodePort, &cluster)
    let clusterIP = try #require(
      cluster.store.get(ObjectKey(.service, "web", in: "default"))?.content[path: "spec.clusterIP"]?.string)
    for url in ["http://localhost:30080/", "http://\(clusterIP)/", "http://web/"] {
      #expect(SimulatedHTTP.answer(try Self.check(url), in: cluster) == nil, "\(url)")
      #expect(Self.curl(url, &cluster).exitCode != 0, "\(url)")
    }
    #expect(SimulatedHTTP.answer(try Self.check("http://172.18.0.2:30080/"), in: cluster) != nil)
  }

  @Test("from a pod, a Service name resolves through its namespace's search path")
  func fromPod() throws {
    var cluster = GoalTests.cluster(replicas: 1)
    Self.apply(Self.nodePort, &cluster)
    let pod = try #require(cluster.list(.pod, in: "default").first)
    let web = try Self.check("http://web/", fromPod: pod.name)
    #expect(SimulatedHTTP.answer(web, in: cluster)?.status == 200)
    #expect(SimulatedHTTP.answer(try Self.check("http://nothing/", fromPod: pod.name), in: cluster) == nil)
  }

  @Test("a DNS goal fails once CoreDNS is gone, as nslookup in a pod does")
  func dnsNeedsCoreDNS() throws {
    var cluster = GoalTests.cluster(replicas: 1)
    Self.apply(Self.nodePort, &cluster)
    let goal = try GoalTests.goal("dns: { name: web }")
    let other = try GoalTests.goal("dns: { name: web, namespace: kube-system }")
    #expect(GoalTests.met(goal, cluster))
    #expect(!GoalTests.met(other, cluster))
    #expect(GoalTests.met(try GoalTests.goal("dns: { name: web.default, namespace: kube-system }"), cluster))
    _ = CommandRunner.run(["scale", "-n", "kube-system", "deployment", "coredns", "--replicas=0"], cluster: &cluster)
    cluster.advance(by: 60)
    #expect(!GoalTests.met(goal, cluster))
  }
}
