import Foundation

/// ConfigMaps and Secrets as the kubelet hands them to a container: the
/// variables of `envFrom`, and the files of `configMap` and `secret` volumes
/// (one file per key, or the `items` chosen).
extension Cluster {
  /// The text values of a ConfigMap or Secret (Secrets decoded), or nil
  /// when it does not exist.
  func configValues(_ kind: Kind, _ name: String, in namespace: String) -> [String: String]? {
    guard let object = store.get(ObjectKey(kind, name, in: namespace)) else { return nil }
    var values: [String: String] = [:]
    for (key, value) in object.content["data"]?.object ?? JSONObject() {
      guard let text = value.string else { continue }
      if kind == .secret {
        values[key] = Data(base64Encoded: text).flatMap { String(data: $0, encoding: .utf8) } ?? ""
      } else {
        values[key] = text
      }
    }
    return values
  }

  /// The variables of a container's `envFrom`, each source's keys in
  /// order, with its prefix.
  func environmentFrom(_ spec: JSONValue?, namespace: String) -> [(String, String)] {
    var variables: [(String, String)] = []
    for source in spec?["envFrom"]?.array ?? [] {
      let prefix = source["prefix"]?.string ?? ""
      var values: [String: String]?
      if let name = source[path: "configMapRef.name"]?.string {
        values = configValues(.configMap, name, in: namespace)
      } else if let name = source[path: "secretRef.name"]?.string {
        values = configValues(.secret, name, in: namespace)
      }
      for key in (values ?? [:]).keys.sorted() { variables.append((prefix + key, values?[key] ?? "")) }
    }
    return variables
  }

  /// The files a `configMap` or `secret` volume mounted by `container` shows
  /// under `directory` (its mount path), by name; nil when no such volume
  /// is mounted there.
  func configVolumeFiles(at directory: String, in pod: Object, container: String, time: Date? = nil) -> [String: String]? {
    var path = directory
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    guard let spec = Cluster.containerSpec(container, in: pod) else { return nil }
    let volumes = pod.content[path: "spec.volumes"]?.array ?? []
    for mount in spec["volumeMounts"]?.array ?? [] {
      guard var mountPath = mount["mountPath"]?.string, mount["subPath"] == nil else { continue }
      while mountPath.count > 1 && mountPath.hasSuffix("/") { mountPath.removeLast() }
      guard mountPath == path,
        let volume = volumes.first(where: { $0["name"]?.string == mount["name"]?.string })
      else { continue }
      var source: JSONValue?
      var values: [String: String]?
      if let configMap = volume["configMap"], let name = configMap["name"]?.string {
        source = configMap
        values = mountedValues(.configMap, name, pod: pod, at: time ?? now)
      } else if let secret = volume["secret"], let name = secret["secretName"]?.string {
        source = secret
        values = mountedValues(.secret, name, pod: pod, at: time ?? now)
      }
      // An optional volume whose ConfigMap or Secret is missing mounts empty.
      if source?["optional"]?.bool == true, values == nil { values = [:] }
      guard let source, let values else { continue }
      guard let items = source["items"]?.array else { return values }
      var files: [String: String] = [:]
      for item in items {
        guard let key = item["key"]?.string, let file = item["path"]?.string, let value = values[key] else {
          continue
        }
        files[file] = value
      }
      return files
    }
    return nil
  }

  /// A file of a `configMap` or `secret` volume, as it reads at `time` (now by default).
  func configVolumeFile(_ path: String, in pod: Object, container: String, at time: Date? = nil) -> String? {
    let directory = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    return configVolumeFiles(at: directory, in: pod, container: container, time: time)?[name]
  }

  /// Why the kubelet cannot make a container's config, worded as
  /// makeEnvironmentVariables does: a ConfigMap, Secret or key that `envFrom`
  /// or `env` needs and that is neither there nor optional.
  func containerConfigProblem(_ spec: JSONValue, namespace: String) -> String? {
    func missing(_ kind: Kind, _ name: String) -> String {
      "\(kind == .configMap ? "configmap" : "secret") \"\(name)\" not found"
    }
    for source in spec["envFrom"]?.array ?? [] {
      for (field, kind) in [("configMapRef", Kind.configMap), ("secretRef", Kind.secret)] {
        guard let reference = source[field], let name = reference["name"]?.string else { continue }
        if reference["optional"]?.bool != true, configValues(kind, name, in: namespace) == nil {
          return missing(kind, name)
        }
      }
    }
    for variable in spec["env"]?.array ?? [] {
      for (field, kind, noun) in [("configMapKeyRef", Kind.configMap, "ConfigMap"), ("secretKeyRef", Kind.secret, "Secret")] {
        guard let reference = variable["valueFrom"]?[field], let name = reference["name"]?.string,
          reference["optional"]?.bool != true
        else { continue }
        guard let values = configValues(kind, name, in: namespace) else { return missing(kind, name) }
        let key = reference["key"]?.string ?? ""
        if values[key] == nil { return "couldn't find key \(key) in \(noun) \(namespace)/\(name)" }
      }
    }
    return nil
  }

  /// The first volume a container mounts whose ConfigMap or Secret is missing
  /// and not optional, with the volume plugin's error (the kubelet's watching
  /// manager names the resource in the singular).
  func volumeMountProblem(_ pod: Object) -> (volume: String, message: String)? {
    let containers = (pod.content[path: "spec.initContainers"]?.array ?? []) + (pod.content[path: "spec.containers"]?.array ?? [])
    let mounted = Set(containers.flatMap { ($0["volumeMounts"]?.array ?? []).compactMap { $0["name"]?.string } })
    for volume in pod.content[path: "spec.volumes"]?.array ?? [] {
      guard let name = volume["name"]?.string, mounted.contains(name) else { continue }
      if let source = volume["configMap"], let object = source["name"]?.string, source["optional"]?.bool != true,
        store.get(ObjectKey(.configMap, object, in: pod.namespace)) == nil
      {
        return (name, "configmap \"\(object)\" not found")
      }
      if let source = volume["secret"], let object = source["secretName"]?.string, source["optional"]?.bool != true,
        store.get(ObjectKey(.secret, object, in: pod.namespace)) == nil
      {
        return (name, "secret \"\(object)\" not found")
      }
    }
    return nil
  }
}
