import KubeCluster
import Kubectl
import Testing
import Tutor

/// `componentDid` goals: what the journal says each component did.
@Suite("Component goals")
struct ComponentGoalTests {
  static func goal(_ yaml: String) throws -> Goal { try GoalTests.goal(yaml) }
  static func met(_ goal: Goal, _ cluster: Cluster) -> Bool { GoalTests.met(goal, cluster) }

  /// A kind cluster whose worker `kind-worker2` is labelled `disktype=ssd`,
  /// marked as a lesson's set-up.
  static func setUp() -> Cluster {
    var cluster = Cluster.kind(seed: 3)
    _ = CommandRunner.run(["label", "node", "kind-worker2", "disktype=ssd"], cluster: &cluster)
    cluster.markJournalBaseline()
    return cluster
  }

  @Test("the scheduler binding a matching pod to a matching node")
  func schedulerBound() throws {
    var cluster = Self.setUp()
    let onSSD = try Self.goal(
      "componentDid: { component: default-scheduler, action: bound, labels: { app: web }, nodeLabels: { disktype: ssd } }")
    let started = try Self.goal("componentDid: { component: kubelet, action: started, labels: { app: web } }")
    #expect(!Self.met(onSSD, cluster))

    // Without the selector the pod may land anywhere; with it, only on kind-worker2.
    _ = CommandRunner.run(["run", "other", "--image=nginx", "--labels=app=other"], cluster: &cluster)
    _ = CommandRunner.run(
      ["run", "web", "--image=nginx", "--labels=app=web", "--overrides={\"spec\":{\"nodeSelector\":{\"disktype\":\"ssd\"}}}"],
      cluster: &cluster)
    #expect(Self.met(onSSD, cluster))
    #expect(!Self.met(started, cluster))
    cluster.advance(by: 10)
    #expect(Self.met(started, cluster))
    #expect(Self.met(try Self.goal("componentDid: { component: default-scheduler, action: bound, labels: { app: web }, node: kind-worker2 }"), cluster))
    #expect(!Self.met(try Self.goal("componentDid: { component: default-scheduler, action: bound, labels: { app: web }, node: kind-worker }"), cluster))
    #expect(!Self.met(try Self.goal("componentDid: { component: default-scheduler, action: bound, labels: { app: web }, namespace: kube-system }"), cluster))
    #expect(Self.met(try Self.goal("componentDid: { component: kubelet, action: pulled, labels: { app: web }, node: kind-worker2 }"), cluster))
  }

  @Test("what the set-up caused does not count, and a stopped scheduler binds nothing")
  func baselineAndStopped() throws {
    var cluster = Cluster.kind(seed: 3)
    _ = CommandRunner.run(["create", "deployment", "web", "--image=nginx", "--replicas=2"], cluster: &cluster)
    let bound = try Self.goal("componentDid: { component: default-scheduler, action: bound, labels: { app: web } }")
    let created = try Self.goal("componentDid: { component: replicaset-controller, action: created, labels: { app: web } }")
    #expect(Self.met(bound, cluster))
    #expect(Self.met(created, cluster))
    cluster.markJournalBaseline()
    #expect(!Self.met(bound, cluster))
    cluster.stop(.scheduler)
    _ = CommandRunner.run(["scale", "deployment", "web", "--replicas=3"], cluster: &cluster)
    cluster.advance(by: 30)
    #expect(Self.met(created, cluster))
    #expect(!Self.met(bound, cluster))
    cluster.start(.scheduler)
    #expect(Self.met(bound, cluster))
  }

  @Test("mistakes in a componentDid goal are reported")
  func decodingErrors() {
    func errors(_ yaml: String) -> [String] {
      let reader = ContentReader(file: "goal.yaml", text: yaml)
      _ = GoalDecoder(reader: reader).goal([])
      return reader.errors.map(\.description)
    }
    #expect(errors("componentDid: { component: default-scheduler, action: placed }") == [
      "goal.yaml:1:55: action: 'placed' is not one of: bound, created, updated, deleted, pulled, started"
    ])
    #expect(errors("componentDid: { component: default-scheduler }") == [
      "goal.yaml:1:15: componentDid: missing required key 'action'"
    ])
    #expect(errors("componentDid: { component: default-scheduler, action: bound, kind: Service }") == [
      "goal.yaml:1:68: kind: only a Pod is bound to a node"
    ])
    #expect(errors("componentDid: { component: kubelet, action: started, colour: red }").count == 1)
  }

  @Test("a componentDid goal describes itself")
  func summary() throws {
    let goal = try Self.goal("componentDid: { component: default-scheduler, action: bound, labels: { app: web }, nodeLabels: { disktype: ssd } }")
    #expect(goal.summary == "default-scheduler bound a Pod with app=web to a node with disktype=ssd")
  }
}
