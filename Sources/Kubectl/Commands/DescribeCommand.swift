import Foundation
import KubeCluster

/// `kubectl describe`.
struct DescribeCommand: KubectlCommand {
  static let name = "describe"
  static let flags: [FlagSpec] = [
    .strings("selector", short: "l", help: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'."),
    .bool("all-namespaces", short: "A", help: "If present, list the requested object(s) across all namespaces."),
    .strings("filename", short: "f", help: "Filename, directory, or URL to files containing the resource to describe"),
    .bool("show-events", default: true, help: "If true, display events related to the described object."),
    .bool("recursive", short: "R", help: "Process the directory used in -f, --filename recursively."),
    .int("chunk-size", default: 500, help: "Return large lists in chunks rather than all at once."),
  ]

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    guard !invocation.positionals.isEmpty else {
      throw KubectlError.message("You must specify the type of resource to describe. Use \"kubectl api-resources\" for a complete list of supported resources.")
    }
    let namespace = invocation.namespace
    let allNamespaces = invocation.flags.bool("all-namespaces")
    var objects: [Object] = []
    var output = CommandOutput()
    switch try ResourceRequest.parse(invocation.positionals) {
    case .byType(let kinds, let names):
      let selector = names.isEmpty ? try GetCommand.listSelector(invocation.flags, for: kinds) : .everything
      for kind in kinds {
        if names.isEmpty {
          objects += cluster.list(kind, in: allNamespaces || !kind.isNamespaced ? nil : namespace, selector: selector)
        } else {
          for name in names {
            if let object = cluster.store.get(ObjectKey(kind, name, in: namespace)) {
              objects.append(object)
            } else {
              // describe finds objects by prefix when the exact name is missing.
              let matches = cluster.list(kind, in: kind.isNamespaced ? namespace : nil).filter { $0.name.hasPrefix(name) }
              if matches.isEmpty {
                output.stderr += ErrorMessage.render(APIError.notFound(kind, name))
                output.exitCode = 1
              }
              objects += matches
            }
          }
        }
      }
      if objects.isEmpty && output.exitCode == 0 {
        let scoped = kinds.contains { $0.isNamespaced } && !allNamespaces
        output.stderr += scoped ? "No resources found in \(namespace) namespace.\n" : "No resources found\n"
        return output
      }
    case .byName(let pairs):
      for (kind, name) in pairs {
        guard let object = cluster.store.get(ObjectKey(kind, name, in: namespace)) else {
          output.stderr += ErrorMessage.render(APIError.notFound(kind, name))
          output.exitCode = 1
          continue
        }
        objects.append(object)
      }
    }
    output.stdout += objects.map { describe($0, cluster: cluster) }.joined(separator: "\n\n")
    return output
  }

  static func describe(_ object: Object, cluster: Cluster) -> String {
    switch object.kind {
    case .pod: PodDescriber.describe(object, cluster: cluster)
    case .deployment: WorkloadDescriber.deployment(object, cluster: cluster)
    case .replicaSet: WorkloadDescriber.replicaSet(object, cluster: cluster)
    case .service: WorkloadDescriber.service(object, cluster: cluster)
    case .ingress: NetworkDescriber.ingress(object, cluster: cluster)
    case .networkPolicy: NetworkDescriber.networkPolicy(object, cluster: cluster)
    case .namespace: WorkloadDescriber.namespace(object, cluster: cluster)
    case .node: NodeDescriber.describe(object, cluster: cluster)
    case .configMap: NodeDescriber.configMap(object, cluster: cluster)
    case .secret: NodeDescriber.secret(object, cluster: cluster)
    case .resourceQuota: QuotaDescriber.quota(object, cluster: cluster)
    case .daemonSet: ControllerDescriber.daemonSet(object, cluster: cluster)
    case .statefulSet: ControllerDescriber.statefulSet(object, cluster: cluster)
    case .job: ControllerDescriber.job(object, cluster: cluster)
    case .cronJob: ControllerDescriber.cronJob(object, cluster: cluster)
    case .limitRange: QuotaDescriber.limitRange(object, cluster: cluster)
    case .persistentVolumeClaim: StorageDescriber.claim(object, cluster: cluster)
    case .persistentVolume: StorageDescriber.volume(object, cluster: cluster)
    case .storageClass: StorageDescriber.storageClass(object, cluster: cluster)
    case .serviceAccount: AccessDescriber.serviceAccount(object, cluster: cluster)
    case .role, .clusterRole: AccessDescriber.role(object, cluster: cluster)
    case .roleBinding, .clusterRoleBinding: AccessDescriber.binding(object, cluster: cluster)
    case .priorityClass: AccessDescriber.priorityClass(object, cluster: cluster)
    case .podDisruptionBudget: AccessDescriber.disruptionBudget(object, cluster: cluster)
    case .ingressClass: AccessDescriber.ingressClass(object, cluster: cluster)
    case .endpoints: AccessDescriber.endpoints(object, cluster: cluster)
    case .endpointSlice: NetworkDescriber.endpointSlice(object, cluster: cluster)
    case .horizontalPodAutoscaler: AccessDescriber.autoscaler(object, cluster: cluster)
    default: GenericDescriber.describe(object, cluster: cluster)
    }
  }
}
