import Foundation

extension Cluster {
  /// The ControllerRevisions an owner (StatefulSet, DaemonSet) controls,
  /// lowest revision first.
  package func controllerRevisions(of owner: Object) -> [Object] {
    store.dependents(of: owner.uid, kind: .controllerRevision)
      .sorted { ($0.content["revision"]?.int ?? 0) < ($1.content["revision"]?.int ?? 0) }
  }

  /// What a revision stores: the strategic merge patch that restores the
  /// owner's pod template.
  package static func revisionPatch(_ template: JSONValue) -> JSONValue {
    var replaced = template
    replaced["$patch"] = "replace"
    return ["spec": ["template": replaced]]
  }

  /// The pod template a revision restores.
  package static func revisionTemplate(_ revision: Object) -> JSONValue? {
    guard var template = revision.content[path: "data.spec.template"] else { return nil }
    template["$patch"] = nil
    return template
  }

  /// Makes sure the owner has a revision named `name` for its template, as
  /// the newest one: an equal older revision is renumbered rather than
  /// copied. Then removes the oldest revisions beyond
  /// `revisionHistoryLimit` that no pod uses. Returns the revision.
  @discardableResult
  mutating func syncRevision(
    _ owner: Object, name: String, hashLabels: [String: String], inUse: Set<String>, actor: String
  ) -> Object? {
    let template = owner.content[path: "spec.template"] ?? .emptyObject
    var revisions = controllerRevisions(of: owner)
    let newest = revisions.last?.content["revision"]?.int ?? 0
    var result: Object?
    if var existing = revisions.first(where: { $0.name == name }) {
      if existing.content["revision"]?.int != newest {
        existing.content["revision"] = .int(newest + 1)
        result = write(existing, by: actor, summary: "revision \(newest + 1)")
      } else {
        result = existing
      }
    } else {
      var revision = Object(.controllerRevision, name: name, namespace: owner.namespace)
      revision.labels = Object.stringMap(template[path: "metadata.labels"]).merging(hashLabels) { _, new in new }
      if !owner.annotations.isEmpty { revision.annotations = owner.annotations }
      revision.ownerReferences = [OwnerReference(controlledBy: owner)]
      // A UID from its own seed, so that recording history leaves the
      // names the cluster's random source gives everything else unchanged.
      var seed = RandomSource(seed: UInt64(RandomSource.fnv32a(owner.uid + name)))
      revision.uid = seed.uuid()
      revision.content["data"] = Cluster.revisionPatch(template)
      revision.content["revision"] = .int(newest + 1)
      result = write(revision, by: actor, summary: "revision \(newest + 1)")
    }
    revisions = controllerRevisions(of: owner)
    let limit = owner.content[path: "spec.revisionHistoryLimit"]?.int ?? 10
    let removable = revisions.filter { $0.name != name && !inUse.contains($0.name) }
    for old in removable.prefix(max(removable.count - limit, 0)) {
      _ = try? apiDelete(old.key, by: actor)
    }
    return result
  }
}
