import Testing
import Tutor

/// A learner does the Pods lesson end to end in script mode: a wrong
/// command, a hint, a wrong answer then a right one, and the summary.
@Suite("Playing a lesson")
struct LessonPlayTests {
  static let session: [(String, String)] = [
    (
      "start pods",
      """
      == Pods: the smallest unit ==

      -- Step 1 of 6 --
      PODS
      A pod is one or more containers that share an IP address and volumes and are
      always scheduled together. Kubernetes never runs a bare container: it runs pods.
      Each pod gets its own IP from the CNI plugin.
      (type `next` to continue)

      """
    ),
    (
      "next",
      """
      -- Step 2 of 6 --
      Run a pod called `whoami` from the image `subicura/whoami:1`, and wait until it is Running.
        [ ] pod whoami is Running and Ready


      """
    ),
    (
      "next",
      "This step is not finished yet: `check` shows what is missing, `hint` helps, `skip` moves on.\n"
    ),
    // A wrong command: an image tag that does not exist ticks nothing.
    ("kubectl run whoami --image=subicura/whoami:2.0", "pod/whoami created\n"),
    ("sleep 10", ""),
    ("check", "Still missing:\n  [ ] pod whoami is Running and Ready\n"),
    ("hint", "Hint 1/2: `kubectl run whoami --image=subicura/whoami:1`\n"),
    ("kubectl delete pod whoami", "pod \"whoami\" deleted\n"),
    ("kubectl run whoami --image=subicura/whoami:1", "pod/whoami created\n"),
    (
      "sleep 10",
      """
      ✓ pod whoami is Running and Ready
      Step complete!

      -- Step 3 of 6 --
      What is the IP address of the pod `whoami`? Type `answer IP`.
        [ ] you found the pod's IP


      """
    ),
    ("answer 1.2.3.4", "Recorded, but that is not it yet.\n"),
    (
      "answer $(kubectl get pod whoami -o wide | awk 'NR==2 {print $6}')",
      """
      ✓ you found the pod's IP
      Step complete!

      -- Step 4 of 6: quiz --
      What do the containers of one pod share?
        1) An IP address and volumes
        2) Nothing: each has its own IP
        3) The node's root file system
      (reply with `answer ...`)

      """
    ),
    ("answer 2", "Not quite. Try again.\n"),
    (
      "answer 1",
      """
      Correct!

      -- Step 5 of 6: quiz --
      Type a command that lists pods with their IP addresses.
      (reply with `answer ...`)

      """
    ),
    (
      "answer kubectl get po -o wide",
      """
      Correct!
      `-o wide` adds IP and NODE columns; `-o yaml` shows status.podIP.

      -- Step 6 of 6: quiz --
      On which node does `whoami` run? (look it up)
      (reply with `answer ...`)

      """
    ),
    (
      "answer kind-worker2",
      """
      Correct!

      == Lesson complete: Pods: the smallest unit ==
      Time: 20s   Hints used: 1   Quiz: 2/3 right on the first try
      Next: `start replicasets` — ReplicaSets keep N copies running

      """
    ),
  ]

  @Test("the Pods lesson, end to end, with a wrong command, a hint and a wrong answer")
  func podsLesson() {
    let shell = TutorHarness()

    for (line, expected) in Self.session {
      let printed = shell.type(line)
      #expect(printed == expected, "after `\(line)`")
    }

    #expect(shell.recorder.progressEvents(.lesson).map(\.subject) == ["pods"])
    #expect(shell.recorder.progressEvents(.quiz).count == 4)
    #expect(shell.recorder.progressEvents(.hint).count == 1)
    #expect(
      shell.type("lessons").contains(
        "  pods                   Pods: the smallest unit — done (quiz 2/3)\n"))
  }

  @Test("a lesson resumes where it was left, with a new shell and the same progress")
  func resumes() {
    let first = TutorHarness()
    first.type("start replicasets")
    first.type("next")
    first.type("skip")

    let second = TutorHarness()
    second.tutor?.recorder = first.recorder
    let reopened = second.type("start replicasets")

    #expect(reopened.contains("Resuming at step 3."))
    #expect(reopened.contains("-- Step 3 of 6 --"))
    #expect(second.type("lessons").contains("in progress, step 3"))
  }

  @Test("a resumed lesson's cluster has what the earlier steps did, its clock at the start")
  func resumesWithTheEarlierSteps() {
    let first = TutorHarness()
    first.type("start pods", "next", "kubectl run whoami --image=subicura/whoami:1", "sleep 10")

    let second = TutorHarness()
    second.tutor?.recorder = first.recorder
    let before = second.session.state.cluster.now
    let reopened = second.type("start pods")

    #expect(reopened.contains("Resuming at step 3.\nThe cluster was rebuilt with what the earlier steps did.\n"))
    #expect(second.session.state.cluster.now == before)
    #expect(second.type("kubectl get pods -o name") == "pod/whoami\n")
  }

  @Test("a resumed scenario's cluster has the earlier tasks done")
  func resumesAScenarioWithTheEarlierTasksDone() {
    let first = TutorHarness()
    first.type(
      "start exam-three-faults", "kubectl rollout undo deployment/frontend",
      "kubectl rollout status deployment/frontend --timeout=120s")

    let second = TutorHarness()
    second.tutor?.recorder = first.recorder
    let reopened = second.type("start exam-three-faults")

    #expect(reopened.contains("Resuming at step 2.\nThe cluster was rebuilt with what the earlier steps did.\n"))
    #expect(
      second.type("kubectl get deployment frontend -o jsonpath={.spec.template.spec.containers[0].image}")
        == "nginx:1.26")
    #expect(second.type("kubectl get pods -l app=worker -o name").hasPrefix("pod/worker-"))
  }

  @Test("back, goals and Korean")
  func navigationInKorean() {
    let shell = TutorHarness(language: .ko)

    #expect(shell.type("next").contains("열린 레슨이 없습니다"))
    #expect(shell.type("start namespaces").contains("# 네임스페이스".dropFirst(2)))
    #expect(shell.type("next").contains("[ ] dev 네임스페이스가 있습니다"))
    #expect(shell.type("kubectl create namespace dev").contains("✓ dev 네임스페이스가 있습니다"))
    #expect(shell.type("goals").contains("  [x] dev 네임스페이스가 있습니다\n"))
    #expect(shell.type("back").contains("5단계 중 1단계"))
  }
}
