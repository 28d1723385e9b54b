import Foundation

extension Cluster {
  /// The cronjob-controller: creates a Job at each time of the schedule
  /// (the latest missed one, when several were missed), follows the Jobs it
  /// started, and keeps `successfulJobsHistoryLimit`/`failedJobsHistoryLimit`
  /// finished ones.
  mutating func reconcileCronJob(_ key: ObjectKey) {
    guard var cronJob = store.get(key), !cronJob.isTerminating else { return }
    let actor = "cronjob-controller"
    let source = EventSource(actor)
    let spec = cronJob.content["spec"] ?? .emptyObject
    guard let schedule = CronSchedule(spec["schedule"]?.string ?? "") else { return }
    var status = cronJob.content["status"] ?? .emptyObject

    // The Jobs it owns, and which of them have finished.
    let jobs = store.dependents(of: cronJob.uid, kind: .job).filter { !$0.isTerminating }
    func verdict(_ job: Object) -> String? {
      let conditions = job.content[path: "status.conditions"]?.array ?? []
      return ["Complete", "Failed"].first { type in
        conditions.contains { $0["type"]?.string == type && $0["status"]?.string == "True" }
      }
    }
    var active = (status["active"]?.array ?? []).filter { reference in
      jobs.contains { $0.uid == reference["uid"]?.string }
    }
    for job in jobs {
      guard let condition = verdict(job) else { continue }
      if active.contains(where: { $0["uid"]?.string == job.uid }) {
        active.removeAll { $0["uid"]?.string == job.uid }
        recordEvent(cronJob, reason: "SawCompletedJob", message: "Saw completed job: \(job.name), condition: \(condition)", source: source)
      }
      if condition == "Complete", let done = job.content[path: "status.completionTime"]?.string {
        let known = Timestamp.parse(status["lastSuccessfulTime"]?.string)
        if known.map({ $0 < (Timestamp.parse(done) ?? $0) }) ?? true { status["lastSuccessfulTime"] = .string(done) }
      }
    }

    // History limits, oldest first.
    for (wanted, limit) in [("Complete", spec["successfulJobsHistoryLimit"]?.int ?? 3), ("Failed", spec["failedJobsHistoryLimit"]?.int ?? 1)] {
      let finished = jobs.filter { verdict($0) == wanted }
        .sorted { ($0.content[path: "status.startTime"]?.string ?? "", $0.name) < ($1.content[path: "status.startTime"]?.string ?? "", $1.name) }
      for job in finished.prefix(max(0, finished.count - limit)) {
        _ = try? apiDelete(job.key, options: DeleteOptions(propagation: .background), by: actor)
        recordEvent(cronJob, reason: "SuccessfulDelete", message: "Deleted job \(job.name)", source: source)
      }
    }

    // The most recent scheduled time that has come and not been run.
    let since = Timestamp.parse(status["lastScheduleTime"]?.string) ?? cronJob.creationTimestamp ?? now
    var due: Date?
    var next = schedule.next(after: since)
    while let time = next, time <= now {
      due = time
      next = schedule.next(after: time)
    }
    if let due, spec["suspend"]?.bool != true {
      let policy = spec["concurrencyPolicy"]?.string ?? "Allow"
      if policy == "Forbid" && !active.isEmpty {
        // Skipped; the next time comes round.
      } else {
        if policy == "Replace" {
          for reference in active {
            guard let name = reference["name"]?.string else { continue }
            _ = try? apiDelete(ObjectKey(.job, name, in: key.namespace), options: DeleteOptions(propagation: .background), by: actor)
            recordEvent(cronJob, reason: "SuccessfulDelete", message: "Deleted job \(name)", source: source)
          }
          active = []
        }
        let minutes = Int(due.timeIntervalSince1970 / 60)
        var job = Object(.job, name: "\(cronJob.name)-\(minutes)", namespace: key.namespace)
        let template = spec["jobTemplate"] ?? .emptyObject
        if let labels = template[path: "metadata.labels"] { job.content[path: "metadata.labels"] = labels }
        var annotations = Object.stringMap(template[path: "metadata.annotations"])
        annotations["batch.kubernetes.io/cronjob-scheduled-timestamp"] = Timestamp.format(due)
        job.annotations = annotations
        job.ownerReferences = [OwnerReference(controlledBy: cronJob)]
        job.content["spec"] = template["spec"] ?? .emptyObject
        do {
          let created = try apiCreate(job, by: actor)
          active.append([
            "apiVersion": "batch/v1", "kind": "Job", "name": .string(created.name),
            "namespace": .string(created.namespace), "resourceVersion": .string(created.resourceVersion),
            "uid": .string(created.uid),
          ])
          recordEvent(cronJob, reason: "SuccessfulCreate", message: "Created job \(created.name)", source: source)
        } catch {
          recordEvent(cronJob, type: "Warning", reason: "FailedCreate", message: "Error creating job: \(error.message)", source: source)
        }
      }
      status["lastScheduleTime"] = .string(Timestamp.format(due))
    }
    status["active"] = active.isEmpty ? nil : .array(active)
    if let next { self.schedule(.cronJob(key), at: next) }
    guard let current = store.get(key) else { return }
    cronJob = current
    let stored = cronJob.content["status"] ?? .emptyObject
    if stored != status {
      cronJob.content["status"] = status.object?.isEmpty == true ? .emptyObject : status
      write(cronJob, by: actor, summary: "status, \(active.count) active")
    }
  }
}

