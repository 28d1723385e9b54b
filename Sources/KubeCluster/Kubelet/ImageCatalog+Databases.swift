/// The database images by release: `redis:6.2` starts Redis 6.2.x and says
/// so in its log and its environment, in that release's own log format,
/// where `redis` alone is the catalog's default release.
extension ImageCatalog {
  /// Behaviours of the tags that run another release than their
  /// repository's default, by repository and tag.
  static let releases: [String: [String: ImageBehavior]] = [
    "redis": tagged([
      (["8", "8.2", "8-alpine"], redis("8.2.1")), (["8.0"], redis("8.0.3")), (["7.2"], redis("7.2.7")),
      (["6", "6.2"], redis("6.2.17")), (["5.0.4"], redis("5.0.4")),
    ]),
    "postgres": tagged([
      (["18"], postgres("18.0", alpine: false)), (["18-alpine"], postgres("18.0", alpine: true)),
      (["alpine", "17-alpine"], postgres("17.5", alpine: true)),
      (["16", "16.9"], postgres("16.9", alpine: false)), (["16-alpine"], postgres("16.9", alpine: true)),
      (["15"], postgres("15.13", alpine: false)), (["14"], postgres("14.18", alpine: false)),
      (["13"], postgres("13.21", alpine: false)),
    ]),
    "mysql": tagged([
      (["9", "9.4"], mysql("9.4.0", major: "innovation", build: "el9")),
      (["8.0", "8.0.42"], mysql("8.0.42", major: "8.0", build: "el9")),
      (["5.7"], mysql("5.7.44", major: "5.7", build: "el7")),
    ]),
    "mongo": tagged([
      (["7", "7.0"], mongo("7.0.21", distribution: "ubuntu2204", openSSL: "OpenSSL 3.0.2 15 Mar 2022", allocator: "tcmalloc")),
      (["6", "6.0"], mongo("6.0.24", distribution: "ubuntu2204", openSSL: "OpenSSL 3.0.2 15 Mar 2022", allocator: "tcmalloc")),
    ]),
  ]

  private static func tagged(_ list: [([String], ImageBehavior)]) -> [String: ImageBehavior] {
    var table: [String: ImageBehavior] = [:]
    for (tags, image) in list {
      for tag in tags { table[tag] = image }
    }
    return table
  }

  private static func base(_ repository: String) -> ImageBehavior {
    guard let image = images.first(where: { $0.repository == repository }) else {
      preconditionFailure("no \(repository) in the catalog")
    }
    return image
  }

  private static let plainPath = ("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")

  /// Whether a dotted version is at least `minimum`.
  private static func atLeast(_ version: String, _ minimum: [Int]) -> Bool {
    let parts = version.split(separator: ".").map { Int($0) ?? 0 }
    return parts.lexicographicallyPrecedes(minimum) == false
  }

  /// Redis logs its start at notice level (`*`) from 7.2, at warning level
  /// (`#`) before; 6.2 added the monotonic clock line, 7.2 the listener
  /// type after "Ready to accept connections".
  static func redis(_ version: String) -> ImageBehavior {
    var image = base("redis")
    let notice = atLeast(version, [7, 2])
    let level = notice ? "*" : "#"
    var logs = [
      "1:C {redisTime} \(level) oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo",
      "1:C {redisTime} \(level) Redis version=\(version), bits=64, commit=00000000, modified=0, pid=1, just started",
      "1:C {redisTime} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf",
    ]
    if atLeast(version, [6, 2]) { logs.append("1:M {redisTime} * monotonic clock: POSIX clock_gettime") }
    logs += [
      "1:M {redisTime} * Running mode=standalone, port=6379.",
      "1:M {redisTime} \(level) Server initialized",
      "1:M {redisTime} * Ready to accept connections" + (notice ? " tcp" : ""),
    ]
    image.startLogs = logs
    image.env = [plainPath, ("REDIS_VERSION", version)]
    return image
  }

