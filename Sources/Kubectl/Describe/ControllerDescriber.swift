import Foundation
import KubeCluster

/// `kubectl describe` for DaemonSets, StatefulSets, Jobs and CronJobs.
enum ControllerDescriber {
  /// `N Running / N Waiting / N Succeeded / N Failed` over the pods the
  /// object controls, as kubectl's getPodStatusForController counts them.
  static func podsStatus(_ owner: Object, cluster: Cluster) -> String {
    let pods = cluster.store.dependents(of: owner.uid).filter { $0.kind == .pod && $0.controller?.uid == owner.uid }
    func count(_ phase: String) -> Int { pods.filter { $0.content[path: "status.phase"]?.string == phase }.count }
    return "\(count("Running")) Running / \(count("Pending")) Waiting / \(count("Succeeded")) Succeeded / \(count("Failed")) Failed"
  }

  static func daemonSet(_ ds: Object, cluster: Cluster) -> String {
    var w = DescribeWriter()
    let c = ds.content
    func status(_ field: String) -> Int { c[path: "status.\(field)"]?.int ?? 0 }
    w.write(0, "Name:\t\(ds.name)\n")
    w.write(0, "Selector:\t\(Columns.selectorText(c[path: "spec.selector"], emptyIsNone: false))\n")
    w.write(0, "Node-Selector:\t\(formatLabels(Object.stringMap(c[path: "spec.template.spec.nodeSelector"])))\n")
    w.labels("Labels", ds.labels)
    w.annotations(ds.annotations)
    w.write(0, "Desired Number of Nodes Scheduled: \(status("desiredNumberScheduled"))\n")
    w.write(0, "Current Number of Nodes Scheduled: \(status("currentNumberScheduled"))\n")
    w.write(0, "Number of Nodes Scheduled with Up-to-date Pods: \(status("updatedNumberScheduled"))\n")
    w.write(0, "Number of Nodes Scheduled with Available Pods: \(status("numberAvailable"))\n")
    w.write(0, "Number of Nodes Misscheduled: \(status("numberMisscheduled"))\n")
    w.write(0, "Pods Status:\t\(podsStatus(ds, cluster: cluster))\n")
    WorkloadDescriber.podTemplate(&w, c[path: "spec.template"])
    w.events(cluster.events(for: ds), now: cluster.now)
    return w.render()
  }

  static func statefulSet(_ sts: Object, cluster: Cluster) -> String {
    var w = DescribeWriter()
    let c = sts.content
    w.write(0, "Name:\t\(sts.name)\n")
    w.write(0, "Namespace:\t\(sts.namespace)\n")
    w.write(0, "CreationTimestamp:\t\(DescribeWriter.rfc1123(sts.creationTimestamp))\n")
    w.write(0, "Selector:\t\(Columns.selectorText(c[path: "spec.selector"], emptyIsNone: false))\n")
    w.labels("Labels", sts.labels)
    w.annotations(sts.annotations)
    w.write(0, "Replicas:\t\(c[path: "spec.replicas"]?.int ?? 1) desired | \(c[path: "status.replicas"]?.int ?? 0) total\n")
    w.write(0, "Update Strategy:\t\(c[path: "spec.updateStrategy.type"]?.string ?? "")\n")
    if let partition = c[path: "spec.updateStrategy.rollingUpdate.partition"]?.int {
      w.write(1, "Partition:\t\(partition)\n")
      if let unavailable = c[path: "spec.updateStrategy.rollingUpdate.maxUnavailable"] {
        w.write(1, "MaxUnavailable:\t\(unavailable.scalarText)\n")
      }
    }
    w.write(0, "Pods Status:\t\(podsStatus(sts, cluster: cluster))\n")
    WorkloadDescriber.podTemplate(&w, c[path: "spec.template"])
    let claims = c[path: "spec.volumeClaimTemplates"]?.array ?? []
    if claims.isEmpty {
      w.write(0, "Volume Claims:\t<none>\n")
    } else {
      w.write(0, "Volume Claims:\n")
      for claim in claims {
        w.write(1, "Name:\t\(claim[path: "metadata.name"]?.string ?? "")\n")
        let storageClass = claim[path: "metadata.annotations"]?["volume.beta.kubernetes.io/storage-class"]?.string
          ?? claim[path: "spec.storageClassName"]?.string ?? ""
        w.write(1, "StorageClass:\t\(storageClass)\n")
        w.labels("Labels", Object.stringMap(claim[path: "metadata.labels"]), level: 1)
        w.labels("Annotations", Object.stringMap(claim[path: "metadata.annotations"]), level: 1)
        w.write(1, "Capacity:\t\(claim[path: "spec.resources.requests.storage"].map { Quantity($0)?.description ?? $0.scalarText } ?? "<default>")\n")
        let modes = (claim[path: "spec.accessModes"]?.array ?? []).compactMap(\.string)
        w.write(1, "Access Modes:\t[\(modes.joined(separator: " "))]\n")
      }
    }
    w.events(cluster.events(for: sts), now: cluster.now)
    return w.render()
  }

