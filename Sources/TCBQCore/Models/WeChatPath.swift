/// The cgi paths tcbq calls, with their leading `/`.
public enum WeChatPath {
  /// getShareCloudbaseEnv: which environments each mini program shares.
  public static let batchGetEnvID = "/componenttcb/batchgetenvid"
  /// shareCloudbaseEnv: share an environment with mini programs.
  public static let batchShareEnv = "/componenttcb/batchshareenv"
  /// unshareCloudbaseEnv: remove the sharing.
  public static let batchUnshareEnv = "/componenttcb/batchunshareenv"
  /// getWxCloudBaseRunEnvs: the provider's cloud-hosting environments.
  public static let describeCloudBaseRunEnvs = "/componenttcb/describecloudbaserunenvs"
  /// Mints a component_access_token.
  public static let componentToken = "/cgi-bin/component/api_component_token"
  /// The authorized mini programs and official accounts, paged.
  public static let authorizerList = "/cgi-bin/component/api_get_authorizer_list"
  /// Who one authorized app is: names, principal, account status, granted permission sets.
  public static let authorizerInfo = "/cgi-bin/component/api_get_authorizer_info"
  /// getApiQuota: the daily quota of one API.
  public static let apiQuota = "/cgi-bin/openapi/quota/get"

  /// The component APIs tcbq uses, whose quotas the `quota` table lists by default.
  public static let componentPaths = [
    batchGetEnvID, batchShareEnv, batchUnshareEnv, describeCloudBaseRunEnvs, authorizerList,
  ]

  /// The last path component, as messages and call counts name an endpoint
  /// (`/componenttcb/batchgetenvid` → `batchgetenvid`).
  public static func shortName(_ path: String) -> String {
    // The quota path ends in a bare `get`; the documentation calls it getApiQuota.
    if path == apiQuota { return "getApiQuota" }
    return path.split(separator: "/").last.map(String.init) ?? path
  }
}
