/// The cgi paths of `WeChatEndpoint` as strings, for code that passes paths around (errors, the
/// ledger, transports).
public enum WeChatPath {
  public static let batchGetEnvID = WeChatEndpoint.batchGetEnvID.path
  public static let batchShareEnv = WeChatEndpoint.batchShareEnv.path
  public static let batchUnshareEnv = WeChatEndpoint.batchUnshareEnv.path
  public static let describeCloudBaseRunEnvs = WeChatEndpoint.describeCloudBaseRunEnvs.path
  public static let componentToken = WeChatEndpoint.componentToken.path
  public static let authorizerList = WeChatEndpoint.authorizerList.path
  public static let authorizerInfo = WeChatEndpoint.authorizerInfo.path
  public static let apiQuota = WeChatEndpoint.apiQuota.path

  /// The last path component, as messages and call counts name an endpoint
  /// (`/componenttcb/batchgetenvid` → `batchgetenvid`; getApiQuota for the quota path).
  public static func shortName(_ path: String) -> String {
    WeChatEndpoint.shortName(ofPath: path)
  }
}
