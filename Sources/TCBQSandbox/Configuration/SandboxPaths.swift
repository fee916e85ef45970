/// The API paths the sandbox serves.
public enum SandboxPaths {
  public static let batchGetEnvID = "/componenttcb/batchgetenvid"
  public static let batchShareEnv = "/componenttcb/batchshareenv"
  public static let batchUnshareEnv = "/componenttcb/batchunshareenv"
  public static let describeEnvs = "/componenttcb/describecloudbaserunenvs"
  public static let componentToken = "/cgi-bin/component/api_component_token"
  public static let authorizerList = "/cgi-bin/component/api_get_authorizer_list"
  public static let authorizerInfo = "/cgi-bin/component/api_get_authorizer_info"
  public static let apiQuota = "/cgi-bin/openapi/quota/get"

  /// Every served path, in a stable order.
  public static let all = [
    batchGetEnvID, batchShareEnv, batchUnshareEnv, describeEnvs, componentToken, authorizerList,
    apiQuota, authorizerInfo,
  ]
}
