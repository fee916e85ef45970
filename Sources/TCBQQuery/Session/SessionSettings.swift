/// What a session needs to know beyond the API: batching for `explain`'s estimates, the cache's
/// lifetime, the call budget and whether writes are only shown.
public struct SessionSettings: Sendable, Hashable {
  /// appids per batchgetenvid call (the client's setting, repeated here for `explain`).
  public var batchSize: Int
  /// Seconds a fetched table stays fresh; 0 fetches on every use.
  public var cacheTTL: Double
  /// `--max-calls`: no statement makes more API calls than this.
  public var maxCalls: Int?
  /// `--dry-run`: writes are printed, not sent.
  public var dryRun: Bool
  /// api_get_authorizer_list page size.
  public var authorizerPageSize: Int

  public init(
    batchSize: Int = 100, cacheTTL: Double = 600, maxCalls: Int? = nil, dryRun: Bool = false,
    authorizerPageSize: Int = 500
  ) {
    self.batchSize = batchSize
    self.cacheTTL = cacheTTL
    self.maxCalls = maxCalls
    self.dryRun = dryRun
    self.authorizerPageSize = authorizerPageSize
  }
}
