import Foundation
import Testing

@Suite("--lang chooses the language of lessons")
struct LanguageOptionTests {
  @Test("kubetutor --lang ko shows a lesson in Korean, and English without it", .enabled(if: DeterminismTests.binary != nil, "needs the kubetutor binary (swift build)"))
  func korean() throws {
    let (korean, _) = try DeterminismTests.runBinary(["--lang", "ko"], stdin: "start pods\n")
    let (english, _) = try DeterminismTests.runBinary(["--lang", "en"], stdin: "start pods\n")
    #expect(korean.hasPrefix("== 파드: 가장 작은 단위 ==\n"))
    #expect(english.hasPrefix("== Pods: the smallest unit ==\n"))
  }
}
