import Foundation

/// The commands the in-pod shell runs itself (`cd`, `exit`, `echo`,
/// busybox's `ps`, the filters), and the rest through the container.
extension PodShell {
  mutating func runCommand(_ words: [String], stdin: String?, cluster: inout Cluster) -> Step {
    var argv = words
    // Leading assignments: `X=1` alone sets a shell variable.
    while let first = argv.first, let equals = first.firstIndex(of: "="), first[..<equals].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), !first.hasPrefix("=") {
      variables[String(first[..<equals])] = String(first[first.index(after: equals)...])
      argv.removeFirst()
    }
    guard let name = argv.first else {
      lastStatus = 0
      return Step()
    }
    started += 1
    let args = Array(argv.dropFirst())
    var step = Step()
    var status = 0
    switch name {
    case "exit":
      let code = args.first.map { Int($0) ?? 2 } ?? lastStatus
      if flavor == .bash && interactive { step.stdout = "exit\n" }
      step.exit = code & 0xff
      return step
    case "cd":
      let target = args.first.map(resolve) ?? "/root"
      if PodShell.directories.contains(target) {
        directory = target
      } else {
        step.stderr = cdError(args.first ?? "", target: target)
        status = flavor == .ash || flavor == .bash ? 1 : 2
      }
    case "pwd":
      step.stdout = directory + "\n"
    case "export", "unset":
      for arg in args {
        if let equals = arg.firstIndex(of: "=") {
          variables[String(arg[..<equals])] = String(arg[arg.index(after: equals)...])
        } else if name == "unset" {
          variables[arg] = nil
        }
      }
    case "echo":
      var parts = args
      var newline = true
      if parts.first == "-n" {
        newline = false
        parts.removeFirst()
      }
      step.stdout = parts.joined(separator: " ") + (newline ? "\n" : "")
    case "clear":
      step.stdout = "\u{1B}[H\u{1B}[2J"
    case "ps":
      if family == .debian {
        step.stderr = notFound(name)
        status = 127
      } else {
        step.stdout = processes(cluster: cluster)
      }
    case "grep", "head", "tail", "wc":
      let (options, files) = PodShell.fileOperands(name, args)
      var sources: [(name: String?, text: String)] = []
      if stdin != nil || files.isEmpty { sources = [(nil, stdin ?? takeInput())] }
      for path in files where stdin == nil {
        guard let object = cluster.store.get(pod), let content = cluster.file(resolve(path), in: object, container: container)
        else {
          step.stderr += "\(name): \(path): No such file or directory\n"
          status = name == "grep" ? 2 : 1
          continue
        }
        sources.append((path, content))
      }
      var matched = false
      for source in sources {
        let (shown, found) = PodShell.filter(name, options, input: source.text)
        if found == 0 { matched = true }
        if name == "grep" && files.count > 1, let file = source.name {
          step.stdout += shown.split(separator: "\n").map { "\(file):\($0)\n" }.joined()
        } else if name == "wc", let file = source.name {
          step.stdout += shown.dropLast() + " \(file)\n"
        } else {
          step.stdout += shown
        }
      }
      status = max(status, matched ? 0 : 1)
      if name == "grep" && PodShell.grepPatterns(options).patterns.isEmpty {
        step = Step(stderr: "grep: missing pattern\n")
        status = 2
      }
    case "cat" where args.isEmpty || args == ["-"]:
      step.stdout = stdin ?? takeInput()
    default:
      guard let object = cluster.store.get(pod) else {
        step.exit = 137
        return step
      }
      let fileArguments: Set<String> = ["cat", "ls", "head", "tail", "wc"]
      let resolved = [name] + args.map { fileArguments.contains(name) && !$0.hasPrefix("-") ? resolve($0) : $0 }
      do {
        let result = try cluster.execute(resolved, in: object, container: container)
        step.stdout = result.stdout
        step.stderr = result.stderr
        // Programs name files as they were typed.
        for (typed, absolute) in zip(argv, resolved) where typed != absolute {
          step.stderr = step.stderr.replacingOccurrences(of: absolute, with: typed)
        }
        status = result.exitCode
      } catch {
        switch error {
        case .containerNotFound:
          step.exit = 137
          return step
        case .executableNotFound:
          step.stderr = notFound(name)
          status = 127
        }
      }
    }
    lastStatus = status
    return step
  }

  /// The attached stdin, once: the first reader gets it all.
  private mutating func takeInput() -> String {
    defer { input = nil }
    return input ?? ""
  }

  /// Folders a learner may `cd` into.
  static let directories: Set<String> = [
    "/", "/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib64", "/media", "/mnt", "/opt",
    "/proc", "/root", "/run", "/sbin", "/srv", "/sys", "/tmp", "/usr", "/var", "/usr/share",
    "/usr/share/nginx", "/usr/share/nginx/html", "/usr/local", "/usr/local/bin", "/var/log",
    "/var/run", "/var/run/secrets", "/var/run/secrets/kubernetes.io",
    "/var/run/secrets/kubernetes.io/serviceaccount", "/etc/nginx", "/etc/nginx/conf.d",
  ]

  /// An absolute, normalized path for `path` typed in the current folder.
  func resolve(_ path: String) -> String {
    var parts: [Substring] = []
    let full = path.hasPrefix("/") ? path : (path.hasPrefix("~") ? "/root" + path.dropFirst() : directory + "/" + path)
    for part in full.split(separator: "/") {
      if part == "." { continue }
      if part == ".." {
        _ = parts.popLast()
      } else {
        parts.append(part)
      }
    }
    return "/" + parts.joined(separator: "/")
  }

  /// busybox `ps`: the container's main process, this shell, and `ps`.
  private func processes(cluster: Cluster) -> String {
    let spec = (cluster.store.get(pod)?.content[path: "spec.containers"]?.array ?? []).first {
      $0["name"]?.string == container
    }
    var command = ((spec?["command"]?.array ?? []) + (spec?["args"]?.array ?? [])).compactMap(\.string)
    if command.isEmpty { command = [family == .busybox ? "sh" : "/bin/sh"] }
    func row(_ pid: Int, _ text: String) -> String {
      let number = String(pid)
      return String(repeating: " ", count: max(0, 5 - number.count)) + number + " root      0:00 " + text + "\n"
    }
    let shell = 7
    return "PID   USER     TIME  COMMAND\n" + row(1, command.joined(separator: " ")) + row(shell, program)
      + row(shell + started, "ps")
  }
}
