import Foundation

/// Redirections: files in the working directory, descriptor duplication,
/// here-documents and here-strings.
extension ShellInterpreter {
  /// Applies `redirections` left to right to a copy of `io`; files opened
  /// for writing are added to `opened` for the caller to close.
  mutating func applyRedirections(
    _ redirections: [Redirection], _ io: ShellIO, opened: inout [OutputChannel]
  ) throws -> ShellIO {
    var io = io
    for redirection in redirections {
      switch redirection {
      case .file(let fd, let mode, let target):
        let path = try expandTarget(target, io)
        switch mode {
        case .read:
          let text = try readForRedirection(path)
          if fd == 0 { io.stdin = InputSource(text) }
        case .write, .append:
          let channel = try openOutput(path, append: mode == .append, io)
          opened.append(channel)
          assign(channel, to: fd, in: &io)
        }
      case .duplicate(let fd, let target):
        let word = try expandTarget(target, io)
        if word == "-" {
          assign(.discard(), to: fd, in: &io)
        } else if let source = Int(word) {
          switch source {
          case 0: break
          case 1: assign(io.stdout, to: fd, in: &io)
          case 2: assign(io.stderr, to: fd, in: &io)
          default: throw ShellFailure("\(source): Bad file descriptor")
          }
        } else if fd == 1 {
          let channel = try openOutput(word, append: false, io)
          opened.append(channel)
          io.stdout = channel
          io.stderr = channel
        } else {
          throw ShellFailure("\(word): ambiguous redirect")
        }
      case .allOutput(let target, let append):
        let channel = try openOutput(try expandTarget(target, io), append: append, io)
        opened.append(channel)
        io.stdout = channel
        io.stderr = channel
      case .hereDocument(let fd, let document):
        let text = try expandString(document.body, io)
        if fd == 0 { io.stdin = InputSource(text) }
      case .hereString(let fd, let word):
        let text = try expandString(word, io) + "\n"
        if fd == 0 { io.stdin = InputSource(text) }
      }
    }
    return io
  }

  private func assign(_ channel: OutputChannel, to fd: Int, in io: inout ShellIO) {
    switch fd {
    case 1: io.stdout = channel
    case 2: io.stderr = channel
    default: break
    }
  }

  /// Expands a redirection target, which must be exactly one word.
  private mutating func expandTarget(_ word: ShellWord, _ io: ShellIO) throws -> String {
    let fields = try expandWords([word], io)
    guard fields.count == 1, let path = fields.first else {
      throw ShellFailure("\(fields.joined(separator: " ")): ambiguous redirect")
    }
    return path
  }

  private func readForRedirection(_ path: String) throws -> String {
    do {
      return try context.readFile(path)
    } catch {
      throw ShellFailure("\(path): \(error)")
    }
  }

  /// Opens `path` for writing, creating or truncating it unless `append`.
  private func openOutput(_ path: String, append: Bool, _ io: ShellIO) throws -> OutputChannel {
    switch path {
    case "/dev/null": return .discard()
    case "/dev/stdout": return io.stdout
    case "/dev/stderr": return io.stderr
    default: break
    }
    let url: URL
    do {
      url = try context.resolve(path)
    } catch {
      throw ShellFailure("\(path): \(error)")
    }
    switch context.kind(of: path) {
    case .directory:
      throw ShellFailure("\(path): Is a directory")
    case .file where append:
      break
    case .file, nil:
      guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
        let parent = url.deletingLastPathComponent().path
        let exists = FileManager.default.fileExists(atPath: parent)
        throw ShellFailure(
          "\(path): " + (exists ? "Permission denied" : "No such file or directory"))
      }
    }
    guard let handle = FileHandle(forWritingAtPath: url.path) else {
      throw ShellFailure("\(path): Permission denied")
    }
    handle.seekToEndOfFile()
    return .file(handle)
  }
}
