import Foundation
import Logging

/// Mints component_access_tokens with api_component_token from the component appid, app secret
/// and verify ticket, over the same `Transport` as the calls.
///
/// The token is cached and minted again `refreshMargin` (10 minutes) before it expires;
/// concurrent callers share one mint. Every mint is counted in `ledger`. Neither the secret nor
/// the token appears in descriptions, logs or errors.
public actor ComponentTokenProvider: TokenProvider {
  private struct Cached: Sendable {
    var token: String
    var refreshAt: ContinuousClock.Instant
  }

  /// The component appid the tokens are minted for.
  public nonisolated let componentAppID: String
  private let appSecret: String
  private let verifyTicket: String
  private let transport: any Transport
  private let ledger: CallLedger?
  private let timeout: Duration
  private let refreshMargin: Duration
  private let logger: Logger
  private let now: @Sendable () -> ContinuousClock.Instant

  private var cached: Cached?
  private var minting: Task<Cached, any Error>?
  /// How many tokens this provider has minted (for tests and `--verbose`).
  public private(set) var mintCount = 0

  /// - Parameters:
  ///   - refreshMargin: mint again this long before `expires_in` runs out (at most half of it).
  ///   - now: the clock, replaceable in tests.
  public init(
    componentAppID: String, appSecret: String, verifyTicket: String, transport: any Transport,
    ledger: CallLedger? = nil, timeout: Duration = .seconds(10),
    refreshMargin: Duration = .seconds(600),
    logger: Logger = Logger(label: "tcbq.token", factory: { _ in SwiftLogNoOpLogHandler() }),
    now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
  ) {
    self.componentAppID = componentAppID
    self.appSecret = appSecret
    self.verifyTicket = verifyTicket
    self.transport = transport
    self.ledger = ledger
    self.timeout = timeout
    self.refreshMargin = refreshMargin
    self.logger = logger
    self.now = now
  }

  public func token() async throws -> String {
    if let cached, now() < cached.refreshAt { return cached.token }
    return try await mint()
  }

  public func refresh(after rejected: String) async throws -> String {
    if let cached, cached.token != rejected, now() < cached.refreshAt { return cached.token }
    cached = nil
    return try await mint()
  }

  private func mint() async throws -> String {
    if let minting { return try await minting.value.token }
    let request = ComponentTokenRequest(
      componentAppID: componentAppID, componentAppSecret: appSecret,
      componentVerifyTicket: verifyTicket)
    let task = Task { try await self.requestToken(request) }
    minting = task
    defer { minting = nil }
    let fresh = try await task.value
    cached = fresh
    mintCount += 1
    return fresh.token
  }

  private nonisolated func requestToken(_ body: ComponentTokenRequest) async throws -> Cached {
    let path = WeChatPath.componentToken
    let request = TransportRequest(
      path: path, query: [], body: Array(try JSONEncoder().encode(body)))
    ledger?.record(path: path, retry: false)
    let started = ContinuousClock.now
    let response = try await transport.send(request, timeout: timeout)
    let answer = try? JSONDecoder().decode(ComponentTokenResponse.self, from: Data(response.body))
    logger.debug(
      "\(WeChatPath.shortName(path)) status=\(response.status) errcode=\(answer.map { String($0.errcode) } ?? "?") elapsed=\(milliseconds(ContinuousClock.now - started))ms"
    )
    guard let answer else {
      throw (200...299).contains(response.status)
        ? TransportError.undecodableBody : TransportError.httpStatus(response.status)
    }
    guard answer.errcode == 0 else {
      throw APIError(path: path, errcode: answer.errcode, errmsg: answer.errmsg ?? "")
    }
    guard let token = answer.componentAccessToken, !token.isEmpty else {
      throw ClientError.tokenMissingInAnswer
    }
    let lifetime = Duration.seconds(answer.expiresIn ?? 7200)
    let margin = min(refreshMargin, lifetime / 2)
    return Cached(token: token, refreshAt: now() + lifetime - margin)
  }
}

/// Whole milliseconds of `duration`, for log lines.
func milliseconds(_ duration: Duration) -> Int64 {
  let (seconds, attoseconds) = duration.components
  return seconds * 1000 + attoseconds / 1_000_000_000_000_000
}
