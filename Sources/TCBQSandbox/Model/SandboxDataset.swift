/// The data a sandbox starts from: environments, authorized apps and confirmed shares.
public struct SandboxDataset: Sendable, Hashable {
  public var envs: [SandboxEnv]
  public var apps: [SandboxApp]
  /// Confirmed shares: appid → env ids, in the order they were made.
  public var shares: [String: [String]]

  public init(envs: [SandboxEnv], apps: [SandboxApp], shares: [String: [String]]) {
    self.envs = envs
    self.apps = apps
    self.shares = shares
  }

  /// The number of (appid, env) pairs shared.
  public var shareCount: Int { shares.values.reduce(0) { $0 + $1.count } }
}
