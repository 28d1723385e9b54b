import Testing
import Tutor

@Suite("Lesson text at a terminal")
struct TerminalMarkupTests {
  static let text = "# Pods\nA **pod** runs `whoami`.\n- one * two\n"

  @Test("without colour the marks of bold go and code keeps its backquotes")
  func plain() {
    #expect(
      TerminalMarkup.render(Self.text, colour: false)
        == "PODS\nA pod runs `whoami`.\n  • one * two")
  }

  @Test("with colour headings and bold are bold, code is cyan, a lone star stays")
  func coloured() {
    #expect(
      TerminalMarkup.render(Self.text, colour: true)
        == "\u{1B}[1mPODS\u{1B}[22m\nA \u{1B}[1mpod\u{1B}[22m runs \u{1B}[36mwhoami\u{1B}[39m.\n  • one * two")
  }
}
