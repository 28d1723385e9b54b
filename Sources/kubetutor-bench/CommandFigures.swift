import Foundation
import KubeCluster
import Kubectl
import Tutor

/// What one kubectl command, or one goal check, costs.
enum CommandFigures {
  /// Clusters already built, by pod count: building one is not a figure.
  nonisolated(unsafe) private static var built: [Int: Cluster] = [:]

  /// A cluster with `count` running pods of Deployment `web` in `default`.
  static func cluster(pods count: Int) -> Cluster {
    if let cluster = built[count] { return cluster }
    let cluster = build(pods: count)
    built[count] = cluster
    return cluster
  }

  /// A new cluster with `count` running pods of Deployment `web`, always
  /// built from the same seed.
  static func build(pods count: Int) -> Cluster {
    var cluster = Cluster.kind(workers: max(2, count / 100 + 1))
    _ = try? cluster.create(deployment("web", replicas: count))
    cluster.advance(by: 120)
    return cluster
  }

  /// A Deployment of nginx pods labelled `app: NAME` in `default`.
  static func deployment(_ name: String, replicas: Int) -> Object {
    var deployment = Object(.deployment, name: name, namespace: "default")
    deployment.content["spec"] = [
      "replicas": .int(replicas), "selector": ["matchLabels": ["app": .string(name)]],
      "template": [
        "metadata": ["labels": ["app": .string(name)]],
        "spec": ["containers": [["name": "nginx", "image": "nginx:1.27"]]],
      ],
    ]
    return deployment
  }

  /// The median time of one kubectl command on the cluster of `pods` pods.
  static func time(_ arguments: [String], pods: Int, runs: Int, label: String, key: String) {
    var cluster = cluster(pods: pods)
    var lines = 0
    let time = BenchSupport.median(runs: runs) {
      lines = CommandRunner.run(arguments, cluster: &cluster).stdout.utf8.split(separator: UInt8(ascii: "\n")).count
    }
    BenchSupport.line("\(label) (\(lines) lines)", time, "ms", key: key)
  }

  static func getPods(_ count: Int) {
    var cluster = cluster(pods: count)
    let running = cluster.list(.pod, in: "default").filter { Columns.podSummary($0).reason == "Running" }.count
    var lines = 0
    let time = BenchSupport.medians(runs: count >= 10_000 ? 7 : 21) {
      lines = CommandRunner.run(["get", "pods"], cluster: &cluster).stdout.utf8.split(separator: UInt8(ascii: "\n")).count
    }
    BenchSupport.line("kubectl get pods, \(count) pods (\(running) running, \(lines) lines)", time.wall, "ms", key: "get-pods-\(count)")
    BenchSupport.line("  cpu time", time.cpu, "ms", key: "get-pods-\(count)-cpu")
  }

  /// `get pods` the first time after every pod was written: nothing a
  /// listing before worked out can be reused. Each run lists a cluster
  /// built again from the same seed.
  static func getPodsFirst(_ count: Int) {
    var times: [(wall: Double, cpu: Double)] = []
    for _ in 0..<5 {
      var cluster = build(pods: count)
      times.append(BenchSupport.medians(runs: 1) { _ = CommandRunner.run(["get", "pods"], cluster: &cluster) })
    }
    let wall = times.map(\.wall).sorted()[2]
    let cpu = times.map(\.cpu).sorted()[2]
    BenchSupport.line("kubectl get pods, \(count) pods, first listing since they were written", wall, "ms", key: "get-pods-\(count)-first")
    BenchSupport.line("  cpu time", cpu, "ms", key: "get-pods-\(count)-first-cpu")
  }

  static func getAll() {
    time(["get", "all", "-A"], pods: 1000, runs: 11, label: "kubectl get all -A, 1,000-pod cluster", key: "get-all")
  }

  static func describeDeployment() {
    time(["describe", "deployment", "web"], pods: 1000, runs: 21, label: "kubectl describe deployment, 1,000 replicas", key: "describe")
  }

  /// 50 documents: ConfigMaps, Services and Deployments, as a real app's
  /// manifests mix them.
  static let fiftyDocuments: String = (0..<50).map { index -> String in
    switch index % 3 {
    case 0:
      return """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: config-\(index)
        data:
          key: value-\(index)

        """
    case 1:
      return """
        apiVersion: v1
        kind: Service
        metadata:
          name: svc-\(index)
        spec:
          selector:
            app: app-\(index)
          ports:
          - port: 80
            targetPort: 8080

        """
    default:
      return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: app-\(index)
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: app-\(index)
          template:
            metadata:
              labels:
                app: app-\(index)
            spec:
              containers:
              - name: app
                image: nginx:1.27
                ports:
                - containerPort: 8080

        """
    }
  }.joined(separator: "---\n")

  static func apply50() {
    let base = cluster(pods: 10)
    let environment = KubectlEnvironment(stdin: fiftyDocuments)
    var lines = 0
    let time = BenchSupport.median(runs: 11) {
      var cluster = base
      lines = CommandRunner.run(["apply", "-f", "-"], cluster: &cluster, environment: environment).stdout.split(separator: "\n").count
    }
    BenchSupport.line("kubectl apply -f of a 50-document manifest (\(lines) created)", time, "ms", key: "apply-50")
  }

  /// A scenario of one task with 20 goals of every kind, none met, so each
  /// check evaluates all 20.
  static let twentyGoals: String = {
    var goals: [String] = []
    for index in 0..<5 {
      goals.append("""
            - description: { en: "field \(index)", ko: "field \(index)" }
              field: { kind: Deployment, name: web, path: status.readyReplicas, atLeast: \(100_000 + index) }
        """)
      goals.append("""
            - description: { en: "count \(index)", ko: "count \(index)" }
              count: { kind: Pod, labels: { app: web }, phase: Running, ready: true, equals: \(100_000 + index) }
        """)
      goals.append("""
            - description: { en: "owned \(index)", ko: "owned \(index)" }
              count: { kind: Pod, owner: { kind: Deployment, name: web }, equals: \(100_000 + index) }
        """)
      goals.append("""
            - description: { en: "command \(index)", ko: "command \(index)" }
              command: { verb: logs, target: { kind: Deployment, name: web\(index) } }
        """)
    }
    return """
      id: twenty-goals
      title: { en: "Twenty goals", ko: "목표 스무 개" }
      description: { en: "A benchmark.", ko: "벤치마크." }
      difficulty: easy
      minutes: 1
      tasks:
        - text: { en: "Meet them all.", ko: "모두 이루세요." }
          goals:
      \(goals.joined(separator: "\n"))
          hints:
            - { en: "None.", ko: "없음." }
      solution: |
        kubectl get pods

      """
  }()

  static func goalCheck() {
    let scenario: Scenario
    do {
      scenario = try Scenario.load(file: "twenty-goals.yaml", text: twentyGoals)
    } catch {
      BenchSupport.note("goal check: the benchmark scenario does not load: \(error.description)")
      return
    }
    let tutor = TutorSession()
    var cluster = cluster(pods: 100)
    _ = tutor.open(scenario, cluster: &cluster)
    // The set-up built the scenario's own cluster; check against the big one.
    let big = self.cluster(pods: 100)
    let run = CommandRun(argv: ["kubectl", "get", "pods"], exitCode: 0)
    let time = BenchSupport.median(runs: 21) {
      _ = tutor.commandFinished(run, cluster: big)
    }
    BenchSupport.line("goal check after a command, 20 goals, 100-pod cluster", time, "ms", key: "goals-20")
  }
}
