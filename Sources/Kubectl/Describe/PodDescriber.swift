import Foundation
import KubeCluster

/// `kubectl describe pod`.
enum PodDescriber {
  static func describe(_ pod: Object, cluster: Cluster) -> String {
    var w = DescribeWriter()
    let c = pod.content
    w.write(0, "Name:\t\(pod.name)\n")
    w.write(0, "Namespace:\t\(pod.namespace)\n")
    if let priority = c[path: "spec.priority"]?.int { w.write(0, "Priority:\t\(priority)\n") }
    if let priorityClass = c[path: "spec.priorityClassName"]?.string, !priorityClass.isEmpty {
      w.write(0, "Priority Class Name:\t\(priorityClass)\n")
    }
    if let runtimeClass = c[path: "spec.runtimeClassName"]?.string { w.write(0, "Runtime Class Name:\t\(runtimeClass)\n") }
    w.write(0, "Service Account:\t\(c[path: "spec.serviceAccountName"]?.string ?? "")\n")
    if let node = c[path: "spec.nodeName"]?.string {
      w.write(0, "Node:\t\(node)/\(c[path: "status.hostIP"]?.string ?? "")\n")
    } else {
      w.write(0, "Node:\t<none>\n")
    }
    if let start = Timestamp.parse(c[path: "status.startTime"]?.string) {
      w.write(0, "Start Time:\t\(DescribeWriter.rfc1123(start))\n")
    }
    w.labels("Labels", pod.labels)
    w.annotations(pod.annotations)
    if let deletion = pod.deletionTimestamp {
      w.write(0, "Status:\tTerminating (lasts \(HumanDuration.since(deletion, now: cluster.now)))\n")
      w.write(0, "Termination Grace Period:\t\(c[path: "metadata.deletionGracePeriodSeconds"]?.int ?? 0)s\n")
    } else {
      w.write(0, "Status:\t\(c[path: "status.phase"]?.string ?? "")\n")
    }
    if let reason = c[path: "status.reason"]?.string, !reason.isEmpty { w.write(0, "Reason:\t\(reason)\n") }
    if let message = c[path: "status.message"]?.string, !message.isEmpty { w.write(0, "Message:\t\(message)\n") }
    if let seccomp = c[path: "spec.securityContext.seccompProfile"], seccomp.object != nil {
      let type = seccomp["type"]?.string ?? ""
      w.write(0, "SeccompProfile:\t\(type)\n")
      if type == "Localhost" { w.write(0, "LocalhostProfile:\t\(seccomp["localhostProfile"]?.string ?? "")\n") }
    }
    w.write(0, "IP:\t\(c[path: "status.podIP"]?.string ?? "")\n")
    let ips = c[path: "status.podIPs"]?.array ?? []
    if ips.isEmpty {
      w.write(0, "IPs:\t<none>\n")
    } else {
      w.write(0, "IPs:\n")
      for ip in ips { w.write(1, "IP:\t\(ip["ip"]?.string ?? "")\n") }
    }
    if let owner = pod.controller { w.write(0, "Controlled By:\t\(owner.kind)/\(owner.name)\n") }
    if let nominated = c[path: "status.nominatedNodeName"]?.string { w.write(0, "NominatedNodeName:\t\(nominated)\n") }
    let initContainers = c[path: "spec.initContainers"]?.array ?? []
    if !initContainers.isEmpty {
      containers(&w, "Init Containers", initContainers, statuses: c[path: "status.initContainerStatuses"]?.array ?? [])
    }
    containers(&w, "Containers", c[path: "spec.containers"]?.array ?? [], statuses: c[path: "status.containerStatuses"]?.array ?? [])
    let conditions = c[path: "status.conditions"]?.array ?? []
    let gates = c[path: "spec.readinessGates"]?.array ?? []
    if !gates.isEmpty {
      w.write(0, "Readiness Gates:\n  Type\tStatus\n")
      for gate in gates {
        let type = gate["conditionType"]?.string ?? ""
        let status = conditions.first { $0["type"]?.string == type }?["status"]?.string ?? "<none>"
        w.write(1, "\(type) \t\(status) \n")
      }
    }
    if !conditions.isEmpty {
      w.write(0, "Conditions:\n  Type\tStatus\n")
      for condition in conditions {
        w.write(1, "\(condition["type"]?.string ?? "") \t\(condition["status"]?.string ?? "") \n")
      }
    }
    volumes(&w, c[path: "spec.volumes"]?.array ?? [])
    w.write(0, "QoS Class:\t\(c[path: "status.qosClass"]?.string ?? "")\n")
    w.labels("Node-Selectors", Object.stringMap(c[path: "spec.nodeSelector"]))
    tolerations(&w, c[path: "spec.tolerations"]?.array ?? [])
    topologySpread(&w, c[path: "spec.topologySpreadConstraints"]?.array ?? [])
    w.events(cluster.events(for: pod), now: cluster.now)
    return w.render()
  }

