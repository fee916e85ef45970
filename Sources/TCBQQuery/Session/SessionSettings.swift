import TCBQCore

/// What a session needs to know beyond the API: the cache's lifetime, the call budget and
/// whether writes are only shown. (Batch and page sizes are the API's: `WeChatAPI.callEstimator`.)
public struct SessionSettings: Sendable, Hashable {
  /// Seconds a fetched table stays fresh; 0 fetches on every use.
  public var cacheTTL: Double
  /// `--max-calls`: no statement makes more API calls than this.
  public var maxCalls: Int?
  /// `--dry-run`: writes are printed, not sent.
  public var dryRun: Bool
  /// `--max-writes`: a write of more pairs to send than this is refused (nil: off).
  public var maxWrites: Int?

  /// The default `--max-writes`.
  public static let defaultMaxWrites = 20

  public init(
    cacheTTL: Double = Defaults.cacheTTL, maxCalls: Int? = nil, dryRun: Bool = false,
    maxWrites: Int? = SessionSettings.defaultMaxWrites
  ) {
    self.cacheTTL = cacheTTL
    self.maxCalls = maxCalls
    self.dryRun = dryRun
    self.maxWrites = maxWrites
  }
}
