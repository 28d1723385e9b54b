import Foundation

/// Sample inputs from the repository: transcripts' command lines and
/// heredoc manifests, lessons and scenarios.
enum FuzzSamples {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  private static func files(in folder: String, ext: String) -> [String] {
    let url = root.appendingPathComponent(folder)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    return names.filter { $0.hasSuffix("." + ext) }.sorted().compactMap {
      try? String(contentsOf: url.appendingPathComponent($0), encoding: .utf8)
    }
  }

  private static var transcripts: [String] { files(in: "Tests/ShellTests/Transcripts", ext: "session") }

  /// Every `$ ` line of the transcripts, without its prompt, and the lines
  /// of the fuzz corpus.
  static func shellLines() -> [String] {
    var lines: [String] = []
    for text in transcripts {
      for line in text.split(separator: "\n") where line.hasPrefix("$ ") {
        lines.append(String(line.dropFirst(2)))
      }
    }
    for text in files(in: "fuzz/corpus/shell", ext: "txt") {
      lines += text.split(separator: "\n").map(String.init)
    }
    return lines
  }

  /// The bodies of the transcripts' heredocs, and the manifests the repository's fuzz corpus keeps.
  static func manifests() -> [String] {
    var found: [String] = []
    for text in transcripts {
      var body: [Substring]?
      for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("$ "), line.contains("<<") {
          body = []
        } else if body != nil, line.hasPrefix("> ") || line == ">" {
          let content = line.dropFirst(2)
          if content == "EOF" {
            found.append(body!.joined(separator: "\n") + "\n")
            body = nil
          } else {
            body!.append(content)
          }
        } else {
          body = nil
        }
      }
    }
    return found + files(in: "fuzz/corpus/manifest", ext: "yaml")
  }

  static func contentFiles() -> [String] {
    files(in: "lessons", ext: "yaml") + files(in: "scenarios", ext: "yaml")
  }
}
