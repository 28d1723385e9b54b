import Testing
import Tutor

/// A learner plays a scenario in the shell: a wrong attempt, a hint, the
/// fix; each goal ticks exactly when it becomes true, never before.
@Suite("Playing a scenario")
struct ScenarioPlayTests {
  static let fixed = [
    "kubectl apply -f - <<EOF",
    "apiVersion: apps/v1",
    "kind: Deployment",
    "metadata:",
    "  name: web",
    "  labels:",
    "    app: web",
    "spec:",
    "  replicas: 3",
    "  selector:",
    "    matchLabels:",
    "      app: web",
    "  template:",
    "    metadata:",
    "      labels:",
    "        app: web",
    "    spec:",
    "      containers:",
    "      - name: nginx",
    "        image: nginx:1.27-alpine",
    "EOF",
  ]

  @Test("goals tick when they become true, with a wrong attempt and a hint on the way")
  func playImagePullTypo() {
    let shell = TutorHarness()

    let opened = shell.type("start image-pull-typo")
    #expect(opened.contains("== ImagePullBackOff: a typo in the tag =="))
    #expect(opened.contains("  [ ] you described a pod of web"))

    // Looking around and a failing command tick nothing.
    #expect(!shell.type("kubectl get pods").contains("✓"))
    #expect(!shell.type("kubectl describe pod nope").contains("✓"))
    #expect(shell.tutor?.promptPrefix == "[image-pull-typo 1/2] ")

    let described = shell.type("kubectl describe $(kubectl get pods -l app=web -o name | head -1)")
    #expect(described.contains("✓ you described a pod of web\nStep complete!\n"))
    #expect(described.contains("-- Step 2 of 2 --"))
    #expect(shell.tutor?.promptPrefix == "[image-pull-typo 2/2] ")

    // A wrong attempt: another typo.
    var wrong = Self.fixed
    wrong[19] = "        image: nginx:1.27-alpin"
    let attempt = shell.type(
      wrong[0], wrong[1], wrong[2], wrong[3], wrong[4], wrong[5], wrong[6],
      wrong[7], wrong[8], wrong[9], wrong[10], wrong[11], wrong[12], wrong[13], wrong[14],
      wrong[15], wrong[16], wrong[17], wrong[18], wrong[19], wrong[20])
    #expect(attempt == "deployment.apps/web configured\n")
    #expect(!shell.type("sleep 30").contains("✓"))
    #expect(
      shell.type("check").contains("Still missing:\n  [ ] the Deployment uses nginx:1.27-alpine\n"))

    #expect(
      shell.type("hint")
        == "Hint 1/1: Apply the Deployment again with the right tag: `kubectl apply -f -` with a heredoc works.\n"
    )
    #expect(shell.type("hint") == "No more hints.\n")

    // The fix: the image goal ticks at once, the pods only once they run.
    var fixedOutput = ""
    for line in Self.fixed { fixedOutput += shell.type(line) }
    #expect(fixedOutput.contains("✓ the Deployment uses nginx:1.27-alpine"))
    #expect(!fixedOutput.contains("✓ 3 pods"))

    let waited = shell.type("sleep 60")
    #expect(waited.contains("✓ 3 pods with app=web are Running and Ready\nStep complete!\n"))
    #expect(waited.contains("== Scenario solved: ImagePullBackOff: a typo in the tag =="))
    #expect(waited.contains("Hints used: 1"))
    #expect(shell.tutor?.activity == nil)
    #expect(shell.recorder.progressEvents(.scenario).map(\.subject) == ["image-pull-typo"])
    #expect(shell.recorder.progressEvents(.hint).count == 1)
  }

  @Test("Korean text with --lang ko")
  func korean() {
    let shell = TutorHarness(language: .ko)

    let opened = shell.type("start image-pull-typo")

    #expect(opened.contains("== ImagePullBackOff: 태그 오타 =="))
    #expect(opened.contains("난이도: 쉬움, 약 5분\n"))
    #expect(opened.contains("2단계 중 1단계"))
  }

  @Test("a scenario from a file path")
  func fromFile() {
    let shell = TutorHarness()

    let opened = shell.type("start \(ContentPaths.scenario("namespace-per-team").path)")

    #expect(opened.contains("== A namespace per team =="))
  }
}
