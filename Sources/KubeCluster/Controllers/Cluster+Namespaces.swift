import Foundation

extension Cluster {
  /// The namespace controller: empties a terminating namespace, then
  /// removes it.
  mutating func reconcileNamespace(_ key: ObjectKey) {
    guard let namespace = store.get(key), namespace.isTerminating else { return }
    var remaining = 0
    for kind in Kind.allCases where kind.isNamespaced && kind != .binding {
      for object in store.list(kind, in: namespace.name) {
        remaining += 1
        if !object.isTerminating {
          _ = try? apiDelete(object.key, options: DeleteOptions(propagation: .background), by: "namespace-controller")
        }
      }
    }
    if remaining == 0 || Kind.allCases.allSatisfy({ !$0.isNamespaced || store.list($0, in: namespace.name).isEmpty }) {
      finalizeRemoval(key, by: "namespace-controller")
    } else {
      schedule(.namespace(key), after: 1)
    }
  }

  /// The serviceaccount and root-CA publishers: every namespace gets a
  /// `default` ServiceAccount and the `kube-root-ca.crt` ConfigMap.
  mutating func reconcileServiceAccounts(_ key: ObjectKey) {
    guard let namespace = store.get(key), !namespace.isTerminating else { return }
    let accountKey = ObjectKey(.serviceAccount, "default", in: namespace.name)
    if !store.contains(accountKey) {
      write(Object(.serviceAccount, name: "default", namespace: namespace.name), by: "serviceaccount-controller")
    }
    let caKey = ObjectKey(.configMap, "kube-root-ca.crt", in: namespace.name)
    if !store.contains(caKey) {
      var configMap = Object(.configMap, name: "kube-root-ca.crt", namespace: namespace.name)
      configMap.annotations = ["kubernetes.io/description": "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters."]
      configMap.content["data"] = ["ca.crt": .string(Cluster.rootCA)]
      write(configMap, by: "root-ca-cert-publisher")
    }
  }

  static let rootCA = """
    -----BEGIN CERTIFICATE-----
    MIIDBTCCAe2gAwIBAgIIKtCwUyJG1tUwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE
    AxMKa3ViZXJuZXRlczAeFw0yNTAzMDEwODU1MDBaFw0zNTAyMjcwOTAwMDBaMBUx
    EzARBgNVBAMTCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEK
    AoIBAQDKtdbXc3MHTd2Pq8AqW3kVYOUNkD0VZ2F6VdjQgQx2rNTKtUtorExampleK
    c2ltdWxhdGVkIGNsdXN0ZXIgY2VydGlmaWNhdGUgZm9yIGt1YmV0dXRvcg==
    -----END CERTIFICATE-----

    """

  /// The garbage collector: when an owner is gone, its dependents follow
  /// (background); a foreground deletion waits for them before it ends.
  mutating func collectGarbage(_ key: ObjectKey) {
    let actor = "garbage-collector"
    if let owner = store.get(key) {
      // Still there: a foreground deletion in progress.
      guard owner.isTerminating, owner.finalizers.contains("foregroundDeletion") else { return }
      let dependents = store.dependents(of: owner.uid)
      let blocking = dependents.filter { dependent in
        dependent.ownerReferences.contains { $0.uid == owner.uid && $0.blockOwnerDeletion }
      }
      for dependent in blocking where !dependent.isTerminating {
        _ = try? apiDelete(dependent.key, options: DeleteOptions(propagation: .foreground), by: actor)
      }
      if blocking.isEmpty {
        var done = owner
        done.finalizers = owner.finalizers.filter { $0 != "foregroundDeletion" }
        if done.finalizers.isEmpty && done.kind != .pod {
          finalizeRemoval(owner.key, by: actor)
        } else {
          write(done, by: actor, summary: "dependents gone")
        }
      }
      return
    }
    // Gone: its dependents follow, unless another owner still holds them.
    guard let uid = tombstones.removeValue(forKey: key) else { return }
    for dependent in store.dependents(of: uid) where !dependent.isTerminating {
      let liveOwners = dependent.ownerReferences.filter { $0.uid != uid }
      if liveOwners.isEmpty {
        _ = try? apiDelete(dependent.key, by: actor)
      } else {
        var released = dependent
        released.ownerReferences = liveOwners
        write(released, by: actor, summary: "owner \(key.name) gone")
      }
    }
  }
}
