import Foundation

/// `quiz --stats` and `quiz --help`.
extension TutorSession {
  /// Mastery per topic, in catalog track order, and how many questions each box holds.
  package func quizStats(at time: Date) -> TutorOutput {
    let cards: [QuizCard]
    do {
      cards = try quizStore.quizCards()
    } catch {
      return .failure("quiz: \(error)")
    }
    guard !cards.isEmpty else {
      return TutorOutput(
        stdout: say(
          "No quiz answers yet: `quiz` starts a drill on the lessons you have started.\n",
          "아직 답한 퀴즈가 없습니다: `quiz`를 입력하면 시작한 레슨의 문제로 복습을 시작합니다.\n"))
    }
    let order = catalog.tracks.map(\.id)
    let topics = QuizMastery.byTopic(cards, at: time).sorted {
      (order.firstIndex(of: $0.topic) ?? order.count, $0.topic)
        < (order.firstIndex(of: $1.topic) ?? order.count, $1.topic)
    }
    let width = (topics.map(\.topic.count).max() ?? 0) + 3
    let lowest = QuizMastery.masteredBox
    var text = say(
      "Quiz mastery per topic (mastered: in box \(lowest) or higher):\n",
      "주제별 퀴즈 숙달도 (숙달: \(lowest)번 상자 이상):\n")
    for topic in topics {
      let name = topic.topic.padding(toLength: width, withPad: " ", startingAt: 0)
      text +=
        "  \(name)"
        + say(
          "\(topic.mastered) of \(topic.answered) answered mastered (\(topic.percent)%), "
            + "\(topic.due) due now\n",
          "답한 \(topic.answered)문제 중 \(topic.mastered)문제 숙달 (\(topic.percent)%), "
            + "지금 복습할 문제 \(topic.due)개\n")
    }
    let counts = (1...quizDrill.schedule.boxCount).map { box in
      (box, cards.filter { $0.box == box }.count)
    }
    text +=
      say("Boxes: ", "상자별 문제 수: ")
      + counts.map { say("\($0.0): \($0.1)", "\($0.0)번 \($0.1)개") }.joined(separator: "   ") + "\n"
    return TutorOutput(stdout: text)
  }

  /// The drill's mastery per topic as `progress` shows it under the
  /// lessons: empty until a drill question has been answered.
  package func quizMasterySection(at time: Date) -> String {
    guard let cards = try? quizStore.quizCards(), !cards.isEmpty else { return "" }
    return "\n" + quizStats(at: time).stdout
  }

  var quizHelp: String {
    let days = quizDrill.schedule.intervalDays.map(String.init).joined(separator: ", ")
    let last = quizDrill.schedule.boxCount
    let tracks = catalog.tracks.map(\.id).joined(separator: ", ")
    return say(
      """
      quiz                 a drill of \(QuizRequest.defaultCount) questions from the lessons you started: due ones first, then new
      quiz -n COUNT        ask COUNT questions
      quiz --topic TOPIC   only one track (\(tracks)) or one lesson
      quiz --stats         mastery per topic
      quiz --stop          end the drill under way
      answer TEXT          answer the question being asked
      A right answer moves a question up a box (1 to \(last)), a wrong one back to box 1;
      it comes back after \(days) days, by box.

      """,
      """
      quiz                 시작한 레슨의 문제 \(QuizRequest.defaultCount)개로 복습합니다: 복습할 때가 된 문제 먼저, 그다음 새 문제
      quiz -n 개수         문제 수를 정합니다
      quiz --topic 주제    한 트랙(\(tracks))이나 한 레슨의 문제만 냅니다
      quiz --stats         주제별 숙달도를 봅니다
      quiz --stop          진행 중인 복습을 끝냅니다
      answer 답            지금 문제에 답합니다
      맞히면 문제가 다음 상자(1~\(last)번)로 올라가고, 틀리면 1번 상자로 돌아갑니다.
      상자에 따라 \(days)일 뒤에 다시 나옵니다.

      """)
  }
}
