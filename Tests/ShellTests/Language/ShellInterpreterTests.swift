import Foundation
import Shell
import Testing

/// Pod listing used as a file and as piped input.
let podTable = """
  NAME READY STATUS RESTARTS AGE
  web-1 1/1 Running 0 5m
  web-2 0/1 Pending 0 1m
  api-1 1/1 Running 3 10m

  """

@Suite("Shell interpreter")
struct ShellInterpreterTests {
  // MARK: Lists and control flow

  @Test func forLoop() {
    #expect(shellStdout("for i in 1 2 3; do echo $i; done") == "1\n2\n3\n")
    #expect(shellStdout("for i in {1..3}; do echo -n \"$i \"; done; echo") == "1 2 3 \n")
    #expect(shellStdout("for i in\ndo echo never\ndone; echo done") == "done\n")
  }

  @Test func loopOverCommandOutputIsSplitIntoWords() {
    let harness = ShellHarness()
    harness.directory.write("pods.txt", podTable)

    let run = harness.run(#"for p in $(awk 'NR>1 {print $1}' pods.txt); do echo "pod: $p"; done"#)

    #expect(run.stdout == "pod: web-1\npod: web-2\npod: api-1\n")
  }

  @Test("&& and || short-circuit on exit codes")
  func andOrShortCircuit() {
    #expect(shellStdout("false && echo yes || echo no; echo $?") == "no\n0\n")
    #expect(shellStdout("true || echo never; echo $?") == "0\n")
    #expect(shellStdout("true && false; echo $?") == "1\n")
    #expect(shellStdout("echo a && { echo b; false; } || echo c") == "a\nb\nc\n")
    #expect(shellStdout("false; echo $?; ! false; echo $?") == "1\n0\n")
  }

  @Test func ifElifElse() {
    let source =
      "x=5; if [ $x -gt 3 ]; then echo big; elif [ $x -gt 1 ]; then echo mid; else echo small; fi"

    #expect(shellStdout(source) == "big\n")
    #expect(shellStdout("if false; then echo a; else echo b; fi") == "b\n")
    #expect(shellStdout("if grep -q x /dev/null; then echo found; fi; echo $?") == "0\n")
  }

  @Test func whileUntilBreakContinue() {
    #expect(shellStdout("i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done") == "0\n1\n2\n")
    #expect(shellStdout("i=0; until [ $i -ge 2 ]; do echo u$i; i=$((i+1)); done") == "u0\nu1\n")
    #expect(
      shellStdout("for i in 1 2 3 4; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done")
        == "1\n3\n")
    #expect(
      shellStdout(
        "for i in 1 2; do for j in a b; do [ $j = b ] && continue 2; echo $i$j; done; done")
        == "1a\n2a\n")
    #expect(
      shellStdout("for i in 1 2; do for j in a b; do [ $i = 2 ] && break 2; echo $i$j; done; done")
        == "1a\n1b\n")
  }

  @Test func subshellsAndGroups() {
    #expect(shellStdout("x=outer; (x=inner; echo $x); echo $x") == "inner\nouter\n")
    #expect(shellStdout("x=outer; { x=inner; }; echo $x") == "inner\n")
    #expect(shellStdout("(exit 4); echo $?") == "4\n")
  }

  @Test func exitStopsTheInput() {
    let harness = ShellHarness()

    let run = harness.run("echo before; exit 3; echo after")

    #expect(run.stdout == "before\n")
    #expect(run.status == 3)
    #expect(harness.shell.exitRequested == 3)
  }

  // MARK: Pipelines

  @Test func pipelinesThroughTextTools() {
    let harness = ShellHarness()
    harness.directory.write("pods.txt", podTable)

    #expect(harness.run("cat pods.txt | grep Running | wc -l").stdout == "2\n")
    #expect(
      harness.run("cat pods.txt | awk 'NR>1 {print $1, $3}' | sort | head -n 2").stdout
        == "api-1 Running\nweb-1 Running\n")
    #expect(
      harness.run("grep -v NAME pods.txt | sort -k4 -n -r | head -1 | cut -d' ' -f1").stdout
        == "api-1\n")
    #expect(
      harness.run("tail -n +2 pods.txt | awk '{print $3}' | sort | uniq -c").stdout
        == "      1 Pending\n      2 Running\n")
  }

  @Test func pipelineStatusIsTheLastCommands() {
    #expect(shellStdout("true | false; echo $?") == "1\n")
    #expect(shellStdout("false | true; echo $?") == "0\n")
  }

  @Test("each element of a pipeline runs in a subshell")
  func pipelineVariablesDoNotLeak() {
    #expect(
      shellStdout("n=0; printf 'a\\nb\\n' | while read line; do n=$((n+1)); done; echo $n") == "0\n"
    )
  }

  @Test func whileReadTakesOneLineAtATime() {
    #expect(
      shellStdout(#"printf 'a b c\nd e f\n' | while read x y; do echo "$y-$x"; done"#)
        == "b c-a\ne f-d\n")
    #expect(shellStdout("echo a | (read x; echo got $x)") == "got a\n")
  }

  @Test func stderrCanJoinThePipe() {
    #expect(runShell("{ echo out; echo err >&2; } 2>&1 | wc -l").stdout == "2\n")
    #expect(runShell("missing |& cat").stdout == "kubetutor: missing: command not found\n")
    let run = runShell("{ echo out; echo err >&2; } | wc -l")
    #expect(run.stdout == "1\n")
    #expect(run.stderr == "err\n")
  }

  // MARK: Command substitution and variables

  @Test func commandSubstitutionFeedsAVariable() {
    #expect(shellStdout("POD=$(echo web-1); echo pod is $POD") == "pod is web-1\n")
    #expect(shellStdout("X=$(false); echo $?") == "1\n")
    #expect(shellStdout("echo \"$(printf 'x\\ny')\"; echo $(printf 'x\\ny')") == "x\ny\nx y\n")
  }

  @Test func commandSubstitutionRunsInASubshell() {
    #expect(shellStdout("x=1; y=$(x=2; echo $x); echo $x $y") == "1 2\n")
  }

  @Test func prefixAssignmentsReachOnlyThatCommand() {
    var table = CommandTable.standard
    table.register("show") { _, _, context in
      CommandResult(stdout: (context.environment["NS"] ?? "-") + "\n")
    }
    let harness = ShellHarness(host: table)

    #expect(harness.run("NS=prod show; show; echo ${NS:-unset}").stdout == "prod\n-\nunset\n")
    #expect(harness.run("export NS=dev; show").stdout == "dev\n")
  }

  @Test func exportWithoutSplitting() {
    #expect(shellStdout(#"V="a  b"; export W=$V; echo "$W""#) == "a  b\n")
    #expect(runShell("export 1x=2").stderr == "kubetutor: export: `1x=2': not a valid identifier\n")
  }

  @Test func unsetAndArithmetic() {
    #expect(shellStdout(#"X=1; unset X; echo "[$X]""#) == "[]\n")
    #expect(shellStdout("i=5; echo $((i++)) $i $((++i)) $((i--)) $i") == "5 6 7 7 6\n")
    #expect(
      runShell("echo $((1 +))").stderr
        == "kubetutor: 1 +: syntax error: operand expected (error token is \"+\")\n")
  }

  // MARK: Redirections

  @Test func redirectionWritesAppendsAndReadsBack() {
    let harness = ShellHarness()

    let run = harness.run(
      "echo hello > out.txt; echo world >> out.txt; cat out.txt; wc -l < out.txt")

    #expect(run.stdout == "hello\nworld\n2\n")
    #expect(harness.directory.read("out.txt") == "hello\nworld\n")
  }

  @Test func redirectionOrderMatters() {
    let harness = ShellHarness()

    let joined = harness.run("{ echo out; echo err >&2; } > f.txt 2>&1; cat f.txt")
    let split = harness.run("{ echo out; echo err >&2; } 2>&1 > g.txt")

    #expect(joined.stdout == "out\nerr\n")
    #expect(split.stdout == "err\n")
    #expect(harness.directory.read("g.txt") == "out\n")
  }

  @Test func allOutputAndDevNull() {
    let harness = ShellHarness()

    let run = harness.run(
      "{ echo a; echo b >&2; } &> all.txt; echo err 2>/dev/null >&2; echo x > /dev/null; cat all.txt"
    )

    #expect(run.stdout == "a\nb\n")
    #expect(run.stderr == "")
  }

  @Test func loopOutputGoesToOneFile() {
    let harness = ShellHarness()

    harness.run("for i in 1 2; do echo line$i; done > loop.txt")

    #expect(harness.directory.read("loop.txt") == "line1\nline2\n")
  }

  @Test("a redirection may not leave the working directory")
  func redirectionsStayInTheSandbox() {
    let harness = ShellHarness()

    let up = harness.run("echo x > ../kubetutor-escape-check")
    let absolute = harness.run("echo x > /etc/kubetutor-test")
    let sneaky = harness.run("echo x > sub/../../x")

    #expect(up.stderr == "kubetutor: ../kubetutor-escape-check: Permission denied\n")
    #expect(up.status == 1)
    #expect(absolute.stderr == "kubetutor: /etc/kubetutor-test: Permission denied\n")
    #expect(sneaky.stderr == "kubetutor: sub/../../x: Permission denied\n")
    let parent = harness.directory.url.deletingLastPathComponent().path
    #expect(!FileManager.default.fileExists(atPath: parent + "/kubetutor-escape-check"))
    #expect(harness.run("cat ../x").stderr == "cat: ../x: Permission denied\n")
  }

  @Test func redirectionErrors() {
    let harness = ShellHarness()
    harness.directory.write("m/a.yaml", "kind: Pod\n")

    #expect(
      harness.run("cat < missing.txt").stderr
        == "kubetutor: missing.txt: No such file or directory\n")
    #expect(harness.run("echo x > m").stderr == "kubetutor: m: Is a directory\n")
    #expect(
      harness.run("echo x > nodir/x").stderr == "kubetutor: nodir/x: No such file or directory\n")
    #expect(harness.run("echo x > m/b.txt; cat m/b.txt").stdout == "x\n")
  }

  @Test func hereDocumentsAndHereStrings() {
    #expect(
      shellStdout("NAME=web\ncat <<EOF\nhello $NAME\nsum $((1+2)) $(echo sub)\nEOF\n")
        == "hello web\nsum 3 sub\n")
    #expect(shellStdout("cat <<'EOF'\nkeep $(date) and $HOME\nEOF\n") == "keep $(date) and $HOME\n")
    #expect(
      shellStdout("cat <<-EOF\n\ttab stripped\n\t\ttwo tabs\n\tEOF\n") == "tab stripped\ntwo tabs\n"
    )
    #expect(shellStdout("cat <<EOF | grep b\na\nb\nc\nEOF\n") == "b\n")
    #expect(shellStdout("cat <<< \"here string\"") == "here string\n")
    #expect(shellStdout("cat <<EOF > h.txt\nx=$((2*3))\nEOF\ncat h.txt") == "x=6\n")
  }

  @Test func globbingMatchesFilesInTheWorkingDirectory() {
    let harness = ShellHarness()
    harness.directory.write("b.yaml", "")
    harness.directory.write("a.yaml", "")
    harness.directory.write("m/c.yaml", "")

    #expect(harness.run("echo *.yaml m/*.yaml").stdout == "a.yaml b.yaml m/c.yaml\n")
    #expect(harness.run("echo *.none '*.yaml' \\*.yaml").stdout == "*.none *.yaml *.yaml\n")
  }

  @Test func changeDirectoryStaysInside() {
    let harness = ShellHarness()
    harness.directory.write("m/a.yaml", "kind: Pod\n")

    #expect(
      harness.run("cd m; cat a.yaml; cd ..; ls_status=$?; echo $ls_status").stdout
        == "kind: Pod\n0\n")
    #expect(harness.run("cd ..").stderr == "kubetutor: cd: ..: Permission denied\n")
    #expect(harness.run("cd nope").stderr == "kubetutor: cd: nope: No such file or directory\n")
  }

  // MARK: Host, streaming and hooks

  @Test func unknownCommandsGoToTheHost() {
    let run = runShell("notacommand arg")

    #expect(run.stderr == "kubetutor: notacommand: command not found\n")
    #expect(run.status == 127)
  }

  @Test func hostReceivesExpandedArgumentsAndPipedInput() {
    var seen: [(argv: [String], stdin: String)] = []
    var table = CommandTable.standard
    table.register("kubectl") { argv, stdin, _ in
      seen.append((argv, stdin))
      return CommandResult(stdout: "pod/web created\n")
    }
    let harness = ShellHarness(host: table)

    let run = harness.run("NAME=web\ncat <<EOF | kubectl apply -f -\nname: $NAME\nEOF\n")

    #expect(run.stdout == "pod/web created\n")
    #expect(seen.map(\.argv) == [["kubectl", "apply", "-f", "-"]])
    #expect(seen.map(\.stdin) == ["name: web\n"])
  }

  @Test("output reaches the sink as each command finishes, not at the end")
  func outputIsStreamed() {
    var transcriptWhenProbed: String?
    var transcript = ""
    var table = CommandTable.standard
    table.register("probe") { _, _, _ in
      transcriptWhenProbed = transcript
      return CommandResult()
    }
    var shell = ShellInterpreter(
      context: ShellContext(workingDirectory: ScratchDirectory().url), host: table,
      output: { _, text in transcript += text })

    shell.run("echo first; echo oops >&2; probe; echo last")

    #expect(transcriptWhenProbed == "first\noops\n")
    #expect(transcript == "first\noops\nlast\n")
  }

  @Test func commandFinishedHookSeesEveryCommand() {
    let harness = ShellHarness()

    harness.run("echo $(echo inner) | wc -l; false")

    #expect(harness.finished == [["echo", "inner"], ["echo", "inner"], ["wc", "-l"], ["false"]])
  }

  @Test func interruptStopsALoop() {
    let harness = ShellHarness()
    var polls = 0
    harness.shell.isInterrupted = {
      polls += 1
      return polls > 20
    }

    let run = harness.run("while true; do echo tick; done")

    #expect(run.status == 130)
    #expect(run.stdout.hasPrefix("tick\ntick\n"))
  }

  @Test func runawayLoopsAreStopped() {
    let harness = ShellHarness()
    harness.shell.maximumLoopIterations = 3

    let run = harness.run("while true; do echo t; done")

    #expect(run.stdout == "t\nt\nt\n")
    #expect(run.stderr == "kubetutor: loop stopped after 3 iterations\n")
  }

  @Test func syntaxErrorsSetStatusTwo() {
    let run = runShell("echo a ;;")

    #expect(run.stderr == "kubetutor: syntax error near unexpected token `;;'\n")
    #expect(run.status == 2)
  }

  // MARK: Builtins

  @Test func teeXargsEvalAndSource() {
    let harness = ShellHarness()

    #expect(harness.run("echo x | tee t1.txt | tr x y; cat t1.txt").stdout == "y\nx\n")
    #expect(
      harness.run("printf 'pod/a\\npod/b\\n' | xargs echo deleting").stdout
        == "deleting pod/a pod/b\n")
    #expect(harness.run("printf 'a\\nb\\n' | xargs -I{} echo item-{}").stdout == "item-a\nitem-b\n")
    #expect(harness.run("echo 'one two' | xargs -n1 echo").stdout == "one\ntwo\n")
    #expect(harness.run("eval 'echo evaluated $((1+1))'").stdout == "evaluated 2\n")
    #expect(
      harness.run("echo 'echo sourced' > s.sh; source s.sh; . ./s.sh").stdout
        == "sourced\nsourced\n")
  }

  @Test func positionalParameters() {
    let harness = ShellHarness()
    harness.shell.context.positionalParameters = ["a b", "c"]

    #expect(
      harness.run(#"for x in "$@"; do echo "[$x]"; done; echo $# $1"#).stdout
        == "[a b]\n[c]\n2 a b\n")
    harness.shell.context.positionalParameters = []
    #expect(harness.run(#"for x in "$@"; do echo never; done; echo none"#).stdout == "none\n")
  }

  @Test("extreme numbers end in an error or a bound, never a crash")
  func extremeNumbers() {
    #expect(shellStdout("seq 1e20 1e20") == "100000000000000000000\n")
    #expect(
      runShell("awk 'BEGIN { NF = 1e9 }'").stderr
        == "awk: program limit exceeded: maximum number of fields size=32767\n")
    #expect(shellStdout("echo $(( (-9223372036854775807 - 1) / -1 ))") == "-9223372036854775808\n")
  }

  @Test func pwdAndSpecialParameters() {
    let harness = ShellHarness()

    #expect(harness.run("pwd").stdout == harness.directory.url.path + "\n")
    #expect(harness.run("echo $0 $#").stdout == "kubetutor 0\n")
  }
}