/// A standard five-field cron schedule (`*/5 * * * *`), in UTC.
struct CronSchedule {
  private var minutes: Set<Int>
  private var hours: Set<Int>
  private var days: Set<Int>
  private var months: Set<Int>
  private var weekdays: Set<Int>
  private var anyDay: Bool
  private var anyWeekday: Bool

  init?(_ text: String) {
    let macros = [
      "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *",
      "@weekly": "0 0 * * 0", "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *",
    ]
    let fields = (macros[text.trimmingCharacters(in: .whitespaces)] ?? text).split(separator: " ").map(String.init)
    guard fields.count == 5,
      let minutes = CronSchedule.field(fields[0], 0...59), let hours = CronSchedule.field(fields[1], 0...23),
      let days = CronSchedule.field(fields[2], 1...31), let months = CronSchedule.field(fields[3], 1...12),
      let weekdays = CronSchedule.field(fields[4], 0...7)
    else { return nil }
    self.minutes = minutes
    self.hours = hours
    self.days = days
    self.months = months
    self.weekdays = Set(weekdays.map { $0 % 7 })
    anyDay = fields[2].hasPrefix("*") || fields[2] == "?"
    anyWeekday = fields[4].hasPrefix("*") || fields[4] == "?"
  }

  private static func field(_ text: String, _ range: ClosedRange<Int>) -> Set<Int>? {
    var values: Set<Int> = []
    for part in text.split(separator: ",") {
      let pieces = part.split(separator: "/", maxSplits: 1)
      let step = pieces.count == 2 ? Int(pieces[1]) : 1
      guard let step, step > 0 else { return nil }
      var low = range.lowerBound
      var high = range.upperBound
      if pieces[0] != "*" && pieces[0] != "?" {
        let bounds = pieces[0].split(separator: "-").map { Int($0) }
        guard let first = bounds.first ?? nil, bounds.allSatisfy({ $0 != nil }) else { return nil }
        low = first
        high = bounds.count == 2 ? (bounds[1] ?? first) : (pieces.count == 2 ? range.upperBound : first)
      }
      guard range.contains(low), range.contains(high), low <= high else { return nil }
      values.formUnion(stride(from: low, through: high, by: step))
    }
    return values
  }

  /// The first scheduled minute strictly after `date`.
  func next(after date: Date) -> Date? {
    var minute = (date.timeIntervalSince1970 / 60).rounded(.down) + 1
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
    for _ in 0..<(366 * 24 * 60) {
      let time = Date(timeIntervalSince1970: minute * 60)
      let parts = calendar.dateComponents([.minute, .hour, .day, .month, .weekday], from: time)
      let dayMatches: Bool
      let dom = days.contains(parts.day ?? 0)
      let dow = weekdays.contains((parts.weekday ?? 1) - 1)
      if anyDay && anyWeekday {
        dayMatches = true
      } else if anyDay {
        dayMatches = dow
      } else if anyWeekday {
        dayMatches = dom
      } else {
        dayMatches = dom || dow
      }
      if minutes.contains(parts.minute ?? -1), hours.contains(parts.hour ?? -1), months.contains(parts.month ?? 0), dayMatches {
        return time
      }
      minute += 1
    }
    return nil
  }
}
