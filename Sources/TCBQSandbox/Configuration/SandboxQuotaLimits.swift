import TCBQCore

/// Daily call limits per API path, as getApiQuota reports them; past the limit a path answers
/// 45009 "reach max api daily quota limit".
public struct SandboxQuotaLimits: Sendable, Hashable {
  /// The limit of every path not named in `perPath`.
  public var defaultLimit: Int
  /// Limits of named paths, e.g. `/componenttcb/batchgetenvid`.
  public var perPath: [String: Int]

  public init(defaultLimit: Int = 10_000, perPath: [String: Int] = Self.defaultPerPath) {
    self.defaultLimit = defaultLimit
    self.perPath = perPath
  }

  /// batchgetenvid is the call tcbq makes most: 100,000 a day.
  public static let defaultPerPath = [WeChatEndpoint.batchGetEnvID.path: 100_000]

  /// The daily limit of `path`.
  public func limit(for path: String) -> Int {
    perPath[path] ?? defaultLimit
  }
}
