import Foundation

/// The simulated cluster: the API server's store, the clock, and the
/// components that act on them (scheduler, controllers, kubelets), driven
/// step by step as a discrete-event simulation instead of by threads.
///
/// A value type: `let checkpoint = cluster` is a complete snapshot.
package struct Cluster: Sendable {
  package internal(set) var store = ObjectStore()
  /// The simulated time. It moves only through `advance(to:)`.
  package internal(set) var now: Date
  package internal(set) var random: RandomSource
  var timers = TimerQueue()
  /// What each node's kubelet knows of its pods' containers, by pod UID.
  var runtimes: [String: PodRuntime] = [:]
  /// Images each node has already pulled.
  var nodeImages: [String: Set<String>] = [:]
  /// Files kept in persistent volumes and host folders, by volume, then by
  /// path inside it (Kubelet/Cluster+VolumeData.swift).
  var volumeData: [String: [String: String]] = [:]
  /// When the local-path provisioner's helper pod is done with a claim or
  /// volume it is making or removing (Controllers/Cluster+PersistentVolume.swift).
  var volumeProvisioning: [ObjectKey: Date] = [:]
  /// What the kubelets put in pods from ConfigMaps and Secrets
  /// (Kubelet/Cluster+ConfigRefresh.swift).
  var projectedConfig = ProjectedConfig()
  var network = NetworkAllocator()
  /// Components a scenario has stopped: `kube-scheduler`,
  /// `kube-controller-manager`, `kubelet/NODE`.
  package var stoppedComponents: Set<String> = []
  /// Who kubectl's requests come from while it impersonates (`--as`), and
  /// the verb its writes to existing objects use; nil: kind's admin user,
  /// whom nothing is refused (RBACAuthorizer.swift).
  package var requester: RBACAuthorizer.Subject?
  package var requesterUpdateVerb = "patch"
  /// Work found while reacting to changes, run in the next pass.
  private var queued: Set<Work> = []
  /// The journal entry that led to each queued piece of work, stamped as
  /// the cause of what the work writes.
  private var queuedCauses: [Work: Int] = [:]
  /// Pods whose queued kubelet sync only changes to the pod itself asked
  /// for (`reconcileKubelet`'s `echo`).
  private var kubeletEchoes: Set<ObjectKey> = []
  /// Emptied queues whose storage the next pass fills (`settle`).
  private var spare: (causes: [Work: Int], echoes: Set<ObjectKey>) = ([:], [])
  /// Pods the scheduler could not place; retried when nodes or pods change.
  var unschedulable: Set<ObjectKey> = []
  /// The UIDs of deleted objects whose dependents the garbage collector
  /// has yet to handle.
  var tombstones: [ObjectKey: String] = [:]
  /// The pods bound to each node.
  var podsByNode: [String: Set<ObjectKey>] = [:]
  /// The scheduler's cache: each bound pod's requests and each node's sums.
  var podAccounts: [ObjectKey: PodAccount] = [:]
  var nodeTotals: [HashedName: NodeTotals] = [:]
  /// A number for each controlling owner UID the scheduler's cache has
  /// counted pods of, so the sums by owner are keyed by a small number.
  var ownerNumbers: [String: Int] = [:]
  /// The events recorded about each object, by the object's UID.
  var eventIndex: [String: [IndexedEvent]] = [:]
  /// Texts many events and statuses repeat, kept once (a cache).
  var sharedText = SharedText()
  /// The finished pods each Job (by UID) has counted, which the real
  /// controller tracks with the `batch.kubernetes.io/job-tracking` finalizer.
  var jobCountedPods: [String: Set<String>] = [:]
  /// When each Job's (by UID) latest counted failure finished, for its back-off.
  var jobLastFailure: [String: Date] = [:]
  /// Per Job UID: failed pods its podFailurePolicy ignored, which still
  /// lengthen the back-off before the next pod.
  var jobIgnoredFailures: [String: Int] = [:]
  /// When each stopped kubelet last reported, by node name.
  var kubeletStoppedAt: [String: Date] = [:]
  /// What the schema answered for recent objects (a cache).
  var schemaMemo = SchemaMemo()
  /// The nodes as the scheduler last read them, and the store's mark of
  /// the last node write then (a cache).
  var nodeFactsCache: (mark: Int, nodes: [NodeFacts])?
  /// What the scheduler concluded for pods it could not place (a cache).
  var schedulingMemo = SchedulingMemo()

  /// A cluster with nothing in it, its clock at `start`.
  package init(emptyAt start: Date, seed: UInt64) {
    now = start
    random = RandomSource(seed: seed)
  }

  // MARK: Reading

  package func get(_ key: ObjectKey) throws(APIError) -> Object {
    guard let object = store.get(key) else { throw .notFound(key.kind, key.name) }
    return object
  }

  package func list(_ kind: Kind, in namespace: String? = nil, selector: LabelSelector = .everything)
    -> [Object]
  {
    let objects = store.list(kind, in: namespace)
    guard !selector.isEmpty else { return objects }
    return objects.filter { selector.matches($0.labels) }
  }

  package func namespaceExists(_ name: String) -> Bool {
    store.contains(ObjectKey(.namespace, name))
  }

  // MARK: The driver

  /// Runs the components until nothing changes.
  ///
  /// Stops after `maxPasses`, so two components that fight each other show
  /// up as a failure instead of a hang.
  package mutating func settle(maxPasses: Int = 10_000) {
    for _ in 0..<maxPasses {
      var retry = UnschedulableRetry()
      var changes = store.drainChanges()
      for change in changes {
        let podChange = change.object.kind == .pod
        for work in dispatch(change, retry: &retry) {
          queue(work, cause: change.journalID, podChange: podChange)
        }
      }
      store.recycle(&changes)
      // The pods that could not be placed, asked for once per pass however
      // many changes freed room; each keeps the cause it would have had
      // had every change asked for it (the latest one, as journal ids grow).
      for key in retry.pods {
        let cause = retry.removed[key] ?? retry.lastCause
        queued.insert(.scheduler(key))
        if let cause, (queuedCauses[.scheduler(key)] ?? .min) < cause {
          queuedCauses[.scheduler(key)] = cause
        }
      }
      guard !queued.isEmpty else { return }
      let batch = Work.inOrder(queued)
      // This pass's queues are swapped with the spare ones the last pass
      // emptied, so the work found while running this batch fills storage
      // that is already there (see ObjectStore.recycle).
      var causes: [Work: Int] = [:]
      var echoes: Set<ObjectKey> = []
      swap(&causes, &spare.causes)
      swap(&echoes, &spare.echoes)
      swap(&causes, &queuedCauses)
      swap(&echoes, &kubeletEchoes)
      queued.removeAll(keepingCapacity: true)
      for work in batch {
        if case .kubelet(let key) = work, echoes.contains(key) {
          perform(work, cause: causes[work], echo: true)
        } else {
          perform(work, cause: causes[work])
        }
      }
      causes.removeAll(keepingCapacity: true)
      echoes.removeAll(keepingCapacity: true)
      swap(&causes, &spare.causes)
      swap(&echoes, &spare.echoes)
    }
    assertionFailure("cluster did not settle within \(maxPasses) passes")
  }

  /// Moves simulated time to `date`, firing due timers in order.
  package mutating func advance(to date: Date) {
    let began = now
    settle()
    while let next = timers.next, next.due <= date {
      if next.due > now {
        now = next.due
      }
      var due: Set<Work> = []
      var causes: [Work: Int] = [:]
      while let timer = timers.next, timer.due <= now {
        _ = timers.pop()
        due.insert(timer.work)
        if let cause = timer.cause { causes[timer.work] = cause }
      }
      for work in Work.inOrder(due) { perform(work, cause: causes[work]) }
      settle()
    }
    if date > now { now = date }
    renewNodeLeases()
    expireEvents(since: began)
  }

  package mutating func advance(by seconds: TimeInterval) {
    advance(to: now.addingTimeInterval(seconds))
  }

  /// The time of the next thing the cluster will do on its own, if any.
  package var nextEventTime: Date? {
    timers.next?.due
  }

  /// Asks for `work` to run at `date` (or at once, in the next pass, when
  /// `date` is not in the future).
  mutating func schedule(_ work: Work, at date: Date) {
    if date <= now {
      enqueue(work)
    } else {
      timers.schedule(work, at: date, cause: store.currentCause)
    }
  }

  mutating func schedule(_ work: Work, after seconds: TimeInterval) {
    schedule(work, at: now.addingTimeInterval(seconds))
  }

  /// Queues work for the next pass, caused by what is now being reacted to.
  mutating func enqueue(_ work: Work) { queue(work, cause: store.currentCause) }

  /// `podChange`: asked for by a change to a pod (which asks only for
  /// that pod's kubelet, of all kubelet work).
  private mutating func queue(_ work: Work, cause: Int?, podChange: Bool = false) {
    if case .kubelet(let key) = work {
      if !podChange {
        kubeletEchoes.remove(key)
      } else if !queued.contains(work) {
        kubeletEchoes.insert(key)
      }
    }
    queued.insert(work)
    if let cause { queuedCauses[work] = cause }
  }

  /// Runs one piece of work with its cause stamped on everything it writes.
  private mutating func perform(_ work: Work, cause: Int?, echo: Bool = false) {
    store.currentCause = cause
    defer { store.currentCause = nil }
    switch work {
    case .scheduler(let key):
      guard !stoppedComponents.contains("kube-scheduler") else { return }
      schedulePod(key)
    case .kubelet(let key):
      reconcileKubelet(key, echo: echo)
    case .replicaSet(let key):
      guard !stoppedComponents.contains("kube-controller-manager") else { return }
      reconcileReplicaSet(key)
    case .deployment(let key):
      guard !stoppedComponents.contains("kube-controller-manager") else { return }
      reconcileDeployment(key)
    case .daemonSet(let key):
      guard !stoppedComponents.contains("kube-controller-manager") else { return }
      reconcileDaemonSet(key)
    case .nodeLifecycle(let key):
      guard !stoppedComponents.contains("kube-controller-manager") else { return }
      reconcileNodeLifecycle(key)
    case .statefulSet(let key):
      guard !stoppedComponents.contains("kube-controller-manager") else { return }
      reconcileStatefulSet(key)
    case .job(let key):
      guard !stoppedComponents.contains("kube-controller-manager") else { return }
      reconcileJob(key)
    case .cronJob(let key):
      guard !stoppedComponents.contains("kube-controller-manager") else { return }
      reconcileCronJob(key)
    case .namespace(let key):
      guard !stoppedComponents.contains("kube-controller-manager") else { return }
      reconcileNamespace(key)
    case .endpoints(let key):
      guard !stoppedComponents.contains("kube-controller-manager") else { return }
      reconcileEndpoints(key)
    case .serviceAccounts(let key):
      guard !stoppedComponents.contains("kube-controller-manager") else { return }
      reconcileServiceAccounts(key)
    case .garbageCollector(let key):
      guard !stoppedComponents.contains("kube-controller-manager") else { return }
      collectGarbage(key)
    case .resourceQuota(let key):
      guard !stoppedComponents.contains("kube-controller-manager") else { return }
      reconcileResourceQuota(key)
    case .horizontalPodAutoscaler(let key):
      guard !stoppedComponents.contains("kube-controller-manager") else { return }
      reconcileHorizontalPodAutoscaler(key)
    case .volumeBinding(let key):
      guard !stoppedComponents.contains("kube-controller-manager") else { return }
      reconcileVolumeBinding(key)
    case .clusterRoleAggregation(let key):
      guard !stoppedComponents.contains("kube-controller-manager") else { return }
      reconcileClusterRoleAggregation(key)
    }
  }

  /// Which components must look at what, after one change.
  private mutating func dispatch(_ change: ObjectChange, retry: inout UnschedulableRetry) -> [Work] {
    let object = change.object
    // (The store hands over no change that wakes no one: ObjectStore.wakesNoOne.)
    var work: [Work] = []
    // Read once: the key is read from the object's metadata.
    let key = object.key
    for owner in object.ownerReferences where owner.controller {
      guard let kind = owner.ownerKind else { continue }
      if let sync = Work.workloadSync(ObjectKey(kind, owner.name, in: object.namespace)) { work.append(sync) }
    }
    work += quotasAffected(by: object).map { .resourceQuota($0) }
    if change.type == .deleted {
      tombstones[key] = object.uid
      work.append(.garbageCollector(key))
    } else if object.isTerminating {
      work.append(.garbageCollector(key))
    }
    switch object.kind {
    case .pod:
      if let old = change.podBefore?.nodeName {
        podsByNode[old]?.remove(key)
      }
      let nodeName = object.content[path: "spec.nodeName"]?.string
      if change.type != .deleted, let node = nodeName {
        podsByNode[node, default: []].insert(key)
      }
      let current = change.type == .deleted ? nil : store.get(key)
      account(key, current)
      if change.type != .deleted {
        if nodeName == nil {
          work.append(.scheduler(key))
        } else {
          work.append(.kubelet(key))
        }
      } else {
        // A claim being deleted may have waited for this pod.
        work += Cluster.claimKeys(of: object).map { .volumeBinding($0) }
        // A freed node may now fit a pod that could not be placed.
        if unschedulable.remove(key) != nil, retry.pods.contains(key) {
          retry.removed[key] = retry.lastCause
        }
        retry.ask(unschedulable, cause: change.journalID)
        // A Recreate rollout waits for the last old pod to be gone, as the
        // deployment controller's deletePod handler does.
        for owner in object.ownerReferences where owner.controller && owner.ownerKind == .replicaSet {
          let replicaSet = store.get(ObjectKey(.replicaSet, owner.name, in: object.namespace))
          for top in replicaSet?.ownerReferences ?? [] where top.controller && top.ownerKind == .deployment {
            work.append(.deployment(ObjectKey(.deployment, top.name, in: object.namespace)))
          }
        }
      }
      work += servicesSelecting(object, before: change.podBefore).map { .endpoints($0) }
    case .replicaSet, .deployment, .daemonSet, .job, .statefulSet, .cronJob:
      if let sync = Work.workloadSync(key) { work.append(sync) }
    case .namespace:
      work.append(.namespace(key))
      if change.type == .added { work.append(.serviceAccounts(key)) }
    case .service, .ingress: work.append(.endpoints(key))
    case .configMap, .secret:
      if change.type != .deleted { refreshConfigVolumes(after: object) }
    case .persistentVolumeClaim, .persistentVolume:
      work.append(.volumeBinding(key))
      if change.type == .deleted, let volume = object.content[path: "spec.volumeName"]?.string {
        work.append(.volumeBinding(ObjectKey(.persistentVolume, volume)))
      }
      // A pod may have waited for this claim.
      if object.kind == .persistentVolumeClaim { retry.ask(unschedulable, cause: change.journalID) }
    case .clusterRole: work += aggregatedClusterRoles().map { .clusterRoleAggregation($0) }
    case .horizontalPodAutoscaler:
      // Its own status writes do not trigger a sync; the sync period does.
      if change.type == .added || object.content["spec"] != change.old?.content["spec"] {
        work.append(.horizontalPodAutoscaler(key))
      }
    case .node:
      if change.type == .added { work.append(.nodeLifecycle(key)) }
      if change.type != .modified || object.content["spec"] != change.old?.content["spec"]
        || object.labels != change.old?.labels
      {
        work += store.list(.daemonSet).map { .daemonSet($0.key) }
      }
      retry.ask(unschedulable, cause: change.journalID)
    default: break
    }
    return work
  }


  /// The Services whose selector matches the pod, before or after the change
  /// (in no particular order: each is queued once).
  private func servicesSelecting(_ pod: Object, before: PodBefore?) -> [ObjectKey] {
    var selecting: [ObjectKey] = []
    // Read only if some Service selects, and then once for all of them.
    var labels: (new: [String: String], old: [String: String]?)?
    store.forEach(.service, in: pod.namespace) { service in
      guard let match = ServiceSelector.of(service).selector else { return }
      if labels == nil { labels = (pod.labels, before.map { Object.stringMap($0.labels) }) }
      if let labels, match.matches(labels.new) || (labels.old.map(match.matches) ?? false) {
        selecting.append(service.key)
      }
    }
    return selecting
  }
}

