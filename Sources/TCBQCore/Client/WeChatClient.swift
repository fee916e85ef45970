import Logging

/// The WeChat API client: `WeChatAPI` over any `Transport`.
///
/// Batches and parallelises batchgetenvid, retries what may succeed later (busy answers, HTTP
/// 5xx, timeouts, connection errors, unreadable bodies) with exponential backoff and jitter,
/// refreshes a rejected token once, stops an endpoint at 45009, never re-sends a write whose
/// outcome is unknown, counts every call in `ledger` and honours a per-statement call budget.
///
/// A statement is the scope of the budget and of 45009 stops: wrap everything one statement
/// does in `withStatement(maxCalls:_:)`. A call made outside such a scope is a statement of its
/// own, without a budget.
public final class WeChatClient: WeChatAPI {
  public let configuration: ClientConfiguration
  /// Every HTTP call of the session, per path, retries apart.
  public let ledger: CallLedger
  let transport: any Transport
  let tokens: any TokenProvider
  let session = Locked(SessionState())

  struct SessionState: Sendable {
    /// The largest batch accepted after a 40097 split: the per-call limit learned.
    var learnedBatchLimit: Int?
  }

  /// - Parameters:
  ///   - ledger: pass the ledger the token provider also records into, to count token mints.
  public init(
    transport: any Transport, tokens: any TokenProvider,
    configuration: ClientConfiguration = ClientConfiguration(), ledger: CallLedger = CallLedger()
  ) {
    self.transport = transport
    self.tokens = tokens
    self.configuration = configuration
    self.ledger = ledger
  }

  /// The appids-per-call limit learned from 40097 answers this session, if any.
  public var discoveredBatchLimit: Int? {
    session.withLock { $0.learnedBatchLimit }
  }

  /// Appids per batchgetenvid call now: the configured size, or the learned limit if smaller.
  public var effectiveBatchSize: Int {
    min(configuration.batchSize, discoveredBatchLimit ?? configuration.batchSize)
  }

  /// Counts calls with the sizes calls are made with now: `effectiveBatchSize` and the
  /// configured page size.
  public var callEstimator: CallEstimator {
    CallEstimator(
      batchSize: effectiveBatchSize, authorizerPageSize: configuration.authorizerPageSize)
  }

  /// batchgetenvid calls needed for `appCount` appids (without retries).
  public func estimatedShareCalls(appCount: Int) -> Int {
    callEstimator.shareCalls(appCount: appCount)
  }

  /// api_get_authorizer_list pages needed for `appCount` authorizers.
  public func estimatedAuthorizerCalls(appCount: Int) -> Int {
    callEstimator.authorizerCalls(appCount: appCount)
  }

  /// api_get_authorizer_info calls needed for `appCount` distinct appids: one each.
  public func estimatedAuthorizerInfoCalls(appCount: Int) -> Int {
    callEstimator.authorizerInfoCalls(appCount: appCount)
  }

  /// Runs one statement's calls: at most `maxCalls` HTTP calls (nil: unlimited; the call that
  /// would exceed it throws `ClientError.budgetExceeded` unsent), and an endpoint that answers
  /// 45009 is not called again within `body`.
  public func withStatement<T>(
    maxCalls: Int? = nil, isolation: isolated (any Actor)? = #isolation,
    _ body: () async throws -> T
  ) async rethrows -> T {
    try await StatementContext.$current.withValue(
      StatementContext(maxCalls: maxCalls), operation: body, isolation: isolation)
  }

  /// Runs `body` in the current statement, or in a statement of its own.
  func inStatement<T>(_ body: () async throws -> T) async rethrows -> T {
    if StatementContext.current != nil { return try await body() }
    return try await withStatement(maxCalls: nil, isolation: nil, body)
  }

  func report(_ progress: CallProgress) {
    configuration.progress?(progress)
  }
}
