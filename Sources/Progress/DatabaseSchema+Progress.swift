extension DatabaseSchema {
  /// The progress database's tables, one migration per schema version.
  ///
  /// Times are `REAL` seconds since 1970 (UTC). Every row belongs to a
  /// profile, so one file can hold several learners and deleting a profile
  /// removes everything it owns. Kinds and modes are plain text, so new
  /// ones need no migration.
  package static let progress = DatabaseSchema(
    applicationID: 0x6B74_7574,  // "ktut"
    migrations: [version1, version2, version3])

  private static let version1 = [
    """
    CREATE TABLE profiles (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      created_at REAL NOT NULL
    )
    """,
    """
    CREATE TABLE sessions (
      id INTEGER PRIMARY KEY,
      profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
      started_at REAL NOT NULL,
      ended_at REAL,
      mode TEXT NOT NULL
    )
    """,
    "CREATE INDEX sessions_by_profile ON sessions(profile_id, started_at)",
    """
    CREATE TABLE commands (
      id INTEGER PRIMARY KEY,
      profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
      session_id INTEGER REFERENCES sessions(id),
      line TEXT NOT NULL,
      exit_code INTEGER NOT NULL,
      started_at REAL NOT NULL,
      duration_ms REAL NOT NULL
    )
    """,
    // Newest first for a profile, as history and `progress` list them.
    "CREATE INDEX commands_by_profile ON commands(profile_id, id)",
    // Lets a session's deletion check its commands without a scan.
    "CREATE INDEX commands_by_session ON commands(session_id)",
    """
    CREATE TABLE cluster_snapshots (
      profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      saved_at REAL NOT NULL,
      data BLOB NOT NULL,
      PRIMARY KEY (profile_id, name)
    )
    """,
    """
    CREATE TABLE progress_events (
      id INTEGER PRIMARY KEY,
      profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
      kind TEXT NOT NULL,
      subject TEXT NOT NULL,
      detail TEXT,
      at REAL NOT NULL
    )
    """,
    "CREATE INDEX progress_events_by_kind ON progress_events(profile_id, kind, id)",
    """
    CREATE TABLE positions (
      profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
      course_item TEXT NOT NULL,
      step INTEGER NOT NULL,
      updated_at REAL NOT NULL,
      PRIMARY KEY (profile_id, course_item)
    )
    """,
  ]

  /// The quiz drill's Leitner schedule: one card per profile and question
  /// (its box, 1…5, and when it is due), and every answer given in a drill.
  private static let version2 = [
    """
    CREATE TABLE quiz_cards (
      profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
      question TEXT NOT NULL,
      topic TEXT NOT NULL,
      box INTEGER NOT NULL CHECK (box >= 1),
      due_at REAL NOT NULL,
      last_answered_at REAL NOT NULL,
      right_count INTEGER NOT NULL DEFAULT 0,
      wrong_count INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (profile_id, question)
    )
    """,
    """
    CREATE TABLE drill_attempts (
      id INTEGER PRIMARY KEY,
      profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
      session_id INTEGER REFERENCES sessions(id),
      question TEXT NOT NULL,
      topic TEXT NOT NULL,
      answer TEXT NOT NULL,
      correct INTEGER NOT NULL,
      box_before INTEGER,
      box_after INTEGER NOT NULL,
      at REAL NOT NULL
    )
    """,
    "CREATE INDEX drill_attempts_by_question ON drill_attempts(profile_id, question, id)",
  ]

  /// Version 3: what a learner's time, quizzes and place are made of.
  ///
  /// - `commands.course_item`: the lesson or scenario open when the command
  ///   was typed, so time per lesson adds up from the commands.
  /// - `quiz_attempts`: every answer with its question and whether it was
  ///   right. Quiz events of version 1 are copied in (their question text
  ///   was not kept, so it stays empty).
  /// - `profiles.current_item`: the lesson or scenario open when the shell
  ///   last ran a command, reopened at the next start.
  private static let version3 = [
    "ALTER TABLE commands ADD COLUMN course_item TEXT",
    "CREATE INDEX commands_by_item ON commands(profile_id, course_item)",
    """
    CREATE TABLE quiz_attempts (
      id INTEGER PRIMARY KEY,
      profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
      course_item TEXT NOT NULL,
      step INTEGER NOT NULL,
      question TEXT NOT NULL,
      answer TEXT NOT NULL,
      correct INTEGER NOT NULL,
      at REAL NOT NULL
    )
    """,
    "CREATE INDEX quiz_attempts_by_item ON quiz_attempts(profile_id, course_item, id)",
    """
    INSERT INTO quiz_attempts (profile_id, course_item, step, question, answer, correct, at)
    SELECT profile_id, substr(subject, 1, instr(subject, '#') - 1),
      CAST(substr(subject, instr(subject, '#') + 1) AS INTEGER), '',
      CASE WHEN detail LIKE 'right: %' OR detail LIKE 'wrong: %' THEN substr(detail, 8)
        ELSE coalesce(detail, '') END,
      detail LIKE 'right: %', at
    FROM progress_events WHERE kind = 'quiz' AND instr(subject, '#') > 1 ORDER BY id
    """,
    "ALTER TABLE profiles ADD COLUMN current_item TEXT",
  ]
}
