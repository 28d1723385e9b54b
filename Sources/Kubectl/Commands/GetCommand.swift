import Foundation
import KubeCluster

/// `kubectl get`: list or show resources.
struct GetCommand: KubectlCommand {
  static let name = "get"
  static let flags: [FlagSpec] = [
    .string("output", short: "o", help: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide)."),
    .strings("selector", short: "l", help: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints."),
    .bool("all-namespaces", short: "A", help: "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace."),
    .bool("show-labels", help: "When printing, show all labels as the last column (default hide labels column)."),
    .strings("label-columns", short: "L", splitCommas: true, help: "Accepts a comma separated list of labels that are going to be presented as columns."),
    .bool("no-headers", help: "When using the default or custom-column output format, don't print headers (default print headers)."),
    .string("field-selector", help: "Selector (field query) to filter on, supports '=', '==', and '!='."),
    .string("sort-by", help: "If non-empty, sort list types using this field specification."),
    .bool("watch", short: "w", help: "After listing/getting the requested object, watch for changes."),
    .bool("watch-only", help: "Watch for changes to the requested object(s), without listing/getting first."),
    .bool("show-kind", help: "If present, list the resource type for the requested object(s)."),
    .strings("filename", short: "f", help: "Filename, directory, or URL to files identifying the resource to get from a server."),
    .bool("recursive", short: "R", help: "Process the directory used in -f, --filename recursively."),
    .bool("ignore-not-found", help: "If the requested object does not exist the command will return exit code 0."),
    .int("chunk-size", default: 500, help: "Return large lists in chunks rather than all at once."),
    .string("template", help: "Template string or path to template file to use when -o=go-template, -o=go-template-file."),
    .bool("show-managed-fields", help: "If true, keep the managedFields when printing objects in JSON or YAML format."),
    .string("subresource", help: "If specified, gets the subresource of the requested object."),
    .bool("output-watch-events", help: "Output watch event objects when --watch or --watch-only is used."),
    .bool("server-print", default: true, help: "If true, have the server return the appropriate table output."),
    .bool("allow-missing-template-keys", default: true, help: "If true, ignore any errors in templates when a field or map key is missing in the template."),
    .string("raw", help: "Raw URI to request from the server."),
  ]

  static let noTypeMessage = """
    You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

    error: Required resource not specified.
    Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
    See 'kubectl get -h' for help and examples

    """

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    let flags = invocation.flags
    let format = try OutputFormat.parse(flags.string("output"), template: flags.string("template"), readFile: invocation.environment.readFile)
    let allNamespaces = flags.bool("all-namespaces")
    let namespace = invocation.namespace
    guard !invocation.positionals.isEmpty else { throw KubectlError.raw(noTypeMessage) }
    let fieldSelector = try FieldSelector.parse(flags.string("field-selector"))
    let request = try ResourceRequest.parse(invocation.positionals)

    var output = CommandOutput()
    var groups: [(Kind, [Object])] = []
    var singleObject = false
    var selector = LabelSelector.everything

    switch request {
    case .byType(let kinds, let names):
      if names.isEmpty {
        selector = try listSelector(flags, for: kinds)
        for kind in kinds {
          if let unsupported = fieldSelector.unsupportedLabel(for: kind) {
            throw KubectlError.api(APIError.badRequest(
              "Unable to find \(kind.quotedResource) that match label selector \(GoScalar.goQuoted(flags.strings("selector").last ?? "")), "
                + "field selector \(GoScalar.goQuoted(flags.string("field-selector"))): field label not supported: \(unsupported)"))
          }
          let scope: String? = allNamespaces || !kind.isNamespaced ? nil : namespace
          groups.append((kind, listed(kind, in: scope, selector: selector, fields: fieldSelector, cluster: cluster)))
        }
      } else {
        singleObject = names.count == 1 && kinds.count == 1
        for kind in kinds {
          var found: [Object] = []
          for name in names {
            if let object = cluster.store.get(ObjectKey(kind, name, in: namespace)) {
              found.append(object)
            } else if !flags.bool("ignore-not-found") {
              output.stderr += ErrorMessage.render(APIError.notFound(kind, name))
              output.exitCode = 1
            }
          }
          groups.append((kind, found))
        }
      }
    case .byName(let pairs):
      singleObject = pairs.count == 1
      var byKind: [(Kind, [Object])] = []
      for (kind, name) in pairs {
        guard let object = cluster.store.get(ObjectKey(kind, name, in: namespace)) else {
          if !flags.bool("ignore-not-found") {
            output.stderr += ErrorMessage.render(APIError.notFound(kind, name))
            output.exitCode = 1
          }
          continue
        }
        if let index = byKind.firstIndex(where: { $0.0 == kind }) {
          byKind[index].1.append(object)
        } else {
          byKind.append((kind, [object]))
        }
      }
      groups = byKind
    }

    if !flags.string("sort-by").isEmpty {
      let path = flags.string("sort-by")
      groups = try groups.map { ($0.0, try SortBy.sort($0.1, by: path)) }
    }

    // Every format but a table prints the groups as one list.
    var allObjects: [Object] { groups.flatMap(\.1) }
    switch format {
    case .yaml, .json:
      let objects = allObjects
      let value: JSONValue = singleObject && objects.count == 1 ? objects[0].content : ObjectPrinter.list(objects)
      guard !(singleObject && objects.isEmpty) else { return output }
      output.stdout += format == .yaml ? ObjectPrinter.yaml(value) : ObjectPrinter.json(value)
      return output
    case .name:
      output.stdout += allObjects.map { ObjectPrinter.name($0) + "\n" }.joined()
      return output
    case .jsonpath(let template, let asJSON):
      let objects = allObjects
      let value: JSONValue = singleObject && objects.count == 1 ? objects[0].content : ObjectPrinter.list(objects)
      guard !(singleObject && objects.isEmpty) else { return output }
      output.stdout += try TemplatePrinter.jsonpath(template, asJSON: asJSON, data: value, allowMissingKeys: flags.bool("allow-missing-template-keys"))
      return output
    case .goTemplate(let template):
      let objects = allObjects
      let value: JSONValue = singleObject && objects.count == 1 ? objects[0].content : ObjectPrinter.list(objects)
      guard !(singleObject && objects.isEmpty) else { return output }
      output.stdout += try TemplatePrinter.goTemplate(template, data: value)
      return output
    case .customColumns(let spec):
      output.stdout += try TemplatePrinter.customColumns(spec, objects: allObjects.map(\.content), noHeaders: flags.bool("no-headers"))
      return output
    case .table, .wide:
      break
    }

    // Script mode follows the simulated clock (GetWatch); interactively the
    // clock is the wall clock, so only the listing is printed here.
    let watching = (flags.bool("watch") || flags.bool("watch-only")) && !invocation.environment.interactive
    if watching, groups.count == 1 {
      let kind = groups[0].0
      var options = ObjectPrinter.TableOptions()
      options.wide = format == .wide
      options.withKind = flags.bool("show-kind")
      options.withNamespace = allNamespaces && kind.isNamespaced
      options.showLabels = flags.bool("show-labels")
      options.labelColumns = flags.strings("label-columns")
      options.noHeaders = flags.bool("no-headers")
      let names = groups[0].1.map(\.name)
      let named: Bool
      if case .byType(_, let typeNames) = request { named = !typeNames.isEmpty } else { named = true }
      output.stdout += GetWatch.follow(
        cluster: &cluster, initial: groups[0].1, kind: kind, options: options,
        requestTimeout: flags.string("request-timeout"), printInitial: !flags.bool("watch-only")
      ) { cluster in
        if named {
          return names.compactMap { cluster.store.get(ObjectKey(kind, $0, in: namespace)) }
        }
        // The selector was parsed (and checked) for the first listing.
        let scope: String? = allNamespaces || !kind.isNamespaced ? nil : namespace
        return listed(kind, in: scope, selector: selector, fields: fieldSelector, cluster: cluster)
      }
      return output
    }

    let nonEmpty = groups.filter { !$0.1.isEmpty }
    if nonEmpty.isEmpty {
      if output.exitCode == 0 {
        if case .byType = request {
          let scoped = groups.contains { $0.0.isNamespaced } && !allNamespaces
          output.stderr += scoped ? "No resources found in \(namespace) namespace.\n" : "No resources found\n"
        }
      }
      return output
    }
    var options = ObjectPrinter.TableOptions()
    options.wide = format == .wide
    options.withKind = groups.count > 1 || flags.bool("show-kind")
    options.withNamespace = allNamespaces
    options.showLabels = flags.bool("show-labels")
    options.labelColumns = flags.strings("label-columns")
    options.noHeaders = flags.bool("no-headers")
    let context = PrintContext(now: cluster.now, cluster: cluster)
    var blocks: [String] = []
    for (kind, objects) in nonEmpty {
      var groupOptions = options
      groupOptions.withNamespace = allNamespaces && kind.isNamespaced
      blocks.append(ObjectPrinter.table(objects, kind: kind, options: groupOptions, context: context))
    }
    output.stdout += blocks.joined(separator: "\n")
    return output
  }

