import Foundation
import KubeCluster
import Testing

@Suite("ControllerRevisions and Indexed Jobs")
struct WorkloadHistoryTests {
  static func statefulSet(image: String) -> Object {
    var set = Object(.statefulSet, name: "web", namespace: "default")
    set.content["spec"] = [
      "replicas": 3, "serviceName": "web", "selector": ["matchLabels": ["app": "web"]],
      "template": ["metadata": ["labels": ["app": "web"]], "spec": ["containers": [["name": "c", "image": .string(image)]]]],
    ]
    return set
  }

  @Test("a StatefulSet update replaces pods from the highest ordinal down to the partition")
  func partitionedUpdate() throws {
    var cluster = Cluster.kind()
    try cluster.create(Self.statefulSet(image: "nginx:1.26"))
    cluster.advance(by: 60)
    var set = try cluster.get(ObjectKey(.statefulSet, "web", in: "default"))
    #expect(cluster.controllerRevisions(of: set).map { $0.content["revision"]?.int } == [1])
    set.content[path: "spec.updateStrategy.rollingUpdate.partition"] = 1
    set.content[path: "spec.template.spec.containers"] = [["name": "c", "image": "nginx:1.27"]]
    try cluster.update(set)
    cluster.advance(by: 120)
    set = try cluster.get(set.key)
    let revisions = cluster.controllerRevisions(of: set)
    #expect(revisions.count == 2)
    let update = set.content[path: "status.updateRevision"]?.string
    let labels = (0..<3).map { cluster.store.get(ObjectKey(.pod, "web-\($0)", in: "default"))?.labels["controller-revision-hash"] }
    #expect(labels[0] == set.content[path: "status.currentRevision"]?.string)
    #expect(labels[1] == update && labels[2] == update)
    #expect(set.content[path: "status.updatedReplicas"] == 2)
  }

  @Test("an Indexed Job gives each pod its index and reports the completed ones")
  func indexedJob() throws {
    var cluster = Cluster.kind()
    var job = Object(.job, name: "idx", namespace: "default")
    job.content["spec"] = [
      "completions": 3, "parallelism": 3, "completionMode": "Indexed",
      "template": ["spec": ["restartPolicy": "Never", "containers": [["name": "c", "image": "busybox", "command": ["sh", "-c", "echo $JOB_COMPLETION_INDEX"]]]]],
    ]
    try cluster.create(job)
    let pods = cluster.list(.pod, in: "default").sorted { $0.name < $1.name }
    #expect(pods.map { $0.annotations["batch.kubernetes.io/job-completion-index"] } == ["0", "1", "2"])
    #expect(pods.allSatisfy { $0.name.hasPrefix("idx-\($0.labels["batch.kubernetes.io/job-completion-index"] ?? "")-") })
    #expect(pods.allSatisfy { $0.finalizers == ["batch.kubernetes.io/job-tracking"] })
    #expect(pods.first?.content[path: "spec.hostname"] == "idx-0")
    cluster.advance(by: 60)
    let done = try cluster.get(ObjectKey(.job, "idx", in: "default"))
    #expect(done.content[path: "status.completedIndexes"] == "0-2")
    #expect(cluster.list(.pod, in: "default").allSatisfy { $0.finalizers.isEmpty })
  }
}
