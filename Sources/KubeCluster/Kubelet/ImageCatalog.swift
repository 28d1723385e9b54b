/// What a simulated image does when it runs: the one place that knows which
/// images exist in the simulated registry and how their containers behave.
package struct ImageBehavior: Sendable {
  /// How the container's main process behaves when no command overrides it.
  package enum Main: Sendable {
    /// A server that runs until it is stopped.
    case server
    /// A shell-like image whose default command exits at once with this code.
    case exits(Int)
    /// Does nothing and never exits (the pause image).
    case sleepsForever
  }

  /// How an HTTP request to the served port is answered.
  package enum HTTPAnswer: Sendable {
    case none
    case nginxWelcome
    case httpdItWorks
    case whoami
    /// The Kubernetes tutorials' bootcamp app: its pod name and version.
    case bootcamp(version: String)
    /// Google's hello-app sample (`gcr.io/google-samples/hello-app`): a
    /// greeting, its version and its pod's hostname.
    case helloApp(version: String)
    case text(String)
  }

  package var repository: String
  package var tags: [String]
  /// Compressed size in bytes, which sets the pull time and the Pulled message.
  package var size: Int
  package var ports: [Int]
  package var main: Main
  package var http: HTTPAnswer
  /// Log lines written when the container starts.
  package var startLogs: [String]
  /// Memory the main process uses, in MiB.
  package var memoryMiB: Int
  /// Environment variables the image sets.
  package var env: [(String, String)]
  /// Whether the image has a shell (`sh`) for `kubectl exec`.
  package var hasShell: Bool
  /// For database images: variables one of which must be set (non-empty)
  /// for the entrypoint to start; without them it writes `unconfiguredLogs`
  /// and exits 1, so the pod goes into CrashLoopBackOff.
  package var needsOneOf: [String] = []
  package var unconfiguredLogs: [String] = []
}

