import Kubectl
import Testing

/// kubectl's tabwriter layout: each column as wide as its widest cell plus
/// three spaces, wide characters counted as two columns.
@Suite("table printer")
struct TablePrinterTests {
  @Test("columns are padded to the widest cell; nothing follows the last column")
  func pads() {
    let text = TablePrinter.render([["NAME", "READY", "AGE"], ["web-1", "1/1", "5s"], ["a", "10/10", "3m20s"]])
    #expect(text == "NAME    READY   AGE\nweb-1   1/1     5s\na       10/10   3m20s\n")
  }

  @Test("East Asian wide characters take two columns, control characters none")
  func wideCharacters() {
    #expect(DisplayWidth.of("한국") == 4)
    #expect(DisplayWidth.of("ab\u{7}c") == 3)
    #expect(DisplayWidth.of("café") == 4)
    #expect(DisplayWidth.of("") == 0)
    let text = TablePrinter.render([["NAME", "AGE"], ["한국", "5s"], ["ab", "10s"]])
    #expect(text == "NAME   AGE\n한국   5s\nab     10s\n")
  }

  @Test("no rows print nothing")
  func empty() {
    #expect(TablePrinter.render([]) == "")
  }
}
