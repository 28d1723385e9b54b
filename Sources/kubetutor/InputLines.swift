import ArgumentParser
import Foundation

/// The lines a subcommand's shell reads: the lines of `script`, or of
/// standard input when it is nil or `-`.
///
/// - Throws: `ExitCode(2)`, after saying so, when the file cannot be read.
func inputLines(script: String?) throws -> AnyIterator<String> {
  guard let script, script != "-" else {
    return AnyIterator { Swift.readLine(strippingNewline: true) }
  }
  guard let text = try? String(contentsOfFile: script, encoding: .utf8) else {
    FileHandle.standardError.write(Data("kubetutor: \(script): No such file or directory\n".utf8))
    throw ExitCode(2)
  }
  var all = text.components(separatedBy: "\n")
  if all.last == "" { all.removeLast() }
  return AnyIterator(all.makeIterator())
}
