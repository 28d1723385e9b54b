import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A blocking HTTP client for the tests: status, headers and body.
enum HTTPClient {
  struct Response: Sendable {
    var status: Int
    var contentType: String
    var body: String
  }

  static func request(
    _ url: String, method: String = "GET", headers: [String: String] = [:], body: String? = nil,
    timeout: TimeInterval = 10
  ) throws -> Response {
    var request = URLRequest(url: URL(string: url)!, timeoutInterval: timeout)
    request.httpMethod = method
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    if let body { request.httpBody = Data(body.utf8) }
    let box = ResultBox()
    let semaphore = DispatchSemaphore(value: 0)
    // A session per request: the shared one queues requests to one host
    // behind open watch streams.
    let configuration = URLSessionConfiguration.ephemeral
    configuration.httpMaximumConnectionsPerHost = 64
    let session = URLSession(configuration: configuration)
    defer { session.finishTasksAndInvalidate() }
    session.dataTask(with: request) { data, response, error in
      if let error {
        box.result = .failure(error)
      } else {
        let http = response as? HTTPURLResponse
        box.result = .success(
          Response(
            status: http?.statusCode ?? 0,
            contentType: http?.value(forHTTPHeaderField: "Content-Type") ?? "",
            body: String(decoding: data ?? Data(), as: UTF8.self)))
      }
      semaphore.signal()
    }.resume()
    semaphore.wait()
    return try box.result!.get()
  }

  private final class ResultBox: @unchecked Sendable {
    var result: Result<Response, Error>?
  }
}
