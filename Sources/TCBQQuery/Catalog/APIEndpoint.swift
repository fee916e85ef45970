/// An API call that fills tables, named by the last part of its path, as docs/language.md names
/// it.
public enum APIEndpoint: String, Sendable, Hashable, CaseIterable {
  case describeCloudBaseRunEnvs = "describecloudbaserunenvs"
  case authorizerList = "api_get_authorizer_list"
  case batchGetEnvID = "batchgetenvid"
  case apiQuota = "getApiQuota"

  /// The cgi path of the endpoint, with its leading `/`.
  public var cgiPath: String {
    switch self {
    case .describeCloudBaseRunEnvs: "/componenttcb/describecloudbaserunenvs"
    case .authorizerList: "/cgi-bin/component/api_get_authorizer_list"
    case .batchGetEnvID: "/componenttcb/batchgetenvid"
    case .apiQuota: "/cgi-bin/openapi/quota/get"
    }
  }
}