/// A Service's `spec.selector` as a label selector (nil when it has none),
/// worked out once per stored version of the Service instead of at every
/// change to a pod in its namespace.
struct ServiceSelector: Sendable {
  var selector: LabelSelector?

  static func of(_ service: Object) -> ServiceSelector { service.memoized(ServiceSelector.self, ServiceSelector.init) }

  private init(_ service: Object) {
    guard let selector = service.content[path: "spec.selector"], selector.object != nil else { return }
    self.selector = LabelSelector(matchLabels: Object.stringMap(selector))
  }
}

/// The scheduler work that the changes of one pass ask for when they may
/// have made room: every unschedulable pod, asked for once.
struct UnschedulableRetry {
  /// The pods unschedulable at the first change that asked (the set only
  /// shrinks while changes are dispatched).
  var pods: Set<ObjectKey> = []
  private var asked = false
  /// The journal id of the last change that asked.
  var lastCause: Int?
  /// Pods that stopped being unschedulable during the pass, with the last
  /// cause they were asked with before that.
  var removed: [ObjectKey: Int?] = [:]

  mutating func ask(_ unschedulable: Set<ObjectKey>, cause: Int?) {
    if !asked {
      asked = true
      pods = unschedulable
    }
    if let cause { lastCause = cause }
  }
}
