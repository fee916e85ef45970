/// api_get_authorizer_list request: `{"component_appid", "offset", "count"}` (count at most 500).
public struct AuthorizerListRequest: Sendable, Hashable, Codable {
  public var componentAppID: String
  public var offset: Int
  public var count: Int

  public init(componentAppID: String, offset: Int, count: Int) {
    self.componentAppID = componentAppID
    self.offset = offset
    self.count = count
  }

  enum CodingKeys: String, CodingKey {
    case componentAppID = "component_appid"
    case offset, count
  }
}

/// api_get_authorizer_list answer: `{"total_count", "list": [...]}`. Each entry's
/// `refresh_token` is a secret tcbq has no use for: it is not decoded.
public struct AuthorizerListResponse: Sendable, Hashable, Codable {
  public var errcode: Int64
  public var errmsg: String?
  public var totalCount: Int64?
  public var list: [Item]

  /// `{"authorizer_appid", "auth_time"}`; `auth_time` is unix seconds.
  public struct Item: Sendable, Hashable, Codable {
    public var authorizerAppID: String?
    public var authTime: Int64?

    public init(authorizerAppID: String?, authTime: Int64?) {
      self.authorizerAppID = authorizerAppID
      self.authTime = authTime
    }

    enum CodingKeys: String, CodingKey {
      case authorizerAppID = "authorizer_appid"
      case authTime = "auth_time"
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      authorizerAppID = try c.lenientString(forKey: .authorizerAppID)
      authTime = try c.lenientInt64(forKey: .authTime)
    }
  }

  public init(errcode: Int64 = 0, errmsg: String? = "ok", totalCount: Int64?, list: [Item]) {
    self.errcode = errcode
    self.errmsg = errmsg
    self.totalCount = totalCount
    self.list = list
  }

  enum CodingKeys: String, CodingKey {
    case errcode, errmsg
    case totalCount = "total_count"
    case list
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    errcode = try c.lenientInt64(forKey: .errcode) ?? 0
    errmsg = try c.lenientString(forKey: .errmsg)
    totalCount = try c.lenientInt64(forKey: .totalCount)
    list = try c.lenientArray(of: Item.self, forKey: .list)
  }
}
