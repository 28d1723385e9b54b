import Shell
import Testing

@Suite("Shell parser")
struct ShellParserTests {
  /// The single simple command of a one-command input.
  func simple(_ source: String) throws -> SimpleCommand {
    let list = try ShellParser.parse(source)
    let item = try #require(list.items.first)
    let command = try #require(item.andOr.first.commands.first)
    guard case .simple(let simple) = command else {
      Issue.record("not a simple command: \(command)")
      return SimpleCommand()
    }
    return simple
  }

  @Test func wordsAndPrefixAssignmentsAndRedirections() throws {
    let command = try simple("A=1 B=x kubectl get pods > out.txt 2>&1")

    #expect(
      command.assignments == [
        Assignment(name: "A", value: .literal("1")), Assignment(name: "B", value: .literal("x")),
      ])
    #expect(command.words == [.literal("kubectl"), .literal("get"), .literal("pods")])
    #expect(
      command.redirections == [
        .file(fd: 1, mode: .write, target: .literal("out.txt")),
        .duplicate(fd: 2, target: .literal("1")),
      ])
  }

  @Test func everyRedirectionOperator() throws {
    let command = try simple("cmd < in >> log 2> err &> all &>> more >&2 <<< 'here'")

    #expect(
      command.redirections == [
        .file(fd: 0, mode: .read, target: .literal("in")),
        .file(fd: 1, mode: .append, target: .literal("log")),
        .file(fd: 2, mode: .write, target: .literal("err")),
        .allOutput(target: .literal("all"), append: false),
        .allOutput(target: .literal("more"), append: true),
        .duplicate(fd: 1, target: .literal("2")),
        .hereString(fd: 0, ShellWord([.quoted("here")])),
      ])
  }

  @Test func assignmentAloneAndExport() throws {
    #expect(
      try simple("POD=web-1").assignments == [Assignment(name: "POD", value: .literal("web-1"))])
    #expect(try simple("export NS=prod").words == [.literal("export"), .literal("NS=prod")])
    #expect(try simple("echo A=1").words == [.literal("echo"), .literal("A=1")])
  }

  @Test("adjacent quoted and unquoted parts form one word")
  func adjacentParts() throws {
    let command = try simple("kubectl wait --for=jsonpath='{.status.phase}'=Running")

    #expect(
      command.words.last
        == ShellWord([
          .literal("--for=jsonpath="), .quoted("{.status.phase}"), .literal("=Running"),
        ]))
  }

  @Test func quotingProducesQuotedParts() throws {
    let command = try simple(#"echo '$HOME' "a  b" "$POD" \$x "$(echo hi)" ${NS:-default}"#)

    #expect(
      command.words == [
        .literal("echo"),
        ShellWord([.quoted("$HOME")]),
        ShellWord([.quoted("a  b")]),
        ShellWord([.parameter(ParameterExpansion("POD"), quoted: true)]),
        ShellWord([.quoted("$"), .literal("x")]),
        ShellWord([.commandSubstitution(try ShellParser.parse("echo hi"), quoted: true)]),
        ShellWord([
          .parameter(
            ParameterExpansion("NS", .useDefault(.literal("default"), colon: true)), quoted: false)
        ]),
      ])
  }

  @Test func parameterModifiers() throws {
    let words = try simple(
      #"echo ${#P} ${P#pod/} ${P%%-*} ${P/a/b} ${P:1:2} ${P:=x} ${P:+y} ${P?z}"#
    ).words

    #expect(
      words.dropFirst().map(\.parts) == [
        [.parameter(ParameterExpansion("P", .length), quoted: false)],
        [
          .parameter(
            ParameterExpansion("P", .removePrefix(.literal("pod/"), longest: false)), quoted: false)
        ],
        [
          .parameter(
            ParameterExpansion("P", .removeSuffix(.literal("-*"), longest: true)), quoted: false)
        ],
        [
          .parameter(
            ParameterExpansion("P", .replace(.literal("a"), with: .literal("b"), all: false)),
            quoted: false)
        ],
        [
          .parameter(
            ParameterExpansion("P", .substring(offset: .literal("1"), length: .literal("2"))),
            quoted: false)
        ],
        [
          .parameter(
            ParameterExpansion("P", .assignDefault(.literal("x"), colon: true)), quoted: false)
        ],
        [
          .parameter(
            ParameterExpansion("P", .useAlternative(.literal("y"), colon: true)), quoted: false)
        ],
        [
          .parameter(
            ParameterExpansion("P", .errorIfUnset(.literal("z"), colon: false)), quoted: false)
        ],
      ])
  }

  @Test func nestedCommandSubstitutionWithQuotesAndParentheses() throws {
    let command = try simple(#"echo "$(echo "$(echo ')')")""#)
    let inner = try ShellParser.parse(#"echo "$(echo ')')""#)

    #expect(command.words.last == ShellWord([.commandSubstitution(inner, quoted: true)]))
  }

  @Test func backquotesAndArithmetic() throws {
    let command = try simple("echo `echo hi` $((1 + 2))")

    #expect(
      command.words.dropFirst().map(\.parts) == [
        [.commandSubstitution(try ShellParser.parse("echo hi"), quoted: false)],
        [.arithmetic(ShellWord([.quoted("1 + 2")]), quoted: false)],
      ])
  }

  @Test func pipelinesAndLists() throws {
    let list = try ShellParser.parse("a | b && c || ! d; e &\nf")

    #expect(list.items.count == 3)
    #expect(list.items[0].andOr.first.commands.count == 2)
    #expect(list.items[0].andOr.rest.map(\.connective) == [.and, .or])
    #expect(list.items[0].andOr.rest[1].pipeline.isNegated)
    #expect(list.items[1].isBackground)
    #expect(!list.items[2].isBackground)
  }

  @Test func pipeAmpersandAddsErrorToOutput() throws {
    let list = try ShellParser.parse("missing |& cat")
    guard case .simple(let first) = list.items[0].andOr.first.commands[0] else {
      Issue.record("expected a simple command")
      return
    }

    #expect(first.redirections == [.duplicate(fd: 2, target: .literal("1"))])
  }

  @Test func forLoopOnOneLineAndOnSeveral() throws {
    let oneLine = try ShellParser.parse("for i in 1 2 3; do echo $i; done")
    let lines = try ShellParser.parse("for i in 1 2 3\ndo\n  echo $i\ndone\n")
    let body = try ShellParser.parse("echo $i")

    #expect(oneLine == lines)
    #expect(
      oneLine.items.first?.andOr.first.commands == [
        .forLoop(
          ForLoop(variable: "i", words: [.literal("1"), .literal("2"), .literal("3")], body: body))
      ])
  }

  @Test func ifElifElse() throws {
    let list = try ShellParser.parse("if a; then b; elif c; then d; else e; fi")
    let expected = IfClause(
      branches: [
        IfClause.Branch(condition: try ShellParser.parse("a"), body: try ShellParser.parse("b")),
        IfClause.Branch(condition: try ShellParser.parse("c"), body: try ShellParser.parse("d")),
      ],
      elseBody: try ShellParser.parse("e"))

    #expect(list.items.first?.andOr.first.commands == [.ifClause(expected)])
  }

  @Test func whileUntilGroupsAndRedirectedCompounds() throws {
    let list = try ShellParser.parse("while a; do b; done; until c; do d; done; { e; } > f; (g)")
    let commands = list.items.map { $0.andOr.first.commands[0] }

    #expect(
      commands == [
        .whileLoop(
          WhileLoop(condition: try ShellParser.parse("a"), body: try ShellParser.parse("b"))),
        .whileLoop(
          WhileLoop(
            condition: try ShellParser.parse("c"), body: try ShellParser.parse("d"), isUntil: true)),
        .redirected(
          .braceGroup(try ShellParser.parse("e")),
          [.file(fd: 1, mode: .write, target: .literal("f"))]),
        .subshell(try ShellParser.parse("g")),
      ])
  }

  @Test func reservedWordsOnlyAtCommandStart() throws {
    #expect(try simple("echo for do done").words.count == 4)
  }

  @Test func comments() throws {
    let list = try ShellParser.parse("# a comment\necho a # it's fine\necho b#c")

    #expect(list.items.count == 2)
    #expect(
      list.items[1].andOr.first.commands == [
        .simple(SimpleCommand(words: [.literal("echo"), .literal("b#c")]))
      ])
  }

  @Test func hereDocumentWithExpansion() throws {
    let command = try simple("cat <<EOF\nhello $NAME\nEOF\n")

    #expect(
      command.redirections == [
        .hereDocument(
          fd: 0,
          HereDocument(
            delimiter: "EOF", isQuoted: false, stripsTabs: false,
            body: ShellWord([
              .quoted("hello "), .parameter(ParameterExpansion("NAME"), quoted: true),
              .quoted("\n"),
            ])))
      ])
  }

  @Test("a quoted delimiter turns expansion off")
  func quotedHereDocument() throws {
    for source in [
      "cat <<'EOF'\n$(date) $HOME\nEOF\n", "cat <<\"EOF\"\n$(date) $HOME\nEOF\n",
      "cat <<\\EOF\n$(date) $HOME\nEOF\n",
    ] {
      let command = try simple(source)
      #expect(
        command.redirections == [
          .hereDocument(
            fd: 0,
            HereDocument(
              delimiter: "EOF", isQuoted: true, stripsTabs: false,
              body: ShellWord([.quoted("$(date) $HOME\n")])))
        ])
    }
  }

  @Test func hereDocumentStrippingTabsAndFollowedByAPipe() throws {
    let list = try ShellParser.parse("cat <<-END | grep b\n\ta\n\t\tb\n\tEND\necho after\n")
    guard case .simple(let cat) = list.items[0].andOr.first.commands[0] else {
      Issue.record("expected cat")
      return
    }

    #expect(list.items[0].andOr.first.commands.count == 2)
    #expect(
      cat.redirections == [
        .hereDocument(
          fd: 0,
          HereDocument(
            delimiter: "END", isQuoted: false, stripsTabs: true,
            body: ShellWord([.quoted("a\nb\n")])))
      ])
    #expect(list.items.count == 2)
  }

  @Test func twoHereDocumentsOnOneLine() throws {
    let list = try ShellParser.parse("cat <<A; cat <<B\nfirst\nA\nsecond\nB\n")
    let bodies = list.items.map { item -> ShellWord? in
      guard case .simple(let command) = item.andOr.first.commands[0],
        case .hereDocument(_, let document)? = command.redirections.first
      else { return nil }
      return document.body
    }

    #expect(bodies == [ShellWord([.quoted("first\n")]), ShellWord([.quoted("second\n")])])
  }

  @Test(arguments: [
    ("echo a ;;", "syntax error near unexpected token `;;'"),
    ("for i in 1 2; echo $i; done", "syntax error near unexpected token `echo'"),
    ("echo >\n", "syntax error near unexpected token `newline'"),
    ("cat <<\n", "syntax error near unexpected token `newline'"),
    ("if true; then fi", "syntax error near unexpected token `fi'"),
    ("done", "syntax error near unexpected token `done'"),
    ("echo a | | b", "syntax error near unexpected token `|'"),
    ("( )", "syntax error near unexpected token `)'"),
    ("; echo", "syntax error near unexpected token `;'"),
    ("echo ok; ; echo no", "syntax error near unexpected token `;'"),
    ("|| echo x", "syntax error near unexpected token `||'"),
    ("echo )", "syntax error near unexpected token `)'"),
    ("{ echo a; } }", "syntax error near unexpected token `}'"),
    ("for 1 in a; do echo; done", "`1': not a valid identifier"),
    ("echo ${a b}", "${a b}: bad substitution"),
    ("f() { echo; }", "function definitions are not supported here"),
    ("x=(1 2)", "arrays are not supported here"),
    ("case $x in a) ;; esac", "case statements are not supported here"),
    ("echo a &&", "syntax error: unexpected end of file"),
    ("for i in 1; do", "syntax error: unexpected end of file"),
    ("echo \"abc", "unexpected EOF while looking for matching `\"'"),
    ("echo 'abc", "unexpected EOF while looking for matching `''"),
    ("echo $(echo", "unexpected EOF while looking for matching `)'"),
    ("echo ${x", "unexpected EOF while looking for matching `}'"),
    ("cat <<EOF\nbody\n", "here-document delimited by end-of-file (wanted `EOF')"),
  ])
  func syntaxErrorWording(source: String, message: String) {
    #expect(throws: ShellSyntaxError.self) { try ShellParser.parse(source) }
    do {
      _ = try ShellParser.parse(source)
    } catch {
      #expect(error.description == message)
    }
  }

  @Test func incompleteInputIsTold() {
    func isIncomplete(_ source: String) -> Bool {
      do {
        _ = try ShellParser.parse(source)
        return false
      } catch {
        return error.isIncomplete
      }
    }

    #expect(isIncomplete("echo a |\n"))
    #expect(isIncomplete("echo a \\\n"))
    #expect(isIncomplete("echo \"a\n"))
    #expect(isIncomplete("if true; then\n"))
    #expect(isIncomplete("cat <<EOF\n"))
    #expect(!isIncomplete("echo a ;;\n"))
    #expect(!isIncomplete("echo >\n"))
  }
}
