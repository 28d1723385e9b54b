import Shell
import Testing

@Suite("Quoting and word expansion")
struct QuotingTests {
  @Test func doubleQuotesKeepSpaces() {
    #expect(shellStdout(#"echo "a  b""#) == "a  b\n")
  }

  @Test func unquotedWordsAreJoinedBySingleSpaces() {
    #expect(shellStdout("echo a  b") == "a b\n")
  }

  @Test func singleQuotesAreLiteral() {
    #expect(shellStdout("HOME=/home/me; echo '$HOME' \"$HOME\"") == "$HOME /home/me\n")
  }

  @Test func commandSubstitutionInsideDoubleQuotes() {
    #expect(shellStdout(#"echo "$(echo hi)""#) == "hi\n")
    #expect(shellStdout(#"echo "[$(echo "a  b")]""#) == "[a  b]\n")
  }

  @Test func adjacentQuotedPartsFormOneWord() {
    let harness = ShellHarness()
    var seen: [String] = []
    harness.shell.commandFinished = { argv, _ in seen = argv }
    _ = harness.shell.run("kubectl wait --for=jsonpath='{.status.phase}'=Running pod/web")
    #expect(seen == ["kubectl", "wait", "--for=jsonpath={.status.phase}=Running", "pod/web"])
  }

  @Test func backslashEscapes() {
    #expect(
      shellStdout(#"echo \$HOME a\ b "q\"uote" "back\\slash" "\`tick\`" 'it'\''s'"#)
        == "$HOME a b q\"uote back\\slash `tick` it's\n")
    #expect(shellStdout(#"echo "keep \n as is""#) == "keep \\n as is\n")
  }

  @Test func unquotedExpansionIsSplitQuotedIsNot() {
    #expect(
      shellStdout(#"X="a   b"; printf '[%s]' $X; echo; printf '[%s]' "$X"; echo"#)
        == "[a][b]\n[a   b]\n"
    )
  }

  @Test func emptyUnquotedExpansionDisappearsButEmptyQuotesStay() {
    #expect(shellStdout(#"printf '[%s]' $UNSET x "" "$UNSET"; echo"#) == "[x][][]\n")
  }

  @Test func parameterForms() {
    #expect(
      shellStdout(#"N=web; echo ${N}-1 ${MISSING:-default} ${N:+set} ${#N}"#)
        == "web-1 default set 3\n")
    #expect(shellStdout(#"echo ${A:=first}; echo $A"#) == "first\nfirst\n")
    #expect(
      shellStdout(#"P=pod/web-1; echo ${P#pod/} ${P%-*} ${P/web/api}"#)
        == "web-1 pod/web pod/api-1\n")
    #expect(shellStdout(#"F=a.tar.gz; echo ${F%%.*} ${F##*.} ${F:2:3}"#) == "a gz tar\n")
  }

  @Test("${NAME:?message} fails and drops the rest of the input, as interactive bash does")
  func errorIfUnset() {
    let run = runShell(#"echo ${NAMESPACE:?set it first}; echo next"#)
    #expect(run.stderr == "kubetutor: NAMESPACE: set it first\n")
    #expect(run.stdout == "")
    #expect(run.status == 1)
  }

  @Test func defaultOperandKeepsItsQuoting() {
    #expect(shellStdout(#"printf '[%s]' ${V:-"c  d"} ${V:-c  d}; echo"#) == "[c  d][c][d]\n")
  }

  @Test func caseModificationAndIndirection() {
    #expect(
      shellStdout(#"msg="hello world"; echo ${msg^} ${msg^^} ${msg,,}"#)
        == "Hello world HELLO WORLD hello world\n")
    #expect(shellStdout(#"target=web; name=target; echo ${!name}"#) == "web\n")
  }

  @Test func exitStatusParameter() {
    #expect(shellStdout("false; echo $?; true; echo $?") == "1\n0\n")
  }

  @Test func braceExpansion() {
    #expect(shellStdout("echo {1..3}") == "1 2 3\n")
    #expect(shellStdout("echo web-{a,b}.yaml") == "web-a.yaml web-b.yaml\n")
    #expect(shellStdout("echo {3..1} {a..c} {01..03} {1..7..3}") == "3 2 1 a b c 01 02 03 1 4 7\n")
    #expect(shellStdout("echo x{a,b{1,2}}y") == "xay xb1y xb2y\n")
    #expect(shellStdout(#"echo "{1..3}" \{a,b} {a} {}"#) == "{1..3} {a,b} {a} {}\n")
  }

  @Test func jsonpathBracesAreLeftAlone() {
    #expect(shellStdout("echo {.items[*].metadata.name}") == "{.items[*].metadata.name}\n")
  }

  @Test func arithmetic() {
    #expect(
      shellStdout("i=4; echo $((i + 1)) $(( (2+3)*4 )) $((7 / 2)) $((7 % 2)) $((2**10))")
        == "5 20 3 1 1024\n")
    #expect(shellStdout("i=1; : $((i += 5)); echo $i") == "6\n")
    #expect(
      runShell("echo $((1/0))").stderr == "kubetutor: 1/0: division by 0 (error token is \"0\")\n")
  }

  @Test func ansiCQuotes() {
    #expect(shellStdout("echo $'a\\tb'") == "a\tb\n")
  }

  @Test func backquotes() {
    #expect(shellStdout("echo `echo hi` \"`printf 'a  b'`\"") == "hi a  b\n")
  }

  @Test func nestedCommandSubstitution() {
    #expect(shellStdout(#"echo "$(echo "$(echo inner) outer")""#) == "inner outer\n")
    #expect(shellStdout(#"echo $(echo ')' ; echo "(")"#) == ") (\n")
  }

  @Test func commandSubstitutionStripsTrailingNewlines() {
    #expect(shellStdout(#"X=$(printf 'a\n\n\n'); echo "[$X]""#) == "[a]\n")
  }

  @Test func commentsAreIgnored() {
    #expect(shellStdout("echo a # it's a comment\necho b#c") == "a\nb#c\n")
  }
}
