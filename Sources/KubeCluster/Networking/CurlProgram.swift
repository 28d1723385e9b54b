import Foundation

/// What curl printed and how it ended.
package struct CurlOutcome: Sendable {
  package var stdout = ""
  package var stderr = ""
  package var exitCode: Int32 = 0
  /// The body to write to the `-o` file, with its path as typed.
  package var file: (path: String, contents: String)?
}

/// curl 8.5 (Ubuntu 24.04's), for the host shell and for containers that
/// ship it: the options tutorials use and curl's own messages.
package enum CurlProgram {
  package static let userAgent = "curl/8.5.0"

  /// A port-forward on the learner's machine: local port to a pod port.
  package typealias Forward = (_ port: Int) -> (pod: ObjectKey, port: Int)?
  /// A server on the learner's machine other than a port-forward (`kubectl
  /// proxy`): its answer to a request on a local port, or nil when nothing
  /// listens there.
  package typealias LocalServer = (_ port: Int, _ request: HTTPRequest, _ cluster: inout Cluster) -> HTTPResponse?

  struct Options {
    var url: String?
    var silent = false
    var showError = false
    var include = false
    var head = false
    var verbose = false
    var fail = false
    var insecure = false
    var location = false
    /// Certificates trusted besides none (`--cacert FILE`).
    var trusted: [TLSCertificate] = []
    /// A `--cacert` file that could not be read: HTTPS fails with 77.
    var unreadableCACert: String?
    var method: String?
    var headers: [(String, String)] = []
    var maxTime: Double?
    var connectTimeout: Double?
    var output: String?
    var data: String?
    /// curl's `Warning:` lines, printed before the transfer.
    var warnings = ""
    var writeOut: String?
  }

  /// curl's `warnf` (off a terminal, 79 columns): `Warning: ` before each
  /// piece of at most 70 characters, cut after the last blank that fits.
  static func warning(_ message: String) -> String {
    let width = 70
    var rest = Array(message)
    var out = ""
    while !rest.isEmpty {
      out += "Warning: "
      guard rest.count > width else {
        out += String(rest) + "\n"
        break
      }
      var cut = width - 1
      while cut > 0 && rest[cut] != " " && rest[cut] != "\t" { cut -= 1 }
      if cut == 0 { cut = width - 1 }
      out += String(rest[...cut]) + "\n"
      rest.removeFirst(cut + 1)
    }
    return out
  }

  /// Runs `curl ARGUMENTS` (without the word `curl`) from `origin`.
  package static func run(
    _ arguments: [String], cluster: inout Cluster, origin: NetworkOrigin,
    forward: Forward = { _ in nil }, local: LocalServer = { _, _, _ in nil },
    readFile: (String) -> String? = { _ in nil }
  )
    -> CurlOutcome
  {
    var options = Options()
    var index = 0
    func value(_ flag: String) -> String? {
      index += 1
      return index < arguments.count ? arguments[index] : nil
    }
    func missing(_ flag: String) -> CurlOutcome {
      CurlOutcome(
        stderr:
          "curl: option \(flag): requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
        exitCode: 2)
    }
    while index < arguments.count {
      let argument = arguments[index]
      var flags: [String] = []
      if argument.hasPrefix("--") {
        flags = [argument]
      } else if argument.hasPrefix("-") && argument.count > 1 {
        flags = argument.dropFirst().map { "-\($0)" }
      } else {
        options.url = argument
        index += 1
        continue
      }
      for (position, flag) in flags.enumerated() {
        let last = position == flags.count - 1
        switch flag {
        case "-s", "--silent": options.silent = true
        case "-S", "--show-error": options.showError = true
        case "-i", "--include": options.include = true
        case "-I", "--head": options.head = true
        case "-v", "--verbose": options.verbose = true
        case "-f", "--fail": options.fail = true
        case "-k", "--insecure": options.insecure = true
        case "-L", "--location": options.location = true
        case "--compressed", "-4", "-N", "--no-buffer": break
        case "--cacert":
          guard last, let path = value(flag) else { return missing(flag) }
          if let text = readFile(path) {
            options.trusted += TLSCertificate.all(inPEM: text)
          } else {
            options.unreadableCACert = path
          }
        case "-X", "--request", "-H", "--header", "-m", "--max-time", "--connect-timeout", "-o",
          "--output", "-d", "--data", "--data-raw", "--data-binary", "-A", "--user-agent", "-w", "--write-out":
          guard last, let text = value(flag) else { return missing(flag) }
          switch flag {
          case "-X", "--request": options.method = text
          case "-H", "--header":
            if let colon = text.firstIndex(of: ":") {
              options.headers.append(
                (
                  String(text[..<colon]),
                  text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                ))
            }
          case "-m", "--max-time": options.maxTime = Double(text)
          case "--connect-timeout": options.connectTimeout = Double(text)
          case "-o", "--output": options.output = text
          case "-A", "--user-agent": options.headers.append(("User-Agent", text))
          case "-w", "--write-out": options.writeOut = text
          case "-d", "--data", "--data-binary":
            guard text.hasPrefix("@") else {
              options.data = text
              break
            }
            // `@FILE`: the file's contents; `-d` drops its line breaks, `--data-binary` keeps them.
            guard let contents = readFile(String(text.dropFirst())) else {
              options.warnings += warning("Couldn't read data from file \"\(text.dropFirst())\", this makes an empty POST.")
              options.data = ""
              break
            }
            options.data = flag == "--data-binary" ? contents : contents.filter { $0 != "\n" && $0 != "\r" }
          default: options.data = text
          }
        default:
          return CurlOutcome(
            stderr:
              "curl: option \(flag): is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
            exitCode: 2)
        }
      }
      index += 1
    }
    guard let url = options.url else {
      return CurlOutcome(
        stderr:
          "curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
        exitCode: 2)
    }
    var outcome = fetch(url, options: options, cluster: &cluster, origin: origin, forward: forward, local: local)
    if !options.silent { outcome.stderr = options.warnings + outcome.stderr }
    // The shell's line tools and terminals work in lines ending in LF; the
    // CR of HTTP's CRLF would only get in their way.
    outcome.stdout = outcome.stdout.replacingOccurrences(of: "\r\n", with: "\n")
    outcome.stderr = outcome.stderr.replacingOccurrences(of: "\r\n", with: "\n")
    if let file = outcome.file {
      outcome.file = (file.path, file.contents.replacingOccurrences(of: "\r\n", with: "\n"))
    }
    return outcome
  }

  /// How far a request got: where curl stopped, or the answer.
  enum Transfer: Error {
    /// curl gave up with this exit code and message; `verbose` is what
    /// `-v` shows before the message.
    case failed(code: Int32, message: String, verbose: String)
    case answered(HTTPResponse, ip: String)
  }

  /// A URL as curl splits it.
  struct Target {
    var scheme: String
    var authority: String
    var host: String
    var port: Int
    var path: String
  }

  static func target(_ url: String) -> Result<Target, Transfer> {
    var rest = Substring(url)
    var scheme = "http"
    if let range = rest.range(of: "://") {
      scheme = rest[..<range.lowerBound].lowercased()
      rest = rest[range.upperBound...]
    }
    guard scheme == "http" || scheme == "https" else {
      return .failure(.failed(code: 1, message: "Protocol \"\(scheme)\" not supported", verbose: ""))
    }
    let authority = String(rest.prefix { $0 != "/" && $0 != "?" })
    var path = String(rest.dropFirst(authority.count))
    if path.isEmpty { path = "/" } else if path.hasPrefix("?") { path = "/" + path }
    var host = authority
    var port = scheme == "https" ? 443 : 80
    if let colon = authority.lastIndex(of: ":") {
      host = String(authority[..<colon])
      guard let number = Int(authority[authority.index(after: colon)...]), (0...65535).contains(number)
      else {
        return .failure(
          .failed(
            code: 3, message: "URL rejected: Port number was not a decimal number between 0 and 65535",
            verbose: ""))
      }
      port = number
    }
    return .success(Target(scheme: scheme, authority: authority, host: host, port: port, path: path))
  }

  /// Resolves, connects and sends: the one way an HTTP request travels in
  /// the simulated network, for the learner's curl and for the tutor's
  /// behaviour goals alike.
  static func transfer(
    _ request: HTTPRequest, to target: Target, insecure: Bool, trusted: [TLSCertificate] = [],
    maxTime: Double?, cluster: inout Cluster,
    origin: NetworkOrigin, forward: Forward, local: LocalServer = { _, _, _ in nil }
  ) -> Transfer {
    guard let (_, addresses) = cluster.resolve(target.host, from: origin), let ip = addresses.first else {
      return .failed(
        code: 6, message: "Could not resolve host: \(target.host)",
        verbose: "* Could not resolve host: \(target.host)\n* Closing connection\n")
    }
    let port = target.port
    var verbose = "*   Trying \(ip):\(port)...\n"
    let result: Result<HTTPResponse, NetworkFailure>
    if ip == "127.0.0.1", case .host = origin {
      if let forwarded = forward(port) {
        result = cluster.sendToPod(request, pod: forwarded.pod, port: forwarded.port)
      } else if let answer = local(port, request, &cluster) {
        result = .success(answer)
      } else {
        result = .failure(.refused(ip: ip, port: port))
      }
    } else {
      result = cluster.send(request, to: ip, port: port, from: origin)
    }
    switch result {
    case .failure(.unresolved(let name)):
      return .failed(code: 6, message: "Could not resolve host: \(name)", verbose: verbose)
    case .failure(.refused):
      verbose +=
        "* connect to \(ip) port \(port) from 127.0.0.1 port 0 failed: Connection refused\n"
        + "* Failed to connect to \(target.host) port \(port) after 0 ms: Couldn't connect to server\n* Closing connection\n"
      return .failed(
        code: 7, message: "Failed to connect to \(target.host) port \(port) after 0 ms: Couldn't connect to server",
        verbose: verbose)
    case .failure(.timedOut):
      let milliseconds = maxTime.map { Int($0 * 1000) + 1 } ?? 134_251
      cluster.advance(by: Double(milliseconds) / 1000)
      verbose +=
        "* Failed to connect to \(target.host) port \(port) after \(milliseconds) ms: Timeout was reached\n* Closing connection\n"
      let reason = maxTime == nil ? "Couldn't connect to server" : "Timeout was reached"
      return .failed(
        code: 28, message: "Failed to connect to \(target.host) port \(port) after \(milliseconds) ms: \(reason)",
        verbose: verbose)
    case .success(let response):
      if target.scheme == "https" && !response.servesTLS {
        return .failed(
          code: 35, message: "OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number", verbose: verbose)
      }
      if target.scheme == "https" && !insecure,
        let problem = verify(response.certificate, host: target.host, trusted: trusted, now: cluster.now)
      {
        return .failed(
          code: 60,
          message:
            "\(problem)\nMore details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the web page mentioned above.",
          verbose: verbose)
      }
      return .answered(response, ip: ip)
    }
  }

  /// What OpenSSL and curl say of a server's certificate; nil when it is
  /// trusted (it or its issuer given with `--cacert`), current, and names
  /// `host`.
  package static func verify(_ certificate: TLSCertificate?, host: String, trusted: [TLSCertificate], now: Date)
    -> String?
  {
    guard let certificate else { return "SSL certificate problem: self-signed certificate" }
    let isTrusted =
      trusted.contains(certificate)
      || (!certificate.selfSigned && trusted.contains { $0.subjectText == certificate.issuerText })
    guard isTrusted else {
      return certificate.selfSigned
        ? "SSL certificate problem: self-signed certificate"
        : "SSL certificate problem: unable to get local issuer certificate"
    }
    if let start = certificate.notBefore, now < start {
      return "SSL certificate problem: certificate is not yet valid"
    }
    if let end = certificate.notAfter, now > end { return "SSL certificate problem: certificate has expired" }
    guard certificate.matches(host: host) else {
      return "SSL: no alternative certificate subject name matches target host name '\(host)'"
    }
    return nil
  }

  /// What `curl -sk URL` would get from `origin`: the answer, or nil when
  /// curl would fail. Behaviour goals ask this.
  package static func response(to url: String, cluster: inout Cluster, origin: NetworkOrigin) -> HTTPResponse? {
    guard case .success(let target) = target(url) else { return nil }
    var request = HTTPRequest(method: "GET", host: target.authority, path: target.path, userAgent: userAgent)
    request.tls = target.scheme == "https"
    let transfer = transfer(
      request, to: target, insecure: true, maxTime: nil, cluster: &cluster, origin: origin, forward: { _ in nil })
    guard case .answered(let response, _) = transfer else { return nil }
    return response
  }

  private static func fetch(
    _ url: String, options: Options, cluster: inout Cluster, origin: NetworkOrigin, forward: Forward,
    local: LocalServer, redirects: Int = 0
  )
    -> CurlOutcome
  {
    var out = CurlOutcome()
    let quiet = options.silent && !options.showError
    func fail(_ code: Int32, _ message: String) -> CurlOutcome {
      var result = out
      if !quiet { result.stderr += "curl: (\(code)) \(message)\n" }
      result.exitCode = code
      return result
    }
    let target: Target
    switch CurlProgram.target(url) {
    case .failure(.failed(let code, let message, _)): return fail(code, message)
    case .failure: return fail(3, "URL rejected: Bad URL")
    case .success(let found): target = found
    }
    let (authority, hostName, port, path) = (target.authority, target.host, target.port, target.path)
    if target.scheme == "https", let path = options.unreadableCACert {
      return fail(77, "error setting certificate file: \(path)")
    }
    let userAgent = options.headers.last { $0.0.lowercased() == "user-agent" }?.1 ?? userAgent
    let method = options.method ?? (options.head ? "HEAD" : (options.data == nil ? "GET" : "POST"))
    var request = HTTPRequest(
      method: method, host: authority, path: path,
      headers: options.headers.filter { $0.0.lowercased() != "user-agent" }, userAgent: userAgent)
    request.tls = target.scheme == "https"
    // (curl also sends `Content-Type: application/x-www-form-urlencoded`
    // with `-d` unless told otherwise; a server that cares reads its absence so.)
    request.body = options.data ?? ""
    let limit = [options.maxTime, options.connectTimeout].compactMap { $0 }.min()
    let transfer = transfer(
      request, to: target, insecure: options.insecure, trusted: options.trusted, maxTime: limit,
      cluster: &cluster, origin: origin,
      forward: forward, local: local)
    switch transfer {
    case .failed(let code, let message, let verbose):
      if options.verbose { out.stderr += verbose }
      return fail(code, message)
    case .answered(let response, let ip):
      if options.verbose { out.stderr += "*   Trying \(ip):\(port)...\n" }
      var head: String
      if response.http2 {
        // HTTP/2 has no reason phrase and no Connection header; names are lowercase.
        head = "HTTP/2 \(response.status) \r\n"
        for (name, value) in response.headers where name != "Connection" {
          head += "\(name.lowercased()): \(value)\r\n"
        }
      } else {
        head = "HTTP/1.1 \(response.status) \(response.reason)\r\n"
        for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
      }
      head += "\r\n"
      if options.verbose {
        out.stderr += "* Connected to \(hostName) (\(ip)) port \(port)\n"
        var sent = "\(method) \(path) \(response.http2 ? "HTTP/2" : "HTTP/1.1")\r\n"
        let explicitHost = options.headers.last { $0.0.lowercased() == "host" }?.1
        sent += "Host: \(explicitHost ?? authority)\r\n"
        sent += "User-Agent: \(userAgent)\r\nAccept: */*\r\n"
        for (name, value) in options.headers
        where !["host", "user-agent"].contains(name.lowercased()) {
          sent += "\(name): \(value)\r\n"
        }
        sent += "\r\n"
        out.stderr += sent.components(separatedBy: "\r\n").dropLast().map { "> \($0)\r\n" }.joined()
        out.stderr += head.components(separatedBy: "\r\n").dropLast().map { "< \($0)\r\n" }.joined()
      }
      if options.location, (300..<400).contains(response.status), redirects < 50,
        let location = response.headers.last(where: { $0.0.lowercased() == "location" })?.1
      {
        // -L: the next request goes where Location says; -i shows every head.
        let next =
          location.contains("://")
          ? location : "\(target.scheme)://\(authority)\(location.hasPrefix("/") ? "" : "/")\(location)"
        if options.verbose { out.stderr += "* Issue another request to this URL: '\(next)'\n" }
        var followed = options
        if [301, 302, 303].contains(response.status) && options.method == nil { followed.data = nil }
        var rest = fetch(
          next, options: followed, cluster: &cluster, origin: origin, forward: forward,
          local: local, redirects: redirects + 1)
        if (options.include || options.head) && options.output == nil { rest.stdout = head + rest.stdout }
        rest.stderr = out.stderr + rest.stderr
        return rest
      }
      if options.fail && response.status >= 400 {
        if options.verbose {
          out.stderr +=
            "* The requested URL returned error: \(response.status)\n* Closing connection\n"
        }
        return fail(22, "The requested URL returned error: \(response.status)")
      }
      var shown = options.include || options.head ? head : ""
      if !options.head { shown += response.body }
      if let file = options.output, file != "-" {
        out.file = (file, shown)
        if options.verbose && !options.head {
          out.stderr += "{ [\(response.body.utf8.count) bytes data]\n"
        }
        if !options.silent && !options.verbose {
          let size = String(shown.utf8.count)
          let pad = { (text: String, width: Int) in
            String(repeating: " ", count: max(0, width - text.count)) + text
          }
          out.stderr +=
            "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n"
          out.stderr +=
            "                                 Dload  Upload   Total   Spent    Left  Speed\n"
          out.stderr +=
            "\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0"
          out.stderr +=
            "\r100 \(pad(size, 5))  100 \(pad(size, 5))    0     0   600k      0 --:--:-- --:--:-- --:--:--  600k\n"
        }
      } else {
        out.stdout += shown
      }
      if options.verbose { out.stderr += "* Connection #0 to host \(hostName) left intact\n" }
      if let format = options.writeOut {
        out.stdout +=
          format
          .replacingOccurrences(of: "%{http_code}", with: String(response.status))
          .replacingOccurrences(of: "%{response_code}", with: String(response.status))
          .replacingOccurrences(of: "%{size_download}", with: String(response.body.utf8.count))
          .replacingOccurrences(of: "%{remote_ip}", with: ip)
          .replacingOccurrences(of: "\\n", with: "\n")
      }
      return out
    }
  }
}
