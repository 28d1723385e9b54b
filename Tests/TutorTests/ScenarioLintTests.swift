import Testing
import Tutor

/// `kubetutor scenario lint`: one broken file per class of error, each
/// reported at its file, line and column.
@Suite("Scenario lint")
struct ScenarioLintTests {
  static let valid = """
    id: demo
    title: { en: Demo, ko: 데모 }
    description: { en: A demo, ko: 데모입니다 }
    setup:
      manifests: |
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 1
          selector:
            matchLabels: { app: web }
          template:
            metadata:
              labels: { app: web }
            spec:
              containers:
              - name: nginx
                image: nginx:1.27
    tasks:
      - text: { en: Scale web, ko: web 늘리기 }
        goals:
          - description: { en: three replicas, ko: 레플리카 세 개 }
            field: { kind: Deployment, name: web, path: spec.replicas, equals: 3 }
    solution: |
      kubectl scale deployment web --replicas=3

    """

  func errors(_ text: String) -> [String] {
    do {
      _ = try Scenario.load(file: "demo.yaml", text: text)
      return []
    } catch {
      return error.errors.map(\.description)
    }
  }

  @Test func theValidFileHasNoErrors() {
    #expect(errors(Self.valid) == [])
  }

  @Test func unknownKey() {
    let text = Self.valid.replacingOccurrences(
      of: "description: { en: A demo", with: "descripton: { en: A demo")

    let found = errors(text)

    #expect(
      found == [
        "demo.yaml:1:1: the file: missing required key 'description'",
        "demo.yaml:3:1: unknown key 'descripton' (expected one of: id, title, description,"
          + " difficulty, minutes, timeLimit, setup, tasks, solution)",
      ])
  }

  @Test func wrongType() {
    let text = Self.valid.replacingOccurrences(of: "id: demo\n", with: "id: demo\nminutes: soon\n")

    #expect(errors(text) == ["demo.yaml:2:10: minutes: expected an integer, found string"])
  }

  @Test("a manifest the cluster rejects is reported on its own line")
  func rejectedManifest() {
    let text = Self.valid.replacingOccurrences(of: "      replicas: 1", with: "      replica: 1")

    let found = errors(text)

    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("demo.yaml:11:7:") == true, "\(found)")
    #expect(found.first?.contains("replica") == true)
  }

  @Test func unknownKindInManifest() {
    let text = Self.valid.replacingOccurrences(of: "kind: Deployment\n", with: "kind: Deploymnet\n")

    #expect(errors(text) == ["demo.yaml:7:5: manifest: unknown kind 'Deploymnet'"])
  }

  @Test("a JSONPath that cannot exist for the kind")
  func impossiblePath() {
    let text = Self.valid.replacingOccurrences(
      of: "path: spec.replicas", with: "path: spec.replica")

    #expect(
      errors(text) == [
        "demo.yaml:25:53: JSONPath 'spec.replica' cannot exist: Deployment.spec has no field 'replica'"
      ])
  }

  @Test func missingKorean() {
    let text = Self.valid.replacingOccurrences(
      of: "title: { en: Demo, ko: 데모 }", with: "title: { en: Demo }")

    #expect(errors(text) == ["demo.yaml:2:8: title: missing the Korean text (ko)"])
  }

  @Test func yamlSyntaxError() {
    let found = errors("id: demo\ntitle: [unclosed\n")

    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("demo.yaml:") == true)
  }

  @Test func unknownGoalAndFault() {
    let text = Self.valid
      .replacingOccurrences(of: "field: { kind: Deployment", with: "feild: { kind: Deployment")
      .replacingOccurrences(of: "setup:\n", with: "setup:\n  faults:\n    - stopComponent: etcd\n")

    let found = errors(text)

    #expect(
      found.contains { $0.hasPrefix("demo.yaml:6:22: stopComponent: expected one of") }, "\(found)")
    #expect(found.contains { $0.hasPrefix("demo.yaml:27:9: unknown key 'feild'") }, "\(found)")
  }

  @Test("add-ons, worker capacity and taints are checked where they are written")
  func setUpKeys() {
    let text = Self.valid.replacingOccurrences(
      of: "setup:\n",
      with: """
        setup:
          addons: [ingress-nginx, dashboard]
          capacity: { cpu: two, memory: 4Gi }
          faults:
            - taintNode: kind-worker dedicated
            - taintNode: kind-worker dedicated=batch:NoSchedule

        """)

    let found = errors(text)

    #expect(
      found == [
        "demo.yaml:5:27: addons: expected one of ingress-nginx",
        "demo.yaml:6:20: capacity.cpu: expected a quantity such as 2 or 4Gi",
        "demo.yaml:8:18: taintNode: expected 'NODE KEY=VALUE:EFFECT', such as 'kind-worker dedicated=batch:NoSchedule'",
      ], "\(found)")
  }
}
