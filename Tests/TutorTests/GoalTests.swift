import KubeCluster
import Kubectl
import Testing
import Tutor

@Suite("Goals")
struct GoalTests {
  /// A cluster with a Deployment `web` of `replicas` pods, settled.
  static func cluster(replicas: Int) -> Cluster {
    var cluster = Cluster.kind(seed: 3)
    _ = CommandRunner.run(
      ["create", "deployment", "web", "--image=nginx:1.27", "--replicas=\(replicas)"],
      cluster: &cluster)
    cluster.advance(by: 30)
    return cluster
  }

  static func goal(_ yaml: String) throws -> Goal {
    let reader = ContentReader(file: "goal.yaml", text: yaml)
    let goal = GoalDecoder(reader: reader).goal([])
    guard let goal, reader.errors.isEmpty else { throw ContentErrors(reader.errors) }
    return goal
  }

  static func met(_ goal: Goal, _ cluster: Cluster, commands: [[String]] = []) -> Bool {
    var memory = GoalMemory()
    let runs = commands.map { CommandRun(argv: $0, exitCode: 0) }
    return goal.isMet(in: GoalContext(cluster: cluster, commands: runs), memory: &memory)
  }

  @Test func fieldsAndCounts() throws {
    let cluster = Self.cluster(replicas: 3)

    #expect(
      Self.met(
        try Self.goal("field: { kind: deploy, name: web, path: spec.replicas, equals: 3 }"), cluster
      ))
    #expect(
      Self.met(
        try Self.goal(
          "field: { kind: Deployment, name: web, path: '{.status.readyReplicas}', atLeast: 3 }"),
        cluster))
    #expect(
      !Self.met(
        try Self.goal("field: { kind: Deployment, name: web, path: spec.replicas, atMost: 2 }"),
        cluster))
    #expect(
      Self.met(
        try Self.goal(
          "field: { kind: Deployment, name: web, path: 'spec.template.spec.containers[0].image', matches: '^nginx:1\\.27$' }"
        ), cluster))
    #expect(
      Self.met(
        try Self.goal(
          "count: { kind: Pod, labels: { app: web }, phase: Running, ready: true, equals: 3 }"),
        cluster))
    #expect(
      Self.met(
        try Self.goal("count: { kind: Pod, owner: { kind: Deployment, name: web }, equals: 3 }"),
        cluster))
    #expect(
      Self.met(
        try Self.goal(
          "count: { kind: Pod, namespace: '*', fields: { 'status.phase': Running }, atLeast: 10 }"),
        cluster))
    #expect(
      Self.met(
        try Self.goal(
          "field: { kind: Node, name: kind-worker, path: 'status.conditions[type=Ready].status', equals: 'True' }"
        ), cluster))
    #expect(Self.met(try Self.goal("absent: { kind: Pod, name: nope }"), cluster))
    #expect(Self.met(try Self.goal("not: { exists: { kind: Service, name: web } }"), cluster))
    #expect(
      Self.met(
        try Self.goal(
          "any: [ { exists: { kind: Service, name: web } }, { exists: { kind: Deployment, name: web } } ]"
        ), cluster))
    #expect(
      !Self.met(
        try Self.goal(
          "all: [ { exists: { kind: Service, name: web } }, { exists: { kind: Deployment, name: web } } ]"
        ), cluster))
  }

  @Test("after: scale down, then back up, in that order")
  func afterGoal() throws {
    let goal = try Self.goal(
      """
      after:
        first: { field: { kind: Deployment, name: web, path: spec.replicas, equals: 1 } }
        then: { field: { kind: Deployment, name: web, path: spec.replicas, equals: 3 } }
      """)
    var memory = GoalMemory()
    func check(_ replicas: Int) -> Bool {
      goal.isMet(in: GoalContext(cluster: Self.cluster(replicas: replicas)), memory: &memory)
    }

    #expect(!check(3))
    #expect(!check(1))
    #expect(!check(2))
    #expect(check(3))
  }

  @Test func commands() throws {
    let cluster = Self.cluster(replicas: 2)
    let pod = try #require(cluster.list(.pod, in: "default").first).name
    let logs = try Self.goal("command: { verb: logs, target: { kind: Deployment, name: web } }")
    let wide = try Self.goal("command: { verb: get, resource: pods, output: wide }")
    let all = try Self.goal("command: { verb: get, flags: [-A] }")

    #expect(Self.met(logs, cluster, commands: [["kubectl", "logs", pod]]))
    #expect(Self.met(logs, cluster, commands: [["kubectl", "logs", "-f", "deploy/web"]]))
    #expect(Self.met(logs, cluster, commands: [["k", "logs", "pod/\(pod)", "-c", "nginx"]]))
    #expect(!Self.met(logs, cluster, commands: [["kubectl", "logs", "coredns"]]))
    #expect(!Self.met(logs, cluster, commands: [["kubectl", "describe", pod]]))
    #expect(Self.met(wide, cluster, commands: [["kubectl", "get", "po", "-owide"]]))
    #expect(
      Self.met(
        wide, cluster, commands: [["kubectl", "get", "pods", "--output=wide", "-n", "default"]]))
    #expect(!Self.met(wide, cluster, commands: [["kubectl", "get", "pods", "-o", "yaml"]]))
    #expect(Self.met(all, cluster, commands: [["kubectl", "get", "pods", "--all-namespaces"]]))
  }

  @Test func answers() throws {
    let cluster = Self.cluster(replicas: 1)
    let pod = try #require(cluster.list(.pod, in: "default").first)
    let ip = try #require(pod.content[path: "status.podIP"]?.string)
    let goal = try Self.goal("answer: { podIP: \(pod.name) }")
    var memory = GoalMemory()

    #expect(!goal.isMet(in: GoalContext(cluster: cluster, answers: ["10.0.0.1"]), memory: &memory))
    #expect(goal.isMet(in: GoalContext(cluster: cluster, answers: [" \(ip) "]), memory: &memory))
  }

  @Test func behaviour() throws {
    var cluster = Self.cluster(replicas: 1)
    let http = try Self.goal(
      "http: { url: 'http://172.18.0.2:30080/', bodyContains: Welcome to nginx }")
    #expect(!Self.met(http, cluster))

    _ = CommandRunner.run(
      ["apply", "-f", "-"], cluster: &cluster,
      environment: KubectlEnvironment(
        stdin: """
          apiVersion: v1
          kind: Service
          metadata: { name: web }
          spec:
            type: NodePort
            selector: { app: web }
            ports: [ { port: 80, nodePort: 30080 } ]
          """))

    #expect(Self.met(http, cluster))
    #expect(Self.met(try Self.goal("dns: { name: web.default.svc.cluster.local }"), cluster))
  }

  @Test("decoding errors name the place")
  func decodingErrors() {
    #expect(throws: ContentErrors.self) {
      try Self.goal("field: { kind: Deployment, name: web, path: spec.replicas }")
    }
    #expect(throws: ContentErrors.self) { try Self.goal("exists: { kind: Pood, name: web }") }
    #expect(throws: ContentErrors.self) {
      try Self.goal("exists: { kind: Pod, name: web }\nabsent: { kind: Pod, name: web }")
    }
    #expect(throws: ContentErrors.self) {
      try Self.goal("field: { kind: Pod, name: web, path: 'spec.containers[0].imag', equals: x }")
    }
  }
}
