import KubeCluster
import Testing
import Tutor

/// A command quiz checks what the command means, not how it is spelled.
@Suite("Command quizzes")
struct QuizCommandTests {
  @Test("any command that lists pods with their IPs answers 'which command shows pod IPs?'")
  func podIPs() throws {
    let lesson = try #require(LessonContentTests.loaded.0.lessons["pods"])
    let quiz = try #require(
      lesson.steps.compactMap { step -> Quiz? in
        if case .quiz(let quiz) = step, quiz.question.en.contains("IP addresses") { return quiz }
        return nil
      }.first)
    let cluster = Cluster.kind()

    for right in [
      "kubectl get po -o wide", "kubectl get pods -owide", "kubectl -n default get pod whoami -o wide",
      "kubectl get pods -o jsonpath='{.items[*].status.podIP}'",
      "kubectl get pods -o custom-columns=NAME:.metadata.name,IP:.status.podIP",
      "kubectl get pods -o yaml", "kubectl describe pods",
    ] {
      #expect(quiz.accepts(right, cluster: cluster), "\(right)")
    }
    for wrong in ["kubectl get pods", "kubectl get svc -o wide", "kubectl get nodes -o wide"] {
      #expect(!quiz.accepts(wrong, cluster: cluster), "\(wrong)")
    }
  }
}
