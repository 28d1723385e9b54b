import Foundation
import KubeCluster

/// `kubectl describe` for Ingresses, NetworkPolicies and EndpointSlices.
enum NetworkDescriber {
  static func ingress(_ ing: Object, cluster: Cluster) -> String {
    var w = DescribeWriter()
    let c = ing.content
    w.write(0, "Name:\t\(ing.name)\n")
    w.labels("Labels", ing.labels)
    w.write(0, "Namespace:\t\(ing.namespace)\n")
    let addresses = (c[path: "status.loadBalancer.ingress"]?.array ?? []).compactMap {
      $0["ip"]?.string ?? $0["hostname"]?.string
    }
    w.write(0, "Address:\t\(addresses.joined(separator: ","))\n")
    w.write(0, "Ingress Class:\t\(c[path: "spec.ingressClassName"]?.string ?? "<none>")\n")
    let defaultBackend =
      c[path: "spec.defaultBackend"].map { backend($0, namespace: ing.namespace, cluster: cluster) }
      ?? "<default>"
    w.write(0, "Default backend:\t\(defaultBackend)\n")
    let tls = c[path: "spec.tls"]?.array ?? []
    if !tls.isEmpty {
      w.write(0, "TLS:\n")
      for entry in tls {
        let hosts = (entry["hosts"]?.array ?? []).compactMap(\.string).joined(separator: ",")
        if let secret = entry["secretName"]?.string {
          w.write(1, "\(secret) terminates \(hosts)\n")
        } else {
          w.write(1, "SNI routes \(hosts)\n")
        }
      }
    }
    w.write(0, "Rules:\n  Host\tPath\tBackends\n")
    w.write(1, "----\t----\t--------\n")
    var count = 0
    for rule in c[path: "spec.rules"]?.array ?? [] {
      guard let paths = rule[path: "http.paths"]?.array else { continue }
      count += 1
      let host = rule["host"]?.string ?? ""
      w.write(1, "\(host.isEmpty ? "*" : host)\t\n")
      for path in paths {
        w.write(
          2,
          "\t\(path["path"]?.string ?? "") \t\(backend(path["backend"] ?? .null, namespace: ing.namespace, cluster: cluster))\n"
        )
      }
    }
    if count == 0 { w.write(1, "*\t*\t\(defaultBackend)\n") }
    w.annotations(ing.annotations)
    w.events(cluster.events(for: ing), now: cluster.now)
    return w.render()
  }

  /// `web:80 (10.244.1.2:80)`, as describeBackendV1 prints a backend.
  static func backend(_ backend: JSONValue, namespace: String, cluster: Cluster) -> String {
    guard let service = backend["service"] else {
      if let resource = backend["resource"] {
        return
          "APIGroup: \(resource["apiGroup"]?.string ?? ""), Kind: \(resource["kind"]?.string ?? ""), Name: \(resource["name"]?.string ?? "")"
      }
      return ""
    }
    let name = service["name"]?.string ?? ""
    let port = service["port"]
    let portText = port?["name"]?.string ?? port?["number"]?.int.map(String.init) ?? ""
    let text = "\(name):\(portText)"
    guard let endpoints = cluster.store.get(ObjectKey(.endpoints, name, in: namespace)) else {
      return "\(text) (<error: endpoints \"\(name)\" not found>)"
    }
    guard let object = cluster.store.get(ObjectKey(.service, name, in: namespace)) else {
      return "\(text) (<error: services \"\(name)\" not found>)"
    }
    var portName = ""
    for servicePort in object.content[path: "spec.ports"]?.array ?? [] {
      if let number = port?["number"]?.int, servicePort["port"]?.int == number {
        portName = servicePort["name"]?.string ?? ""
      }
      if let wanted = port?["name"]?.string, servicePort["name"]?.string == wanted {
        portName = wanted
      }
    }
    let subsets = endpoints.content["subsets"]?.array ?? []
    guard !subsets.isEmpty else { return "\(text) (<none>)" }
    var list: [String] = []
    var total = 0
    for subset in subsets {
      for subsetPort in subset["ports"]?.array ?? []
      where (subsetPort["name"]?.string ?? "") == portName {
        for address in subset["addresses"]?.array ?? [] {
          total += 1
          if list.count < 3 {
            list.append("\(address["ip"]?.string ?? ""):\(subsetPort["port"]?.int ?? 0)")
          }
        }
      }
    }
    var shown = list.joined(separator: ",")
    if total > 3 { shown += " + \(total - 3) more..." }
    return "\(text) (\(shown))"
  }

