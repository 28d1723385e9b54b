/// The three standard streams of the command being run.
struct ShellIO {
  var stdin: InputSource
  var stdout: OutputChannel
  var stderr: OutputChannel
}
