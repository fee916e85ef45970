import Logging

/// How `WeChatClient` batches, retries, times out and reports.
public struct ClientConfiguration: Sendable {
  /// Appids per batchgetenvid call (`--batch-size`). A smaller limit learned from 40097
  /// answers takes over for the rest of the session.
  public var batchSize: Int
  /// Calls in flight at once (`--concurrency`).
  public var concurrency: Int
  /// Attempts per call, the first included, for retryable failures.
  public var maxAttempts: Int
  /// The first backoff delay; doubled on each retry, with jitter.
  public var baseDelay: Duration
  /// The longest single backoff delay.
  public var maxDelay: Duration
  /// No retry starts once this much time has passed since a call's first attempt.
  public var maxRetryTime: Duration
  /// Per-call timeout.
  public var timeout: Duration
  /// The component appid, for api_get_authorizer_list (TCBQ_COMPONENT_APPID).
  public var componentAppID: String?
  /// Authorizers per api_get_authorizer_list page (by default the service's maximum).
  public var authorizerPageSize: Int
  /// Where calls are logged: each call at `.debug` (path, batch size, errcode, elapsed ms),
  /// retries and stops at `.notice`. The token is never logged. Default: discards everything.
  public var logger: Logger
  /// Called after each completed call of a multi-call operation, for a progress line.
  public var progress: (@Sendable (CallProgress) -> Void)?

  public init(
    batchSize: Int = Defaults.batchSize,
    concurrency: Int = Defaults.concurrency,
    maxAttempts: Int = 5,
    baseDelay: Duration = .milliseconds(500),
    maxDelay: Duration = .seconds(8),
    maxRetryTime: Duration = .seconds(60),
    timeout: Duration = .seconds(Defaults.timeout),
    componentAppID: String? = nil,
    authorizerPageSize: Int = Defaults.authorizerPageSize,
    logger: Logger = Logger(label: "tcbq.api", factory: { _ in SwiftLogNoOpLogHandler() }),
    progress: (@Sendable (CallProgress) -> Void)? = nil
  ) {
    self.batchSize = max(1, batchSize)
    self.concurrency = max(1, concurrency)
    self.maxAttempts = max(1, maxAttempts)
    self.baseDelay = baseDelay
    self.maxDelay = maxDelay
    self.maxRetryTime = maxRetryTime
    self.timeout = timeout
    self.componentAppID = componentAppID
    self.authorizerPageSize = max(1, authorizerPageSize)
    self.logger = logger
    self.progress = progress
  }
}

/// Where a multi-call operation stands, for the shell's progress line.
public struct CallProgress: Sendable, Hashable {
  /// The endpoint being called, e.g. `/componenttcb/batchgetenvid`.
  public var path: String
  public var callsDone: Int
  /// The expected number of calls, when known (it may grow when a batch is split).
  public var callsTotal: Int?
  /// Rows fetched so far (relations, authorizers).
  public var rows: Int

  public init(path: String, callsDone: Int, callsTotal: Int?, rows: Int) {
    self.path = path
    self.callsDone = callsDone
    self.callsTotal = callsTotal
    self.rows = rows
  }
}