  static func job(_ job: Object, cluster: Cluster) -> String {
    var w = DescribeWriter()
    let c = job.content
    w.write(0, "Name:\t\(job.name)\n")
    w.write(0, "Namespace:\t\(job.namespace)\n")
    w.write(0, "Selector:\t\(Columns.selectorText(c[path: "spec.selector"], emptyIsNone: false))\n")
    w.labels("Labels", job.labels)
    w.annotations(job.annotations)
    if let owner = job.controller { w.write(0, "Controlled By:\t\(owner.kind)/\(owner.name)\n") }
    if let parallelism = c[path: "spec.parallelism"]?.int { w.write(0, "Parallelism:\t\(parallelism)\n") }
    w.write(0, "Completions:\t\(c[path: "spec.completions"]?.int.map(String.init) ?? "<unset>")\n")
    let mode = c[path: "spec.completionMode"]?.string
    if let mode { w.write(0, "Completion Mode:\t\(mode)\n") }
    if let suspend = c[path: "spec.suspend"]?.bool { w.write(0, "Suspend:\t\(suspend)\n") }
    if let limit = c[path: "spec.backoffLimit"]?.int { w.write(0, "Backoff Limit:\t\(limit)\n") }
    if let ttl = c[path: "spec.ttlSecondsAfterFinished"]?.int { w.write(0, "TTL Seconds After Finished:\t\(ttl)\n") }
    let start = Timestamp.parse(c[path: "status.startTime"]?.string)
    let end = Timestamp.parse(c[path: "status.completionTime"]?.string)
    if let start { w.write(0, "Start Time:\t\(DescribeWriter.rfc1123(start))\n") }
    if let end { w.write(0, "Completed At:\t\(DescribeWriter.rfc1123(end))\n") }
    if let start, let end { w.write(0, "Duration:\t\(HumanDuration.format(end.timeIntervalSince(start)))\n") }
    if let deadline = c[path: "spec.activeDeadlineSeconds"]?.int { w.write(0, "Active Deadline Seconds:\t\(deadline)s\n") }
    func status(_ field: String) -> Int { c[path: "status.\(field)"]?.int ?? 0 }
    if let ready = c[path: "status.ready"]?.int {
      w.write(0, "Pods Statuses:\t\(status("active")) Active (\(ready) Ready) / \(status("succeeded")) Succeeded / \(status("failed")) Failed\n")
    } else {
      w.write(0, "Pods Statuses:\t\(status("active")) Active / \(status("succeeded")) Succeeded / \(status("failed")) Failed\n")
    }
    if mode == "Indexed" {
      w.write(0, "Completed Indexes:\t\(capIndexes(c[path: "status.completedIndexes"]?.string ?? "", softLimit: 50))\n")
    }
    WorkloadDescriber.podTemplate(&w, c[path: "spec.template"])
    w.events(cluster.events(for: job), now: cluster.now)
    return w.render()
  }

  static func cronJob(_ cronJob: Object, cluster: Cluster) -> String {
    var w = DescribeWriter()
    let c = cronJob.content
    w.write(0, "Name:\t\(cronJob.name)\n")
    w.write(0, "Namespace:\t\(cronJob.namespace)\n")
    w.labels("Labels", cronJob.labels)
    w.annotations(cronJob.annotations)
    w.write(0, "Schedule:\t\(c[path: "spec.schedule"]?.string ?? "")\n")
    w.write(0, "Concurrency Policy:\t\(c[path: "spec.concurrencyPolicy"]?.string ?? "")\n")
    w.write(0, "Suspend:\t\(c[path: "spec.suspend"]?.bool.map { $0 ? "True" : "False" } ?? "<unset>")\n")
    w.write(0, "Successful Job History Limit:\t\(c[path: "spec.successfulJobsHistoryLimit"]?.int.map(String.init) ?? "<unset>")\n")
    w.write(0, "Failed Job History Limit:\t\(c[path: "spec.failedJobsHistoryLimit"]?.int.map(String.init) ?? "<unset>")\n")
    w.write(0, "Starting Deadline Seconds:\t\(c[path: "spec.startingDeadlineSeconds"]?.int.map { "\($0)s" } ?? "<unset>")\n")
    let template = c[path: "spec.jobTemplate.spec"] ?? .emptyObject
    let selector = template["selector"]
    w.write(0, "Selector:\t\(selector == nil ? "<unset>" : Columns.selectorText(selector, emptyIsNone: false))\n")
    w.write(0, "Parallelism:\t\(template["parallelism"]?.int.map(String.init) ?? "<unset>")\n")
    w.write(0, "Completions:\t\(template["completions"]?.int.map(String.init) ?? "<unset>")\n")
    if let deadline = template["activeDeadlineSeconds"]?.int { w.write(0, "Active Deadline Seconds:\t\(deadline)s\n") }
    WorkloadDescriber.podTemplate(&w, template["template"])
    let last = Timestamp.parse(c[path: "status.lastScheduleTime"]?.string)
    w.write(0, "Last Schedule Time:\t\(last.map { DescribeWriter.rfc1123($0) } ?? "<unset>")\n")
    let active = (c[path: "status.active"]?.array ?? []).compactMap { $0["name"]?.string }
    w.write(0, "Active Jobs:\t\(active.isEmpty ? "<none>" : active.joined(separator: ", "))\n")
    w.events(cluster.events(for: cronJob), now: cluster.now)
    return w.render()
  }

  /// `a=b,c=d` sorted by key, or `<none>`, as labels.FormatLabels prints.
  static func formatLabels(_ map: [String: String]) -> String {
    map.isEmpty ? "<none>" : map.keys.sorted().map { "\($0)=\(map[$0] ?? "")" }.joined(separator: ",")
  }

  /// Completed indexes cut after the first comma past `softLimit` characters.
  static func capIndexes(_ indexes: String, softLimit: Int) -> String {
    guard !indexes.isEmpty else { return "<none>" }
    let chars = Array(indexes)
    guard chars.count > softLimit else { return indexes }
    var position = softLimit
    while position < chars.count && chars[position] != "," { position += 1 }
    guard position < chars.count else { return indexes }
    return String(chars[...position]) + "..."
  }
}