  /// `-l` for listing `kinds`. kubectl does not parse the selector itself:
  /// it lists each type with it, the API server rejects a bad one, and the
  /// resource builder words that BadRequest for every type it listed.
  static func listSelector(_ flags: ParsedFlags, for kinds: [Kind]) throws -> LabelSelector {
    guard let text = flags.strings("selector").last, !text.isEmpty else { return .everything }
    do {
      return try LabelSelector.parse(text)
    } catch {
      throw KubectlError.raw(kinds.map { kind in
        "Error from server (BadRequest): Unable to find \(kind.quotedResource) that match label selector "
          + "\(GoScalar.goQuoted(text)), field selector \(GoScalar.goQuoted(flags.string("field-selector"))): \(error.message)\n"
      }.joined())
    }
  }

  /// `-l` where kubectl parses it before asking a server (`top`, `-f` with `-l`).
  static func parseSelector(_ values: [String]) throws(KubectlError) -> LabelSelector {
    guard let text = values.last, !text.isEmpty else { return .everything }
    do {
      return try LabelSelector.parse(text)
    } catch {
      throw .message(error.message)
    }
  }
}

/// What the positional arguments of get, describe, delete and friends name.
enum ResourceRequest {
  /// `pods`, `pods a b`, `pods,svc`.
  case byType([Kind], names: [String])
  /// `pod/a deploy/b`.
  case byName([(Kind, String)])

