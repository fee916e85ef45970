/// What the query engine needs from the WeChat component APIs. `WeChatClient` implements it over
/// a `Transport`; tests may implement it in memory.
///
/// Calls that fetch per appid never fail as a whole for a per-appid problem: those come back in
/// `failures` so the caller can print what was fetched and name what was not.
public protocol WeChatAPI: Sendable {
  /// describecloudbaserunenvs: every cloud-hosting environment of the provider, each handed to
  /// a sink made by `makeSink` as it is decoded (a fresh sink per attempt); the filled sink.
  /// `describeEnvs()` collects them in an array.
  func describeEnvs<Sink: EnvSink>(into makeSink: @escaping @Sendable () -> Sink) async throws
    -> Sink

  /// api_get_authorizer_list, paged (count 500): the first page, then the others its
  /// `total_count` announces, until a short page.
  func authorizers() async throws -> [Authorizer]

  /// The authorizer list and the shares of every appid in it: the calls of `authorizers()` and
  /// then `sharedEnvs(of:)`, overlapped where the implementation can.
  func authorizersWithShares() async throws -> AuthorizersAndShares

  /// batchgetenvid for `appids`, split into batches of the configured size, run with bounded
  /// concurrency. A batch that fails after retries, and each `err_list` entry, is a failure.
  func sharedEnvs(of appids: [String]) async throws -> SharesResult

  /// api_get_authorizer_info for each of `appids` (duplicates once), one call per appid, with
  /// bounded concurrency. An appid answered 61003 or 40013, or whose call failed after retries,
  /// is a failure.
  func authorizerInfo(of appids: [String]) async throws -> AuthorizerInfoResult

  /// batchshareenv: share `env` with `appids`. Sent once, never retried when the outcome is
  /// unknown.
  func share(env: String, with appids: [String]) async throws -> WriteResult

  /// batchunshareenv: remove the sharing of `env` from `appids`.
  func unshare(env: String, from appids: [String]) async throws -> WriteResult

  /// One batchshareenv or batchunshareenv call (`path`) with `data`, an item per env: sent once,
  /// never retried when the outcome is unknown (`WriteOutcomeUnknown`).
  func write(_ path: String, data: [BatchShareEnvRequest.Item]) async throws -> WriteResult

  /// getApiQuota for one cgi path (with its leading `/`).
  func apiQuota(cgiPath: String) async throws -> APIQuota

  /// Counts calls with the sizes the next calls are made with, for `explain` and `--max-calls`.
  var callEstimator: CallEstimator { get }

  /// Runs everything one statement does: at most `maxCalls` API calls (the call that would
  /// exceed it throws `ClientError.budgetExceeded` unsent), and an endpoint that answers 45009 is
  /// not called again within `body`.
  /// `body` runs in the caller's isolation (an actor such as the session).
  func withStatement<T>(
    maxCalls: Int?, isolation: isolated (any Actor)?, _ body: () async throws -> T
  ) async rethrows -> T
}

extension WeChatAPI {
  /// For in-memory doubles that implement `share` and `unshare`: one env per call.
  public func write(_ path: String, data: [BatchShareEnvRequest.Item]) async throws
    -> WriteResult
  {
    guard data.count == 1 else {
      throw ClientError.invalidWrite("this API takes one environment per call")
    }
    return path == WeChatPath.batchShareEnv
      ? try await share(env: data[0].env, with: data[0].appids)
      : try await unshare(env: data[0].env, from: data[0].appids)
  }

  /// One after the other: the list, then its shares.
  public func authorizersWithShares() async throws -> AuthorizersAndShares {
    let authorizers = try await authorizers()
    return AuthorizersAndShares(
      authorizers: authorizers, shares: try await sharedEnvs(of: authorizers.map(\.appid)))
  }

  /// The default sizes (in-memory test doubles).
  public var callEstimator: CallEstimator { CallEstimator() }

  /// Without accounting (in-memory test doubles): just runs `body`.
  /// (The signature matches the requirement exactly, with no default argument: a default here
  /// would make an overload that calls through an existential pick this instead of the
  /// conforming type's implementation.)
  public func withStatement<T>(
    maxCalls: Int?, isolation: isolated (any Actor)?, _ body: () async throws -> T
  ) async rethrows -> T {
    try await body()
  }
}

/// One authorized mini program or official account.
public struct Authorizer: Sendable, Hashable, Codable {
  public var appid: String
  /// Unix seconds.
  public var authTime: Int64?
  public init(appid: String, authTime: Int64?) {
    self.appid = appid
    self.authTime = authTime
  }
}

/// The answer to batchgetenvid over one or more batches.
public struct SharesResult: Sendable, Hashable {
  /// appid → env ids, for every appid the service answered for (an empty list: shares nothing).
  public var relations: [Relation]
  /// Appids that could not be fetched, with why.
  public var failures: [AppFailure]

  public struct Relation: Sendable, Hashable {
    public var appid: String
    public var envIDs: [String]
    public init(appid: String, envIDs: [String]) {
      self.appid = appid
      self.envIDs = envIDs
    }
  }
  public init(relations: [Relation], failures: [AppFailure]) {
    self.relations = relations
    self.failures = failures
  }
}

/// An appid (or a batch of them) the service could not answer for.
public struct AppFailure: Sendable, Hashable {
  public var appid: String
  public var env: String?
  /// errcode when known (a per-app err_list entry has only errmsg).
  public var errcode: Int64?
  public var errmsg: String
  public var rid: String?
  /// True for the service's own answer about this appid (an `err_list` entry, e.g. 85088): asking
  /// again gives the same answer. False when the call itself failed (busy, timeout, 45009).
  public var answered: Bool
  public init(
    appid: String, env: String? = nil, errcode: Int64? = nil, errmsg: String, rid: String? = nil,
    answered: Bool = false
  ) {
    self.appid = appid
    self.env = env
    self.errcode = errcode
    self.errmsg = errmsg
    self.rid = rid
    self.answered = answered
  }
}

/// The answer to batchshareenv or batchunshareenv.
public struct WriteResult: Sendable, Hashable {
  public var errcode: Int64
  public var errmsg: String
  public var rid: String?
  /// Pairs the service refused, each with its errmsg.
  public var failures: [AppFailure]
  /// share only: the confirmation link each mini program's administrator must open.
  public var links: [Link]
  public struct Link: Sendable, Hashable {
    public var appid: String
    public var url: String
    public init(appid: String, url: String) {
      self.appid = appid
      self.url = url
    }
  }
  public init(errcode: Int64, errmsg: String, rid: String?, failures: [AppFailure], links: [Link]) {
    self.errcode = errcode
    self.errmsg = errmsg
    self.rid = rid
    self.failures = failures
    self.links = links
  }
}

/// getApiQuota's answer; the rate-limit objects are optional in the service's answer.
public struct APIQuota: Sendable, Hashable {
  public var cgiPath: String
  public var dailyLimit: Int64?
  public var used: Int64?
  public var remain: Int64?
  public var rateLimitCallCount: Int64?
  public var rateLimitRefreshSecond: Int64?
  public var componentRateLimitCallCount: Int64?
  public var componentRateLimitRefreshSecond: Int64?
  public init(cgiPath: String) { self.cgiPath = cgiPath }
}