  /// PostgreSQL on Debian (bookworm's gcc 12 up to 17, trixie's gcc 14
  /// from 18, whose data moved under a folder per major version) or on
  /// Alpine (musl).
  static func postgres(_ version: String, alpine: Bool) -> ImageBehavior {
    var image = base("postgres")
    let major = String(version.prefix { $0 != "." })
    let trixie = atLeast(version, [18])
    let package = "\(version)-1.pgdg\(trixie ? "13+1" : "120+1")"
    let build =
      alpine
      ? "on x86_64-pc-linux-musl, compiled by gcc (Alpine 14.2.0) 14.2.0, 64-bit"
      : "(Debian \(package)) on x86_64-pc-linux-gnu, compiled by gcc (Debian \(trixie ? "14.2.0-19) 14.2.0" : "12.2.0-14) 12.2.0"), 64-bit"
    image.startLogs = image.startLogs.map { line in
      guard line.contains("LOG:  starting PostgreSQL") else { return line }
      return "{pgTime} [1] LOG:  starting PostgreSQL \(version) \(build)"
    }
    let data = trixie ? "/var/lib/postgresql/\(major)/docker" : "/var/lib/postgresql/data"
    image.env = [
      alpine ? plainPath : ("PATH", plainPath.1 + ":/usr/lib/postgresql/\(major)/bin"),
      ("PG_MAJOR", major), ("PG_VERSION", alpine ? version : package), ("PGDATA", data),
    ]
    return image
  }

  /// MySQL's entrypoint names the package; the server logs its version,
  /// in the 8.0 error-log format from 8.0 on and the older one in 5.7.
  static func mysql(_ version: String, major: String, build: String) -> ImageBehavior {
    var image = base("mysql")
    let package = "\(version)-1.\(build)"
    let entrypoint = [
      "{mysqlTime} [Note] [Entrypoint]: Entrypoint script for MySQL Server \(package) started.",
      "{mysqlTime} [Note] [Entrypoint]: Switching to dedicated user 'mysql'",
      "{mysqlTime} [Note] [Entrypoint]: Entrypoint script for MySQL Server \(package) started.",
    ]
    if atLeast(version, [8]) {
      image.startLogs = entrypoint + [
        "{isoMicros} 0 [System] [MY-015015] [Server] MySQL Server - start.",
        "{isoMicros} 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld \(version)) starting as process 1",
        "{isoMicros} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '\(version)'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.",
      ]
      image.env = [plainPath, ("MYSQL_MAJOR", major), ("MYSQL_VERSION", package), ("MYSQL_SHELL_VERSION", package)]
    } else {
      image.startLogs = entrypoint + [
        "{isoMicros} 0 [Note] mysqld (mysqld \(version)) starting as process 1 ...",
        "{isoMicros} 0 [Note] mysqld: ready for connections.",
        "Version: '\(version)'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server (GPL)",
      ]
      image.env = [plainPath, ("MYSQL_MAJOR", major), ("MYSQL_VERSION", package)]
    }
    image.unconfiguredLogs = entrypoint + image.unconfiguredLogs.filter { !$0.contains("Entrypoint script") && !$0.contains("dedicated user") }
    return image
  }

  /// MongoDB names its release in the "Build Info" line of its start.
  static func mongo(_ version: String, distribution: String, openSSL: String, allocator: String) -> ImageBehavior {
    var image = base("mongo")
    image.startLogs = image.startLogs.map { line in
      guard line.contains("\"Build Info\"") else { return line }
      return mongoBuildInfo(version, distribution: distribution, openSSL: openSSL, allocator: allocator)
    }
    image.env = [
      plainPath, ("MONGO_MAJOR", String(version.split(separator: ".").prefix(2).joined(separator: "."))),
      ("MONGO_VERSION", version),
    ]
    return image
  }

  static func mongoBuildInfo(_ version: String, distribution: String, openSSL: String, allocator: String) -> String {
    var seed = RandomSource(seed: UInt64(RandomSource.fnv32a("mongo " + version)))
    let commit = seed.hex(40)
    return #"{"t":{"$date":"{isoMillis}"},"s":"I",  "c":"CONTROL",  "id":23403,   "ctx":"initandlisten","msg":"Build Info","attr":{"buildInfo":{"version":""# + version
      + #"","gitVersion":""# + commit + #"","openSSLVersion":""# + openSSL
      + #"","modules":[],"allocator":""# + allocator + #"","environment":{"distmod":""# + distribution
      + #"","distarch":"x86_64","target_arch":"x86_64"}}}}"#
  }
}
