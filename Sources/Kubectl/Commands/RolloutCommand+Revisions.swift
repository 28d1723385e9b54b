import Foundation
import KubeCluster

/// `rollout history` and `rollout undo` for StatefulSets and DaemonSets,
/// whose history is kept in ControllerRevisions.
extension RolloutCommand {
  static func revisionHistory(_ owner: Object, revision: Int, cluster: Cluster) throws -> String {
    let revisions = cluster.controllerRevisions(of: owner)
    guard !revisions.isEmpty else { return "\(label(owner.key)) \nNo rollout history found.\n" }
    if revision > 0 {
      guard let match = revisions.first(where: { $0.content["revision"]?.int == revision }) else {
        throw KubectlError.message("unable to find the specified revision")
      }
      var w = DescribeWriter()
      WorkloadDescriber.podTemplate(&w, Cluster.revisionTemplate(match))
      return "\(label(owner.key)) with revision #\(revision)\n" + w.rawText + "\n"
    }
    var rows = "REVISION\tCHANGE-CAUSE\n"
    for entry in revisions {
      let cause = entry.annotations["kubernetes.io/change-cause"] ?? ""
      rows += "\(entry.content["revision"]?.int ?? 0)\t\(cause.isEmpty ? "<none>" : cause)\n"
    }
    return "\(label(owner.key)) \n" + TabWriter.format(rows) + "\n"
  }

  static func revisionUndo(_ owner: Object, to target: Int, dryRun: String, cluster: inout Cluster) throws -> String {
    guard target >= 0 else { throw KubectlError.message("unable to find specified revision \(target) in history") }
    let revisions = cluster.controllerRevisions(of: owner)
    if target == 0 && revisions.count <= 1 { throw KubectlError.message("no last revision to roll back to") }
    let chosen = target == 0 ? revisions[revisions.count - 2] : revisions.first { $0.content["revision"]?.int == target }
    guard let chosen, let template = Cluster.revisionTemplate(chosen) else {
      throw KubectlError.message("unable to find specified revision \(target) in history")
    }
    if dryRun == "client" {
      var w = DescribeWriter()
      WorkloadDescriber.podTemplate(&w, template)
      return "\(label(owner.key)) will roll back to " + w.rawText + "\n"
    }
    if Cluster.revisionPatch(owner.content[path: "spec.template"] ?? .emptyObject).sortedKeys
      == chosen.content["data"]?.sortedKeys
    {
      return "\(label(owner.key)) skipped rollback (current template already matches revision \(chosen.content["revision"]?.int ?? 0))\n"
    }
    var updated = owner
    updated.content[path: "spec.template"] = template
    try cluster.update(updated, dryRun: dryRun == "server")
    return "\(label(owner.key)) rolled back\n"
  }
}
