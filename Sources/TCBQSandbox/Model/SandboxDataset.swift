/// The data a sandbox starts from: environments, authorized apps and confirmed shares.
public struct SandboxDataset: Sendable, Hashable {
  public var envs: [SandboxEnv]
  public var apps: [SandboxApp]
  /// Confirmed shares: appid → env ids, in the order they were made.
  public var shares: [String: [String]]
  /// Who the apps are (api_get_authorizer_info), by appid; an app not listed is given the info
  /// `SandboxGenerator.info(for:)` derives from its appid.
  public var appInfos: [String: SandboxAppInfo]

  public init(
    envs: [SandboxEnv], apps: [SandboxApp], shares: [String: [String]],
    appInfos: [String: SandboxAppInfo] = [:]
  ) {
    self.envs = envs
    self.apps = apps
    self.shares = shares
    self.appInfos = appInfos
  }

  /// The number of (appid, env) pairs shared.
  public var shareCount: Int { shares.values.reduce(0) { $0 + $1.count } }
}
