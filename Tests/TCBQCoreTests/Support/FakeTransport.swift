import Foundation
import TCBQCore

/// An in-memory `Transport`: a script answers each request; every request is recorded, and the
/// most requests in flight at once is tracked.
final class FakeTransport: Transport, @unchecked Sendable {
  /// Answers one request; `call` is 1 for the first request to that path, 2 for the second…
  typealias Script =
    @Sendable (_ request: TransportRequest, _ call: Int) async throws ->
    TransportResponse

  private let lock = NSLock()
  private let script: Script
  /// When set, streamed bodies (`send(_:timeout:receive:)`) arrive in chunks of this size.
  private let chunkSize: Int?
  private var recorded: [TransportRequest] = []
  private var callsPerPath: [String: Int] = [:]
  private var inFlight = 0
  private var peakInFlight = 0

  init(chunkSize: Int? = nil, _ script: @escaping Script) {
    self.chunkSize = chunkSize
    self.script = script
  }

  func send(
    _ request: TransportRequest, timeout: Duration, receive: (ArraySlice<UInt8>) throws -> Void
  ) async throws -> Int {
    let response = try await send(request, timeout: timeout)
    let size = max(1, chunkSize ?? response.body.count)
    for start in stride(from: 0, to: response.body.count, by: size) {
      try receive(response.body[start..<min(start + size, response.body.count)])
    }
    return response.status
  }

  func send(_ request: TransportRequest, timeout: Duration) async throws -> TransportResponse {
    let call = locked {
      recorded.append(request)
      callsPerPath[request.path, default: 0] += 1
      inFlight += 1
      peakInFlight = max(peakInFlight, inFlight)
      return callsPerPath[request.path]!
    }
    defer { locked { inFlight -= 1 } }
    return try await script(request, call)
  }

  var requests: [TransportRequest] { locked { recorded } }
  var maxInFlight: Int { locked { peakInFlight } }

  func requests(to path: String) -> [TransportRequest] {
    requests.filter { $0.path == path }
  }

  private func locked<T>(_ body: () -> T) -> T {
    lock.lock()
    defer { lock.unlock() }
    return body()
  }
}

/// Canned answers and request decoding for scripts.
enum Wire {
  static func json(_ text: String, status: Int = 200) -> TransportResponse {
    TransportResponse(status: status, body: Array(text.utf8))
  }

  static func encoded(_ value: some Encodable, status: Int = 200) -> TransportResponse {
    TransportResponse(status: status, body: Array(try! JSONEncoder().encode(value)))
  }

  static func error(_ errcode: Int64, _ errmsg: String = "error", status: Int = 200)
    -> TransportResponse
  {
    json(#"{"errcode": \#(errcode), "errmsg": "\#(errmsg)"}"#, status: status)
  }

  /// The appids of a batchgetenvid request.
  static func appids(of request: TransportRequest) -> [String] {
    (try? JSONDecoder().decode(BatchGetEnvIDRequest.self, from: Data(request.body)))?.appids ?? []
  }

  /// An answer where each appid shares `env-<appid>`.
  static func shares(for request: TransportRequest) -> TransportResponse {
    encoded(
      BatchGetEnvIDResponse(
        relationData: appids(of: request).map { .init(appid: $0, envList: ["env-\($0)"]) }))
  }

  /// The access_token of a request.
  static func token(of request: TransportRequest) -> String? {
    request.query.first { $0.name == "access_token" }?.value
  }
}

/// A client over `transport` with millisecond backoff.
func makeClient(
  _ transport: FakeTransport, tokens: any TokenProvider = StaticTokenProvider("T0KEN-SECRET"),
  batchSize: Int = 100, concurrency: Int = 1, maxAttempts: Int = 5,
  timeout: Duration = .seconds(60), componentAppID: String? = "wxcomponent",
  authorizerPageSize: Int = 500, ledger: CallLedger = CallLedger(),
  configure: (inout ClientConfiguration) -> Void = { _ in }
) -> WeChatClient {
  // Generous time limits: under a sanitizer on a loaded machine one attempt can take seconds,
  // and a test about retries must not turn into a test of the clock. Tests of the limits set
  // their own.
  var configuration = ClientConfiguration(
    batchSize: batchSize, concurrency: concurrency, maxAttempts: maxAttempts,
    baseDelay: .milliseconds(1), maxDelay: .milliseconds(4), maxRetryTime: .seconds(3600),
    timeout: timeout, componentAppID: componentAppID, authorizerPageSize: authorizerPageSize)
  configure(&configuration)
  return WeChatClient(
    transport: transport, tokens: tokens, configuration: configuration, ledger: ledger)
}

/// `count` appids: wx0000000000000000, wx0000000000000001, …
func appids(_ count: Int) -> [String] {
  (0..<count).map { "wx" + String(repeating: "0", count: 16 - String($0).count) + String($0) }
}
