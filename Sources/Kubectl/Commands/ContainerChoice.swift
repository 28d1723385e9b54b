import Foundation
import KubeCluster

/// The container a command that reaches into a pod works on: `-c`, else
/// the `kubectl.kubernetes.io/default-container` annotation, else the
/// first container, as kubectl's podcmd chooses it.
enum ContainerChoice {
  static let flag = FlagSpec.string(
    "container", short: "c",
    help: "Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen")

  /// The container's name and the notice kubectl prints when it had to
  /// pick one of several; nil when the pod has no container of the name asked for.
  static func choose(_ pod: Object, requested: String) -> (name: String, notice: String)? {
    let names = (pod.content[path: "spec.containers"]?.array ?? []).compactMap { $0["name"]?.string }
    guard requested.isEmpty else { return names.contains(requested) ? (requested, "") : nil }
    let annotated = pod.annotations["kubectl.kubernetes.io/default-container"]
    let name = annotated ?? names.first ?? ""
    let notice = names.count > 1 && annotated == nil
      ? "Defaulted container \"\(name)\" out of: \(names.joined(separator: ", "))\n" : ""
    return (name, notice)
  }
}