  static func parse(_ positionals: [String]) throws(KubectlError) -> ResourceRequest {
    guard let first = positionals.first else { throw .message("Required resource not specified.") }
    if first.contains("/") {
      var pairs: [(Kind, String)] = []
      for argument in positionals {
        guard let slash = argument.firstIndex(of: "/") else {
          throw .message("there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'")
        }
        let type = String(argument[..<slash])
        let name = String(argument[argument.index(after: slash)...])
        guard let kind = ResourceResolver.kind(for: type) else { throw .unknownResourceType(type) }
        guard !name.isEmpty else { throw .message("arguments in resource/name form must have a single resource and name") }
        pairs.append((kind, name))
      }
      return .byName(pairs)
    }
    let kinds = try ResourceResolver.kinds(for: first)
    let names = Array(positionals.dropFirst())
    if names.contains(where: { $0.contains("/") }) {
      throw .message("there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'")
    }
    return .byType(kinds, names: names)
  }
}

/// `--field-selector metadata.name=x,status.phase!=Running`.
struct FieldSelector {
  var requirements: [(path: String, equals: Bool, value: String)] = []

  static func parse(_ text: String) throws(KubectlError) -> FieldSelector {
    var selector = FieldSelector()
    guard !text.isEmpty else { return selector }
    for term in text.split(separator: ",") {
      let term = String(term)
      if let range = term.range(of: "!=") {
        selector.requirements.append((String(term[..<range.lowerBound]), false, String(term[range.upperBound...])))
      } else if let range = term.range(of: "==") ?? term.range(of: "=") {
        selector.requirements.append((String(term[..<range.lowerBound]), true, String(term[range.upperBound...])))
      } else {
        throw .message("invalid selector: '\(text)'; can't understand '\(term)'")
      }
    }
    return selector
  }