  /// NetworkPolicies are stored and described; the simulated pod network
  /// does not enforce them, which the description says.
  static func networkPolicy(_ policy: Object, cluster: Cluster) -> String {
    var w = DescribeWriter()
    let c = policy.content
    w.write(0, "Name:\t\(policy.name)\n")
    w.write(0, "Namespace:\t\(policy.namespace)\n")
    let created =
      policy.creationTimestamp.map {
        Timestamp.format($0).replacingOccurrences(of: "T", with: " ").replacingOccurrences(
          of: "Z", with: " +0000 UTC")
      } ?? ""
    w.write(0, "Created on:\t\(created)\n")
    w.labels("Labels", policy.labels)
    w.annotations(policy.annotations)
    w.write(0, "Spec:\n")
    let selector = Columns.selectorText(c[path: "spec.podSelector"], emptyIsNone: true)
    if selector == "<none>" {
      w.write(
        1, "PodSelector:     <none> (Allowing the specific traffic to all pods in this namespace)\n"
      )
    } else {
      w.write(1, "PodSelector:     \(selector)\n")
    }
    let types = (c[path: "spec.policyTypes"]?.array ?? []).compactMap(\.string)
    let ingressRules = c[path: "spec.ingress"]?.array
    let egressRules = c[path: "spec.egress"]?.array
    let hasIngress = types.isEmpty || types.contains("Ingress")
    let hasEgress = types.contains("Egress") || (types.isEmpty && egressRules != nil)
    if hasIngress {
      w.write(1, "Allowing ingress traffic:\n")
      describeRules(
        &w, ingressRules ?? [], peers: "from",
        isolated: "<none> (Selected pods are isolated for ingress connectivity)")
    } else {
      w.write(1, "Not affecting ingress traffic\n")
    }
    if hasEgress {
      w.write(1, "Allowing egress traffic:\n")
      describeRules(
        &w, egressRules ?? [], peers: "to",
        isolated: "<none> (Selected pods are isolated for egress connectivity)")
    } else {
      w.write(1, "Not affecting egress traffic\n")
    }
    let effective = types.isEmpty ? (hasEgress ? ["Ingress", "Egress"] : ["Ingress"]) : types
    w.write(1, "Policy Types: \(effective.joined(separator: ", "))\n")
    w.write(
      0,
      "Enforcement:\tnot enforced (kubetutor's simulated pod network does not apply NetworkPolicies)\n"
    )
    return w.render()
  }

  private static func describeRules(
    _ w: inout DescribeWriter, _ rules: [JSONValue], peers key: String, isolated: String
  ) {
    guard !rules.isEmpty else {
      w.write(2, "\(isolated)\n")
      return
    }
    for (index, rule) in rules.enumerated() {
      if index > 0 { w.write(2, "----------\n") }
      let ports = rule["ports"]?.array ?? []
      if ports.isEmpty {
        w.write(
          2,
          key == "from"
            ? "To Port: <any> (traffic allowed to all ports)\n"
            : "To Port: <any> (traffic allowed to all ports)\n")
      } else {
        for port in ports {
          w.write(
            2,
            "To Port: \(port["port"]?.scalarText ?? "<any>")/\(port["protocol"]?.string ?? "TCP")\n"
          )
        }
      }
      let list = rule[key]?.array ?? []
      if list.isEmpty {
        w.write(
          2,
          key == "from"
            ? "From: <any> (traffic not restricted by source)\n"
            : "To: <any> (traffic not restricted by destination)\n")
      } else {
        w.write(2, key == "from" ? "From:\n" : "To:\n")
        for peer in list {
          if let pods = peer["podSelector"] {
            w.write(3, "PodSelector: \(Columns.selectorText(pods, emptyIsNone: true))\n")
          }
          if let namespaces = peer["namespaceSelector"] {
            w.write(
              3, "NamespaceSelector: \(Columns.selectorText(namespaces, emptyIsNone: true))\n")
          }
          if let block = peer["ipBlock"] {
            w.write(3, "IPBlock:\n")
            w.write(4, "CIDR: \(block["cidr"]?.string ?? "")\n")
            let except = (block["except"]?.array ?? []).compactMap(\.string).joined(separator: ", ")
            w.write(4, "Except: \(except)\n")
          }
        }
      }
    }
  }

  /// describeEndpointSliceV1: the ports table, then each endpoint with its
  /// conditions, hostname, target, node and zone (`<unset>` where absent).
  static func endpointSlice(_ slice: Object, cluster: Cluster) -> String {
    var w = DescribeWriter()
    let c = slice.content
    w.write(0, "Name:\t\(slice.name)\n")
    w.write(0, "Namespace:\t\(slice.namespace)\n")
    w.labels("Labels", slice.labels)
    w.annotations(slice.annotations)
    w.write(0, "AddressType:\t\(c["addressType"]?.string ?? "")\n")
    let ports = c["ports"]?.array ?? []
    if ports.isEmpty {
      w.write(0, "Ports: <unset>\n")
    } else {
      w.write(0, "Ports:\n")
      w.write(1, "Name\tPort\tProtocol\n")
      w.write(1, "----\t----\t--------\n")
      for port in ports {
        let name = port["name"]?.string.flatMap { $0.isEmpty ? nil : $0 } ?? "<unset>"
        let number = port["port"]?.int.map(String.init) ?? "<unset>"
        w.write(1, "\(name)\t\(number)\t\(port["protocol"]?.string ?? "TCP")\n")
      }
    }
    let endpoints = c["endpoints"]?.array ?? []
    if endpoints.isEmpty {
      w.write(0, "Endpoints: <none>\n")
    } else {
      w.write(0, "Endpoints:\n")
      for endpoint in endpoints {
        let addresses = (endpoint["addresses"]?.array ?? []).compactMap(\.string).joined(separator: ", ")
        w.write(1, "- Addresses:\t\(addresses.isEmpty ? "<none>" : addresses)\n")
        w.write(2, "Conditions:\n")
        w.write(3, "Ready:\t\(endpoint[path: "conditions.ready"]?.bool.map { $0 ? "true" : "false" } ?? "<unset>")\n")
        w.write(2, "Hostname:\t\(endpoint["hostname"]?.string ?? "<unset>")\n")
        if let target = endpoint["targetRef"], target.object != nil {
          w.write(2, "TargetRef:\t\(target["kind"]?.string ?? "")/\(target["name"]?.string ?? "")\n")
        }
        w.write(2, "NodeName:\t\(endpoint["nodeName"]?.string ?? "<unset>")\n")
        w.write(2, "Zone:\t\(endpoint["zone"]?.string ?? "<unset>")\n")
      }
    }
    w.events(cluster.events(for: slice), now: cluster.now)
    return w.render()
  }
}