/// The simulated registry.
package enum ImageCatalog {
  package static let images: [ImageBehavior] = [
    ImageBehavior(
      repository: "nginx",
      tags: [
        "latest", "stable", "mainline", "alpine", "1.29", "1.29.0", "1.29.1", "1.29-alpine",
        "1.28", "1.28.0", "1.28-alpine", "1.27", "1.27.3", "1.27.4", "1.27.5", "1.27-alpine",
        "1.26", "1.26.3", "1.25", "1.25.3", "1.25.4", "1.24", "1.24.0", "1.23", "1.23.4", "1.22",
        "1.21", "1.21.6", "1.20", "1.19", "1.19.10", "1.18", "1.17", "1.16", "1.16.1", "1.15",
        "1.15.4", "1.14", "1.14.2", "1.13", "1.12", "1.11", "1.10", "1.9", "1.9.1", "1.8", "1.7.9",
        "alpine-slim", "stable-alpine", "mainline-alpine",
      ],
      size: 72_099_410, ports: [80], main: .server, http: .nginxWelcome,
      startLogs: [
        "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
        "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
        "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
        "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf",
        "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf",
        "/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh",
        "/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh",
        "/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh",
        "/docker-entrypoint.sh: Configuration complete; ready for start up",
        "{time} [notice] 1#1: using the \"epoll\" event method",
        "{time} [notice] 1#1: nginx/1.27.3",
        "{time} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) ",
        "{time} [notice] 1#1: OS: Linux 6.8.0-51-generic",
        "{time} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576",
        "{time} [notice] 1#1: start worker processes",
        "{time} [notice] 1#1: start worker process 29",
        "{time} [notice] 1#1: start worker process 30",
      ],
      memoryMiB: 3,
      env: [
        ("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
        ("NGINX_VERSION", "1.27.3"), ("NJS_VERSION", "0.8.7"), ("NJS_RELEASE", "1~bookworm"),
        ("PKG_RELEASE", "1~bookworm"), ("DYNPKG_RELEASE", "1~bookworm"),
      ],
      hasShell: true),
    ImageBehavior(
      repository: "subicura/whoami",
      tags: ["1", "2", "latest"],
      size: 42_187_223, ports: [4567], main: .server, http: .whoami,
      startLogs: [
        "== Sinatra (v2.0.8.1) has taken the stage on 4567 for production with backup from Puma",
        "Puma starting in single mode...",
        "* Version 3.12.6 (ruby 2.6.6-p146), codename: Llamas in Pajamas",
        "* Min threads: 0, max threads: 16",
        "* Environment: production",
        "* Listening on tcp://0.0.0.0:4567",
        "Use Ctrl-C to stop",
      ],
      memoryMiB: 24,
      env: [
        ("PATH", "/usr/local/bundle/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
        ("RUBY_VERSION", "2.6.6"), ("GEM_HOME", "/usr/local/bundle"),
        ("BUNDLE_APP_CONFIG", "/usr/local/bundle"), ("APP_ENV", "production"),
      ],
      hasShell: true),
    ImageBehavior(
      repository: "httpd",
      tags: ["latest", "alpine", "2.4", "2.4.62", "2.4.63", "2.4.64", "2.4.65", "2.4-alpine", "2"],
      size: 58_173_540, ports: [80], main: .server, http: .httpdItWorks,
      startLogs: [
        "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using {podIP}. Set the 'ServerName' directive globally to suppress this message",
        "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using {podIP}. Set the 'ServerName' directive globally to suppress this message",
        "[{apacheTime}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations",
        "[{apacheTime}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'",
      ],
      memoryMiB: 8,
      env: [
        ("PATH", "/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
        ("HTTPD_PREFIX", "/usr/local/apache2"), ("HTTPD_VERSION", "2.4.62"),
      ],
      hasShell: true),
    ImageBehavior(
      repository: "busybox",
      tags: ["latest", "1.36", "1.36.1", "1.37", "1.37.0", "1.35", "1.34", "1.28", "stable", "musl", "glibc", "uclibc"],
      size: 2_156_550, ports: [], main: .exits(0), http: .none, startLogs: [], memoryMiB: 1,
      env: [("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")],
      hasShell: true),
    // The shell of the Kubernetes documentation's podFailurePolicy examples.
    ImageBehavior(
      repository: "bash",
      tags: ["latest", "5", "5.3", "5.2", "5.1", "4.4"],
      size: 6_352_432, ports: [], main: .exits(0), http: .none, startLogs: [], memoryMiB: 1,
      env: [
        ("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"), ("_BASH_VERSION", "5.2.37"),
      ],
      hasShell: true),
    // The image of the Kubernetes documentation's Job example (`bpi(2000)`).
    ImageBehavior(
      repository: "perl",
      tags: ["latest", "5.34.0", "5.34", "5.36", "5.38", "5", "slim"],
      size: 335_652_014, ports: [], main: .exits(0), http: .none, startLogs: [], memoryMiB: 4,
      env: [("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")],
      hasShell: true),
    // The memory hog of the Kubernetes documentation's resource examples.
    ImageBehavior(
      repository: "polinux/stress",
      tags: ["latest", "1.0.4"],
      size: 4_044_853, ports: [], main: .exits(0), http: .none, startLogs: [], memoryMiB: 1,
      env: [("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")],
      hasShell: true),
    // The busybox of the Kubernetes documentation's probe examples.
    ImageBehavior(
      repository: "registry.k8s.io/busybox",
      tags: ["latest", "1.27.2", "1.24"],
      size: 1_144_547, ports: [], main: .exits(0), http: .none, startLogs: [], memoryMiB: 1,
      env: [("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")],
      hasShell: true),
    ImageBehavior(
      repository: "alpine",
      tags: ["latest", "3", "3.22", "3.21", "3.20", "3.19", "3.18", "edge"],
      size: 3_653_068, ports: [], main: .exits(0), http: .none, startLogs: [], memoryMiB: 1,
      env: [("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")],
      hasShell: true),
    ImageBehavior(
      repository: "redis",
      tags: [
        "latest", "8", "8.0", "8.2", "8-alpine", "7", "7.4", "7.4.2", "7.2", "7-alpine", "alpine", "6",
        "6.2", "5.0.4",
      ],
      size: 45_019_544, ports: [6379], main: .server, http: .none,
      startLogs: [
        "1:C {redisTime} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo",
        "1:C {redisTime} * Redis version=7.4.2, bits=64, commit=00000000, modified=0, pid=1, just started",
        "1:C {redisTime} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf",
        "1:M {redisTime} * monotonic clock: POSIX clock_gettime",
        "1:M {redisTime} * Running mode=standalone, port=6379.",
        "1:M {redisTime} * Server initialized",
        "1:M {redisTime} * Ready to accept connections tcp",
      ],
      memoryMiB: 4,
      env: [("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"), ("REDIS_VERSION", "7.4.2")],
      hasShell: true),
    ImageBehavior(
      repository: "postgres",
      tags: [
        "latest", "18", "17", "17.5", "16", "16.9", "15", "14", "13", "alpine", "18-alpine", "17-alpine",
        "16-alpine",
      ],
      size: 158_512_341, ports: [5432], main: .server, http: .none,
      startLogs: [
        "PostgreSQL init process complete; ready for start up.", "",
        "{pgTime} [1] LOG:  starting PostgreSQL 17.5 (Debian 17.5-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit",
        "{pgTime} [1] LOG:  listening on IPv4 address \"0.0.0.0\", port 5432",
        "{pgTime} [1] LOG:  listening on IPv6 address \"::\", port 5432",
        "{pgTime} [1] LOG:  listening on Unix socket \"/var/run/postgresql/.s.PGSQL.5432\"",
        "{pgTime} [1] LOG:  database system is ready to accept connections",
      ],
      memoryMiB: 30,
      env: [
        ("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/17/bin"),
        ("PG_MAJOR", "17"), ("PG_VERSION", "17.5-1.pgdg120+1"), ("PGDATA", "/var/lib/postgresql/data"),
      ],
      hasShell: true, needsOneOf: ["POSTGRES_PASSWORD", "POSTGRES_HOST_AUTH_METHOD"],
      unconfiguredLogs: [
        "Error: Database is uninitialized and superuser password is not specified.",
        "       You must specify POSTGRES_PASSWORD to a non-empty value for the",
        "       superuser. For example, \"-e POSTGRES_PASSWORD=password\" on \"docker run\".",
        "",
        "       You may also use \"POSTGRES_HOST_AUTH_METHOD=trust\" to allow all",
        "       connections without a password. This is *not* recommended.",
        "",
        "       See PostgreSQL documentation about \"trust\":",
        "       https://www.postgresql.org/docs/current/auth-trust.html",
      ]),
    ImageBehavior(
      repository: "mysql",
      tags: ["latest", "lts", "9", "9.4", "8.4", "8.4.5", "8", "8.0", "8.0.42", "5.7"],
      size: 235_012_776, ports: [3306], main: .server, http: .none,
      startLogs: [
        "{mysqlTime} [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.4.5-1.el9 started.",
        "{mysqlTime} [Note] [Entrypoint]: Switching to dedicated user 'mysql'",
        "{mysqlTime} [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.4.5-1.el9 started.",
        "{isoMicros} 0 [System] [MY-015015] [Server] MySQL Server - start.",
        "{isoMicros} 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.4.5) starting as process 1",
        "{isoMicros} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.4.5'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.",
      ],
      memoryMiB: 360,
      env: [
        ("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"), ("MYSQL_MAJOR", "8.4"),
        ("MYSQL_VERSION", "8.4.5-1.el9"), ("MYSQL_SHELL_VERSION", "8.4.5-1.el9"),
      ],
      hasShell: true,
      needsOneOf: ["MYSQL_ROOT_PASSWORD", "MYSQL_ALLOW_EMPTY_PASSWORD", "MYSQL_RANDOM_ROOT_PASSWORD"],
      unconfiguredLogs: [
        "{mysqlTime} [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.4.5-1.el9 started.",
        "{mysqlTime} [Note] [Entrypoint]: Switching to dedicated user 'mysql'",
        "{mysqlTime} [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.4.5-1.el9 started.",
        "{mysqlTime} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified",
        "    You need to specify one of the following as an environment variable:",
        "    - MYSQL_ROOT_PASSWORD",
        "    - MYSQL_ALLOW_EMPTY_PASSWORD",
        "    - MYSQL_RANDOM_ROOT_PASSWORD",
      ]),
    ImageBehavior(
      repository: "mongo",
      tags: ["latest", "8", "8.0", "7", "7.0", "6", "6.0"],
      size: 272_190_455, ports: [27017], main: .server, http: .none,
      startLogs: [
        #"{"t":{"$date":"{isoMillis}"},"s":"I",  "c":"CONTROL",  "id":23285,   "ctx":"main","msg":"Automatically disabling TLS 1.0 and TLS 1.1, to force-enable TLS 1.1 specify --sslDisabledProtocols 'TLS1_0'; to force-enable TLS 1.0 specify --sslDisabledProtocols 'none'"}"#,
        mongoBuildInfo("8.0.10", distribution: "ubuntu2404", openSSL: "OpenSSL 3.0.13 30 Jan 2024", allocator: "tcmalloc-google"),
        #"{"t":{"$date":"{isoMillis}"},"s":"I",  "c":"NETWORK",  "id":23015,   "ctx":"listener","msg":"Listening on","attr":{"address":"0.0.0.0"}}"#,
        #"{"t":{"$date":"{isoMillis}"},"s":"I",  "c":"NETWORK",  "id":23016,   "ctx":"listener","msg":"Waiting for connections","attr":{"port":27017,"ssl":"off"}}"#,
      ],
      memoryMiB: 80,
      env: [
        ("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"), ("MONGO_MAJOR", "8.0"),
        ("MONGO_VERSION", "8.0.10"),
      ],
      hasShell: true),
    // The app of the Kubernetes basics tutorial, and its v2 for the rolling update.
    bootcamp("gcr.io/google-samples/kubernetes-bootcamp", tags: ["v1"], version: "1"),
    bootcamp("jocatalin/kubernetes-bootcamp", tags: ["v1", "v2"], version: "2"),
    // The nginx of the StatefulSet tutorials (an older nginx, same welcome page).
    ImageBehavior(
      repository: "registry.k8s.io/nginx-slim",
      tags: ["0.7", "0.8", "0.20", "0.21", "0.22", "0.23", "0.24", "0.25", "0.26", "0.27"],
      size: 41_935_125, ports: [80], main: .server, http: .nginxWelcome, startLogs: [], memoryMiB: 3,
      env: [("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")],
      hasShell: true),
    // The app of "Exposing an External IP Address to Access an Application".
    ImageBehavior(
      repository: "gcr.io/google-samples/hello-app",
      tags: ["1.0", "2.0"], size: 10_963_437, ports: [8080], main: .server, http: .helloApp(version: "1.0.0"),
      startLogs: ["{time} Server listening on port 8080"], memoryMiB: 2,
      env: [("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")],
      hasShell: false),
    // The php-apache server of the HorizontalPodAutoscaler walkthrough.
    ImageBehavior(
      repository: "registry.k8s.io/hpa-example",
      tags: ["latest"], size: 181_541_176, ports: [80], main: .server, http: .text("OK!"),
      startLogs: [], memoryMiB: 10,
      env: [("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")],
      hasShell: true),
    ImageBehavior(
      repository: "registry.k8s.io/pause",
      tags: ["3.10", "3.9", "3.8", "3.6"], size: 320_368, ports: [], main: .sleepsForever,
      http: .none, startLogs: [], memoryMiB: 1, env: [], hasShell: false),
  ] + systemImages

  /// The node.js app of the Kubernetes basics tutorial, which answers with
  /// its pod's name and its version.
  private static func bootcamp(_ repository: String, tags: [String], version: String) -> ImageBehavior {
    ImageBehavior(
      repository: repository, tags: tags, size: 74_833_402, ports: [8080], main: .server,
      http: .bootcamp(version: version),
      startLogs: ["Kubernetes Bootcamp App Started At: {jsDate} | Running On:  {podName} ", ""],
      memoryMiB: 12,
      env: [("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"), ("NODE_VERSION", "6.3.1")],
      hasShell: true)
  }

  /// Images a kind node image carries preloaded: the control plane and add-ons.
  static let systemImages: [ImageBehavior] = [
    ("registry.k8s.io/etcd", "3.5.16-0", 57_680_541, 2379, 40),
    ("registry.k8s.io/kube-apiserver", "v1.32.2", 28_680_304, 6443, 220),
    ("registry.k8s.io/kube-controller-manager", "v1.32.2", 26_259_392, 10257, 50),
    ("registry.k8s.io/kube-scheduler", "v1.32.2", 20_657_536, 10259, 20),
    ("registry.k8s.io/kube-proxy", "v1.32.2", 30_907_858, 10249, 15),
    ("registry.k8s.io/coredns/coredns", "v1.11.3", 18_562_039, 53, 15),
    ("kindest/kindnetd", "v20250214-acbabc1a", 39_008_320, 0, 10),
    ("kindest/local-path-provisioner", "v20250214-acbabc1a", 22_541_737, 0, 8),
    ("registry.k8s.io/ingress-nginx/controller", "v1.12.0", 105_483_123, 80, 90),
  ].map { repository, tag, size, port, memory in
    ImageBehavior(
      repository: repository, tags: [tag], size: size, ports: port == 0 ? [] : [port],
      main: .server, http: .none, startLogs: [], memoryMiB: memory, env: [], hasShell: false)
  }

  private static let byRepository: [String: ImageBehavior] = {
    var table: [String: ImageBehavior] = [:]
    for image in images { table[image.repository] = image }
    return table
  }()

  /// The behaviour of an image, or nil when the simulated registry lacks the
  /// repository.
  package static func repository(_ reference: ImageReference) -> ImageBehavior? {
    byRepository[reference.shortRepository]
  }

  /// Whether the registry serves this exact reference.
  package static func lookup(_ reference: ImageReference) -> ImageBehavior? {
    guard let image = repository(reference), image.tags.contains(reference.tag) || reference.digest != nil
    else { return nil }
    return releases[image.repository]?[reference.tag] ?? image
  }

  /// A stable fake digest for an image, as containerd reports in `imageID`.
  package static func digest(_ reference: ImageReference) -> String {
    var hex = ""
    var seed = RandomSource(seed: UInt64(RandomSource.fnv32a(reference.fullName)))
    hex = seed.hex(64)
    return "sha256:" + hex
  }
}