  /// The field labels the API server can select on, besides
  /// `metadata.name` and `metadata.namespace`.
  static let supported: [Kind: Set<String>] = [
    .pod: ["spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "spec.hostNetwork", "status.phase", "status.podIP", "status.podIPs", "status.nominatedNodeName"],
    .node: ["spec.unschedulable"],
    .event: ["involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"],
    .secret: ["type"],
    .namespace: ["status.phase"],
    .replicaSet: ["status.replicas"],
    .job: ["status.successful"],
    .service: ["spec.clusterIP", "spec.type"],
  ]

  /// The first field label `kind` cannot be selected on, if any.
  func unsupportedLabel(for kind: Kind) -> String? {
    requirements.map(\.path).first { path in
      path != "metadata.name" && path != "metadata.namespace" && !(FieldSelector.supported[kind]?.contains(path) ?? false)
    }
  }

  func matches(_ object: Object) -> Bool {
    requirements.allSatisfy { requirement in
      let actual = object.content[path: requirement.path]?.scalarText ?? ""
      return (actual == requirement.value) == requirement.equals
    }
  }
}

/// `--sort-by=.metadata.creationTimestamp` (or `{.spec.replicas}`): a
/// JSONPath whose first result orders the objects, numbers numerically and
/// strings in natural order; objects without the field come first.
enum SortBy {
  static func sort(_ objects: [Object], by expression: String) throws(KubectlError) -> [Object] {
    let relaxed = try TemplatePrinter.relaxed(expression)
    let path: JSONPath
    do {
      path = try JSONPath(relaxed)
    } catch {
      throw .message(error.message)
    }
    var keys: [JSONValue?] = []
    for object in objects {
      let results = (try? path.findResults(object.content)) ?? []
      keys.append(results.first?.first)
    }
    if !objects.isEmpty && keys.allSatisfy({ $0 == nil }) {
      throw .message("couldn't find any field with path \"\(relaxed)\" in the list of objects")
    }
    return objects.indices.sorted { a, b in
      let less = isLess(keys[a], keys[b])
      let more = isLess(keys[b], keys[a])
      return less || (!more && a < b)
    }.map { objects[$0] }
  }

  static func isLess(_ a: JSONValue?, _ b: JSONValue?) -> Bool {
    guard let a else { return b != nil }
    guard let b else { return false }
    switch (a, b) {
    case (.int, .int), (.int, .double), (.double, .int), (.double, .double):
      return (a.double ?? 0) < (b.double ?? 0)
    case (.string(let x), .string(let y)): return naturalLess(x, y)
    case (.bool(let x), .bool(let y)): return !x && y
    default: return a.scalarText < b.scalarText
    }
  }

  /// `sortorder.NaturalLess`: runs of digits compare as numbers.
  static func naturalLess(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    var i = 0
    var j = 0
    func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    while i < x.count && j < y.count {
      if isDigit(x[i]) && isDigit(y[j]) {
        var ei = i
        while ei < x.count && isDigit(x[ei]) { ei += 1 }
        var ej = j
        while ej < y.count && isDigit(y[ej]) { ej += 1 }
        var si = i
        while si < ei - 1 && x[si] == 48 { si += 1 }
        var sj = j
        while sj < ej - 1 && y[sj] == 48 { sj += 1 }
        let lx = ei - si
        let ly = ej - sj
        if lx != ly { return lx < ly }
        for k in 0..<lx where x[si + k] != y[sj + k] { return x[si + k] < y[sj + k] }
        if ei - i != ej - j { return ei - i < ej - j }
        i = ei
        j = ej
        continue
      }
      if x[i] != y[j] { return x[i] < y[j] }
      i += 1
      j += 1
    }
    return x.count - i < y.count - j
  }
}

extension Kind {
  /// `"apps/v1, Resource=deployments"`: how kubectl's resource builder names
  /// what it listed in a list error (a quoted GroupVersionResource).
  var quotedResource: String {
    GoScalar.goQuoted("\(group)/\(apiVersion.split(separator: "/").last ?? "v1"), Resource=\(resource)")
  }
}