  static func containers(_ w: inout DescribeWriter, _ title: String, _ specs: [JSONValue], statuses: [JSONValue]) {
    w.write(0, "\(title):\n")
    for container in specs {
      let name = container["name"]?.string ?? ""
      let status = statuses.first { $0["name"]?.string == name }
      w.write(1, "\(name):\n")
      if let status { w.write(2, "Container ID:\t\(status["containerID"]?.string ?? "")\n") }
      w.write(2, "Image:\t\(container["image"]?.string ?? "")\n")
      if let status { w.write(2, "Image ID:\t\(status["imageID"]?.string ?? "")\n") }
      let ports = container["ports"]?.array ?? []
      let portText = ports.map { "\($0["containerPort"]?.int ?? 0)/\($0["protocol"]?.string ?? "TCP")" }.joined(separator: ", ")
      let hostText = ports.map { "\($0["hostPort"]?.int ?? 0)/\($0["protocol"]?.string ?? "TCP")" }.joined(separator: ", ")
      w.write(2, (portText.contains(",") ? "Ports:\t" : "Port:\t") + (portText.isEmpty ? "<none>" : portText) + "\n")
      w.write(2, (hostText.contains(",") ? "Host Ports:\t" : "Host Port:\t") + (hostText.isEmpty ? "<none>" : hostText) + "\n")
      for field in ["command", "args"] {
        guard let items = container[field]?.array, !items.isEmpty else { continue }
        w.write(2, field == "command" ? "Command:\n" : "Args:\n")
        for item in items {
          for line in (item.string ?? "").split(separator: "\n", omittingEmptySubsequences: false) {
            w.write(3, "\(line)\n")
          }
        }
      }
      if let status {
        state(&w, "State", status["state"])
        if let last = status[path: "lastState.terminated"] {
          state(&w, "Last State", ["terminated": last])
        }
        w.write(2, "Ready:\t\(status["ready"]?.bool == true ? "True" : "False")\n")
        w.write(2, "Restart Count:\t\(status["restartCount"]?.int ?? 0)\n")
      }
      for (title, key) in [("Limits", "limits"), ("Requests", "requests")] {
        guard let values = container[path: "resources.\(key)"]?.object, !values.isEmpty else { continue }
        w.write(2, "\(title):\n")
        for name in values.keys.sorted() { w.write(3, "\(name):\t\(values[name]?.scalarText ?? "")\n") }
      }
      for (title, key) in [("Liveness", "livenessProbe"), ("Readiness", "readinessProbe"), ("Startup", "startupProbe")] {
        if let probe = container[key], probe.object != nil { w.write(2, "\(title):\t\(probeText(probe))\n") }
      }
      let env = container["env"]?.array ?? []
      w.write(2, "Environment:" + (env.isEmpty ? "\t<none>" : "") + "\n")
      for variable in env {
        let name = variable["name"]?.string ?? ""
        if let value = variable["value"]?.string {
          for (index, line) in value.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            w.write(3, index == 0 ? "\(name):\t\(line)\n" : "\t\(line)\n")
          }
        } else if let ref = variable["valueFrom"] {
          if let field = ref[path: "fieldRef.fieldPath"]?.string {
            w.write(3, "\(name):\t (\(ref[path: "fieldRef.apiVersion"]?.string ?? "v1"):\(field))\n")
          } else if let key = ref[path: "configMapKeyRef.key"]?.string {
            w.write(3, "\(name):\t<set to the key '\(key)' of config map '\(ref[path: "configMapKeyRef.name"]?.string ?? "")'>\tOptional: \(ref[path: "configMapKeyRef.optional"]?.bool == true ? "true" : "false")\n")
          } else if let key = ref[path: "secretKeyRef.key"]?.string {
            w.write(3, "\(name):\t<set to the key '\(key)' in secret '\(ref[path: "secretKeyRef.name"]?.string ?? "")'>\tOptional: \(ref[path: "secretKeyRef.optional"]?.bool == true ? "true" : "false")\n")
          } else if let resource = ref[path: "resourceFieldRef.resource"]?.string {
            w.write(3, "\(name):\t\(resource)\n")
          }
        } else {
          w.write(3, "\(name):\t\n")
        }
      }
      let mounts = (container["volumeMounts"]?.array ?? []).sorted { ($0["mountPath"]?.string ?? "") < ($1["mountPath"]?.string ?? "") }
      w.write(2, "Mounts:" + (mounts.isEmpty ? "\t<none>" : "") + "\n")
      for mount in mounts {
        var flags = [mount["readOnly"]?.bool == true ? "ro" : "rw"]
        if let sub = mount["subPath"]?.string, !sub.isEmpty { flags.append("path=\"\(sub)\"") }
        w.write(3, "\(mount["mountPath"]?.string ?? "") from \(mount["name"]?.string ?? "") (\(flags.joined(separator: ",")))\n")
      }
    }
  }

  static func state(_ w: inout DescribeWriter, _ title: String, _ state: JSONValue?) {
    if let running = state?["running"] {
      w.write(2, "\(title):\tRunning\n")
      w.write(3, "Started:\t\(DescribeWriter.rfc1123(Timestamp.parse(running["startedAt"]?.string)))\n")
    } else if let waiting = state?["waiting"] {
      w.write(2, "\(title):\tWaiting\n")
      if let reason = waiting["reason"]?.string, !reason.isEmpty { w.write(3, "Reason:\t\(reason)\n") }
    } else if let terminated = state?["terminated"] {
      w.write(2, "\(title):\tTerminated\n")
      if let reason = terminated["reason"]?.string, !reason.isEmpty { w.write(3, "Reason:\t\(reason)\n") }
      if let message = terminated["message"]?.string, !message.isEmpty { w.write(3, "Message:\t\(message)\n") }
      w.write(3, "Exit Code:\t\(terminated["exitCode"]?.int ?? 0)\n")
      if let signal = terminated["signal"]?.int, signal > 0 { w.write(3, "Signal:\t\(signal)\n") }
      w.write(3, "Started:\t\(DescribeWriter.rfc1123(Timestamp.parse(terminated["startedAt"]?.string) ?? Date(timeIntervalSince1970: -62_135_596_800)))\n")
      w.write(3, "Finished:\t\(DescribeWriter.rfc1123(Timestamp.parse(terminated["finishedAt"]?.string)))\n")
    } else {
      w.write(2, "\(title):\tWaiting\n")
    }
  }

  /// `http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`.
  static func probeText(_ probe: JSONValue) -> String {
    let attributes = "delay=\(probe["initialDelaySeconds"]?.int ?? 0)s timeout=\(probe["timeoutSeconds"]?.int ?? 1)s period=\(probe["periodSeconds"]?.int ?? 10)s #success=\(probe["successThreshold"]?.int ?? 1) #failure=\(probe["failureThreshold"]?.int ?? 3)"
    if let http = probe["httpGet"] {
      let port = http["port"]?.scalarText ?? ""
      let host = http["host"]?.string ?? ""
      let scheme = (http["scheme"]?.string ?? "HTTP").lowercased()
      return "http-get \(scheme)://\(host):\(port)\(http["path"]?.string ?? "") \(attributes)"
    }
    if let tcp = probe["tcpSocket"] {
      return "tcp-socket \(tcp["host"]?.string ?? ""):\(tcp["port"]?.scalarText ?? "") \(attributes)"
    }
    if let exec = probe["exec"] {
      return "exec [\((exec["command"]?.array ?? []).compactMap(\.string).joined(separator: " "))] \(attributes)"
    }
    if let grpc = probe["grpc"] {
      return "grpc <pod>:\(grpc["port"]?.int ?? 0) \(grpc["service"]?.string ?? "") \(attributes)"
    }
    return "unknown \(attributes)"
  }

  static func volumes(_ w: inout DescribeWriter, _ volumes: [JSONValue], level: Int = 0) {
    guard !volumes.isEmpty else {
      w.write(level, "Volumes:\t<none>\n")
      return
    }
    w.write(level, "Volumes:\n")
    for volume in volumes {
      w.write(level + 1, "\(volume["name"]?.string ?? ""):\n")
      let l = level + 2
      if let projected = volume["projected"] {
        w.write(l, "Type:\tProjected (a volume that contains injected data from multiple sources)\n")
        for source in projected["sources"]?.array ?? [] {
          if let token = source["serviceAccountToken"] {
            w.write(l, "TokenExpirationSeconds:\t\(token["expirationSeconds"]?.int ?? 3607)\n")
          } else if let configMap = source["configMap"] {
            w.write(l, "ConfigMapName:\t\(configMap["name"]?.string ?? "")\n")
            w.write(l, "ConfigMapOptional:\t\(configMap["optional"]?.bool.map { $0 ? "0xc000000001" : "0xc000000000" } ?? "<nil>")\n")
          } else if source["downwardAPI"] != nil {
            w.write(l, "DownwardAPI:\ttrue\n")
          } else if let secret = source["secret"] {
            w.write(l, "SecretName:\t\(secret["name"]?.string ?? "")\n")
            w.write(l, "SecretOptionalName:\t<nil>\n")
          }
        }
      } else if let emptyDir = volume["emptyDir"] {
        w.write(l, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n")
        w.write(l, "Medium:\t\(emptyDir["medium"]?.string ?? "")\n")
        w.write(l, "SizeLimit:\t\(emptyDir["sizeLimit"]?.scalarText ?? "<unset>")\n")
      } else if let hostPath = volume["hostPath"] {
        w.write(l, "Type:\tHostPath (bare host directory volume)\n")
        w.write(l, "Path:\t\(hostPath["path"]?.string ?? "")\n")
        w.write(l, "HostPathType:\t\(hostPath["type"]?.string ?? "")\n")
      } else if let configMap = volume["configMap"] {
        w.write(l, "Type:\tConfigMap (a volume populated by a ConfigMap)\n")
        w.write(l, "Name:\t\(configMap["name"]?.string ?? "")\n")
        w.write(l, "Optional:\t\(configMap["optional"]?.bool == true ? "true" : "false")\n")
      } else if let secret = volume["secret"] {
        w.write(l, "Type:\tSecret (a volume populated by a Secret)\n")
        w.write(l, "SecretName:\t\(secret["secretName"]?.string ?? "")\n")
        w.write(l, "Optional:\t\(secret["optional"]?.bool == true ? "true" : "false")\n")
      } else if let claim = volume["persistentVolumeClaim"] {
        w.write(l, "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n")
        w.write(l, "ClaimName:\t\(claim["claimName"]?.string ?? "")\n")
        w.write(l, "ReadOnly:\t\(claim["readOnly"]?.bool == true ? "true" : "false")\n")
      } else {
        w.write(l, "Type:\t<unknown>\n")
      }
    }
  }

  /// `Topology Spread Constraints:`, sorted by topology key, one per line.
  static func topologySpread(_ w: inout DescribeWriter, _ constraints: [JSONValue], space: String = "") {
    guard !constraints.isEmpty else { return }
    let sorted = constraints.enumerated().sorted { a, b in
      let (x, y) = (a.element["topologyKey"]?.string ?? "", b.element["topologyKey"]?.string ?? "")
      return x != y ? x < y : a.offset < b.offset
    }.map(\.element)
    w.write(0, "\(space)Topology Spread Constraints:\t")
    for (index, constraint) in sorted.enumerated() {
      if index != 0 { w.write(0, space + "\t") }
      var line = "\(constraint["topologyKey"]?.string ?? ""):\(constraint["whenUnsatisfiable"]?.string ?? "")"
      line += " when max skew \(constraint["maxSkew"]?.int ?? 0) is exceeded"
      if let selector = constraint["labelSelector"], selector.object != nil {
        line += " for selector \(Columns.selectorText(selector, emptyIsNone: true))"
      }
      w.write(0, line + "\n")
    }
  }

  static func tolerations(_ w: inout DescribeWriter, _ tolerations: [JSONValue], level: Int = 0) {
    w.write(level, "Tolerations:\t")
    guard !tolerations.isEmpty else {
      w.write(0, "<none>\n")
      return
    }
    for (index, toleration) in tolerations.enumerated() {
      if index != 0 { w.write(level, "\t") }
      var text = toleration["key"]?.string ?? ""
      let value = toleration["value"]?.string ?? ""
      if !value.isEmpty { text += "=\(value)" }
      if let effect = toleration["effect"]?.string, !effect.isEmpty { text += ":\(effect)" }
      if toleration["operator"]?.string == "Exists" && value.isEmpty {
        text += text.isEmpty ? "op=Exists" : " op=Exists"
      }
      if let seconds = toleration["tolerationSeconds"]?.int { text += " for \(seconds)s" }
      w.write(0, text + "\n")
    }
  }
}
