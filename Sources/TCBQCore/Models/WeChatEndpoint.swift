/// The WeChat API endpoints tcbq calls and the sandbox serves, each declared once: its cgi path
/// (the raw value), the short name messages and call counts give it, and what it does.
public enum WeChatEndpoint: String, CaseIterable, Sendable {
  case batchGetEnvID = "/componenttcb/batchgetenvid"
  case batchShareEnv = "/componenttcb/batchshareenv"
  case batchUnshareEnv = "/componenttcb/batchunshareenv"
  case describeCloudBaseRunEnvs = "/componenttcb/describecloudbaserunenvs"
  case componentToken = "/cgi-bin/component/api_component_token"
  case authorizerList = "/cgi-bin/component/api_get_authorizer_list"
  case authorizerInfo = "/cgi-bin/component/api_get_authorizer_info"
  case apiQuota = "/cgi-bin/openapi/quota/get"

  /// The endpoint whose cgi path is `path` (with its leading `/`), if tcbq knows it.
  public init?(path: String) {
    self.init(rawValue: path)
  }

  /// The cgi path, with its leading `/` and without the host.
  public var path: String { rawValue }

  /// The name messages, `explain` and call counts use: the last path component
  /// (`/componenttcb/batchgetenvid` → `batchgetenvid`), except getApiQuota, whose path ends in
  /// a bare `get`.
  public var shortName: String {
    switch self {
    case .apiQuota: "getApiQuota"
    default: Self.lastComponent(of: path)
    }
  }

  /// One line on what the endpoint does.
  public var summary: String {
    switch self {
    case .batchGetEnvID: "getShareCloudbaseEnv: which environments each mini program shares"
    case .batchShareEnv: "shareCloudbaseEnv: share an environment with mini programs"
    case .batchUnshareEnv: "unshareCloudbaseEnv: remove the sharing"
    case .describeCloudBaseRunEnvs:
      "getWxCloudBaseRunEnvs: the provider's cloud-hosting environments"
    case .componentToken: "mints a component_access_token"
    case .authorizerList: "the authorized mini programs and official accounts, paged"
    case .authorizerInfo:
      "who one authorized app is: names, principal, account status, granted permission sets"
    case .apiQuota: "getApiQuota: the daily quota of one API"
    }
  }

  /// Whether `quota` lists this endpoint when no `cgi_path` filter names paths: the component
  /// APIs tcbq calls for data, not the token mint nor getApiQuota itself.
  public var quotaListedByDefault: Bool {
    switch self {
    case .batchGetEnvID, .batchShareEnv, .batchUnshareEnv, .describeCloudBaseRunEnvs,
      .authorizerList:
      true
    // api_get_authorizer_info is asked only by app_info queries; its quota is one
    // `where cgi_path = …` away.
    case .componentToken, .apiQuota, .authorizerInfo: false
    }
  }

  /// The endpoints `quota` lists by default, in declaration order.
  public static let quotaDefaults = allCases.filter(\.quotaListedByDefault)

  /// The short name of any cgi path: the endpoint's if tcbq knows the path, else its last
  /// component.
  public static func shortName(ofPath path: String) -> String {
    WeChatEndpoint(path: path)?.shortName ?? lastComponent(of: path)
  }

  private static func lastComponent(of path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }
}
