import Foundation
import KubeCluster

/// `kubectl autoscale deployment NAME --min=N --max=M --cpu-percent=P`:
/// stores a HorizontalPodAutoscaler (read back as autoscaling/v2, as a
/// 1.32 API server serves it).
struct AutoscaleCommand: KubectlCommand {
  static let name = "autoscale"
  static let flags: [FlagSpec] = [
    .int("min", default: -1, help: "The lower limit for the number of pods that can be set by the autoscaler. If it's not specified or negative, the server will apply a default value."),
    .int("max", default: -1, help: "The upper limit for the number of pods that can be set by the autoscaler. Required."),
    .int("cpu-percent", default: -1, help: "The target average CPU utilization (represented as a percent of requested CPU) over all the pods. If it's not specified or negative, a default autoscaling policy will be used."),
    .string("name", help: "The name for the newly created object. If not specified, the name of the input resource will be used."),
    .strings("filename", short: "f", help: "Filename, directory, or URL to files identifying the resource to autoscale."),
    .string("output", short: "o", help: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
    .string("dry-run", default: "none", help: "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource."),
    .bool("recursive", short: "R", help: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."),
    .string("field-manager", default: "kubectl-autoscale", help: "Name of the manager used to track field ownership."),
    .bool("save-config", help: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."),
    .string("template", help: "Template string or path to template file to use when -o=go-template, -o=go-template-file."),
    .bool("show-managed-fields", help: "If true, keep the managedFields when printing objects in JSON or YAML format."),
    .bool("allow-missing-template-keys", default: true, help: "If true, ignore any errors in templates when a field or map key is missing in the template."),
  ]

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    let flags = invocation.flags
    // cobra's MarkFlagRequired("max"), checked before anything runs.
    guard flags.isSet("max") else { throw KubectlError.message("required flag(s) \"max\" not set") }
    let maximum = flags.int("max")
    let minimum = flags.int("min")
    guard maximum >= 1 else {
      throw KubectlError.message("--max=MAXPODS is required and must be at least 1, max: \(maximum)")
    }
    if minimum > maximum {
      throw KubectlError.message("--max=MAXPODS must be larger or equal to --min=MINPODS, max: \(maximum), min: \(minimum)")
    }
    let keys = try RolloutCommand.targets(invocation.positionals, invocation: invocation, cluster: cluster, verb: "autoscale")
    var output = CommandOutput()
    for key in keys {
      guard [.deployment, .replicaSet, .statefulSet].contains(key.kind) else {
        output.stderr += "error: cannot autoscale a \(key.kind.rawValue): cannot autoscale a \(key.kind.rawValue)\n"
        output.exitCode = 1
        continue
      }
      let name = flags.string("name").isEmpty ? key.name : flags.string("name")
      var spec = JSONObject()
      spec["scaleTargetRef"] = ["apiVersion": .string(key.kind.apiVersion), "kind": .string(key.kind.rawValue), "name": .string(key.name)]
      if minimum > 0 { spec["minReplicas"] = .int(minimum) }
      spec["maxReplicas"] = .int(maximum)
      if flags.int("cpu-percent") >= 0 {
        spec["metrics"] = [
          [
            "type": "Resource",
            "resource": ["name": "cpu", "target": ["type": "Utilization", "averageUtilization": .int(flags.int("cpu-percent"))]],
          ]
        ]
      }
      var object = Generators.typed(.horizontalPodAutoscaler, [
        ("metadata", Generators.meta(name, namespace: nil, labels: [:])), ("spec", .object(spec)), ("status", .emptyObject),
      ])
      object.namespace = key.namespace
      let dryRun = try DryRun.parse(flags.string("dry-run"))
      do {
        let stored = dryRun == .client ? object : try cluster.create(object, dryRun: dryRun == .server)
        output.stdout += Printed.result(stored, verb: "autoscaled", dryRun: dryRun, format: flags.string("output"))
      } catch {
        output.stderr += ErrorMessage.render(error)
        output.exitCode = 1
      }
    }
    return output
  }
}
