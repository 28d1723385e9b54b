import Foundation

extension Cluster {
  /// The main process of a container, attached to a terminal
  /// (`kubectl run -i -- sh`), ended with `exitCode` when its session did:
  /// the kubelet sees the container exit and acts by the pod's restart
  /// policy (Always: it starts again, RESTARTS 1).
  package mutating func endMainProcess(of key: ObjectKey, container name: String, exitCode: Int) {
    guard let pod = store.get(key), var runtime = runtimes[pod.uid],
      let index = runtime.containers.firstIndex(where: { $0.name == name && !$0.isInit }),
      runtime.containers[index].isRunning
    else { return }
    runtime.containers[index].program = [.exit(exitCode)]
    runtime.containers[index].programCounter = 0
    runtime.containers[index].programTime = now
    runtimes[pod.uid] = runtime
    enqueue(.kubelet(key))
    settle()
  }
}
