import KubeCluster

/// What one kubectl command produced: kubectl is a pure function of
/// (arguments, stdin, cluster) to this.
package struct CommandOutput: Equatable, Sendable {
  package var stdout: String
  package var stderr: String
  package var exitCode: Int32
  /// Forwards `kubectl port-forward` opened, for the shell to keep until
  /// the session ends.
  package var portForwards: [PortForward] = []
  /// The `kubectl proxy` it started, for the shell to keep like a port-forward.
  package var proxies: [APIProxy] = []
  /// The kubeconfig namespace after the command, when it changed it
  /// (`kubectl config set-context --current --namespace=dev`): the shell
  /// keeps it for the commands that follow.
  package var namespace: String?
  /// A shell that reads the learner's terminal (`kubectl exec -it POD --
  /// sh` at a TTY): the shell runs it until the in-pod shell exits.
  package var execSession: ExecSession?

  package init(stdout: String = "", stderr: String = "", exitCode: Int32 = 0, namespace: String? = nil) {
    self.stdout = stdout
    self.stderr = stderr
    self.exitCode = exitCode
    self.namespace = namespace
  }

  /// Output and errors in the order the command wrote them, when it
  /// wrote them with `out` and `err`; empty otherwise (then the shell
  /// writes standard output first).
  package var chunks: [OutputChunk] = []

  /// Writes to standard output, keeping the order with standard error.
  package mutating func out(_ text: String) {
    stdout += text
    if !text.isEmpty { chunks.append(OutputChunk(isError: false, text: text)) }
  }

  /// Writes to standard error, keeping the order with standard output.
  package mutating func err(_ text: String) {
    stderr += text
    if !text.isEmpty { chunks.append(OutputChunk(isError: true, text: text)) }
  }

  /// The chunks, when they hold all of the output and nothing else.
  package var orderedChunks: [OutputChunk]? {
    guard !chunks.isEmpty else { return nil }
    let written = chunks.filter { !$0.isError }.map(\.text).joined()
    let errors = chunks.filter(\.isError).map(\.text).joined()
    return written == stdout && errors == stderr ? chunks : nil
  }

  package mutating func append(_ other: CommandOutput) {
    if let ordered = other.orderedChunks {
      chunks += ordered
    } else {
      if !other.stdout.isEmpty { chunks.append(OutputChunk(isError: false, text: other.stdout)) }
      if !other.stderr.isEmpty { chunks.append(OutputChunk(isError: true, text: other.stderr)) }
    }
    stdout += other.stdout
    stderr += other.stderr
    if other.exitCode != 0 { exitCode = other.exitCode }
    if let namespace = other.namespace { self.namespace = namespace }
  }
}

/// A piece of a command's output and the stream it went to.
package struct OutputChunk: Equatable, Sendable {
  package var isError: Bool
  package var text: String

  package init(isError: Bool, text: String) {
    self.isError = isError
    self.text = text
  }
}

/// What kubectl sees around it besides the cluster: its kubeconfig
/// namespace, its files, stdin, and how it is being run.
package struct KubectlEnvironment: Sendable {
  /// The namespace of the current kubeconfig context.
  package var namespace: String
  package var stdin: String
  /// Reads a file by the path the user typed (relative to the working directory).
  package var readFile: @Sendable (String) throws -> String
  /// Lists a directory's entries (names), or nil when the path is not a directory.
  package var listDirectory: @Sendable (String) -> [String]?
  /// Whether commands that block (watches, `logs -f`) may wait on the clock.
  package var interactive: Bool
  /// Terminal width for tables that wrap; nil when not a terminal.
  package var width: Int?
  /// Whether kubectl's stdin is the learner's terminal (the interactive
  /// shell with nothing redirected into the command).
  package var stdinIsTerminal = false
  /// The editor `kubectl edit` opens: given the file's text, returns the
  /// saved text, or nil when the editor failed. Nil when there is none.
  package var edit: (@Sendable (String) -> String?)?
  /// Writes a file by the path the user typed (`kubectl cp POD:PATH FILE`);
  /// nil where kubectl may not write files.
  package var writeFile: (@Sendable (String, String) throws -> Void)?

  package init(
    namespace: String = "default", stdin: String = "",
    readFile: @escaping @Sendable (String) throws -> String = { path in
      throw FileError.notFound(path)
    },
    listDirectory: @escaping @Sendable (String) -> [String]? = { _ in nil },
    interactive: Bool = false, width: Int? = nil,
    edit: (@Sendable (String) -> String?)? = nil
  ) {
    self.edit = edit
    self.namespace = namespace
    self.stdin = stdin
    self.readFile = readFile
    self.listDirectory = listDirectory
    self.interactive = interactive
    self.width = width
  }
}

/// A file the environment could not read.
package enum FileError: Error, Equatable {
  case notFound(String)
  case isDirectory(String)
}

/// One `kubectl port-forward` mapping: a local port to a pod's port.
package struct PortForward: Equatable, Sendable {
  package var localPort: Int
  package var pod: ObjectKey
  package var podPort: Int

  package init(localPort: Int, pod: ObjectKey, podPort: Int) {
    self.localPort = localPort
    self.pod = pod
    self.podPort = podPort
  }
}

/// A process in a container attached to the learner's terminal.
package struct ExecSession: Equatable, Sendable {
  package var pod: ObjectKey
  package var container: String
  package var command: [String]
  /// Whether kubectl asked for a TTY (`-t`): the in-pod shell shows its prompt.
  package var tty: Bool
  /// `kubectl run -i --rm`: the pod is deleted when the shell ends.
  package var removesPod: Bool
  /// The shell is the container's main process (`kubectl run -i`): the
  /// container exits when the session ends.
  package var endsMainProcess = false
  /// What kubectl prints on stdout when the session ends (attach's
  /// "Session ended, resume using …").
  package var endNotice = ""
  /// `kubectl run -i --restart=Never`: a non-zero exit is reported as the
  /// pod's termination, with the shell's exit code.
  package var reportsTermination = false

  package init(pod: ObjectKey, container: String, command: [String], tty: Bool, removesPod: Bool = false) {
    self.pod = pod
    self.container = container
    self.command = command
    self.tty = tty
    self.removesPod = removesPod
  }
}
