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

extension AuthorizerListRequest: WireRequest {
  /// `{"component_appid":…,"offset":…,"count":…}`
  public var jsonBytes: [UInt8] {
    var writer = JSONWriter()
    writer.beginObject()
    writer.member("component_appid", componentAppID)
    writer.member("offset", Int64(offset))
    writer.member("count", Int64(count))
    writer.endObject()
    return writer.bytes
  }
}

/// api_get_authorizer_list answer: `{"total_count", "list": [...]}`. Each entry's
/// `refresh_token` is a secret tcbq has no use for: it is not decoded. Read with `JSONReader`
/// (a walk of 20,000 apps reads 40 of these).
public struct AuthorizerListResponse: Sendable, Hashable, Encodable, WireAnswer {
  public var errcode: Int64
  public var errmsg: String?
  public var totalCount: Int64?
  public var list: [Item]

  /// `{"authorizer_appid", "auth_time"}`; `auth_time` is unix seconds.
  public struct Item: Sendable, Hashable, Encodable {
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

    public init(reading reader: inout JSONReader) throws {
      self.init(authorizerAppID: nil, authTime: nil)
      try reader.readObject { r, key in
        if key.is("authorizer_appid") {
          authorizerAppID = try r.lenientString()
        } else if key.is("auth_time") {
          authTime = try r.lenientInt64()
        }
      }
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

  public init(reading reader: inout JSONReader) throws {
    self.init(errmsg: nil, totalCount: nil, list: [])
    try reader.readObject { r, key in
      if key.is("errcode") {
        errcode = try r.lenientInt64() ?? 0
      } else if key.is("errmsg") {
        errmsg = try r.lenientString()
      } else if key.is("total_count") {
        totalCount = try r.lenientInt64()
      } else if key.is("list") {
        list = try r.lenientArray(Item.init(reading:))
      }
    }
  }
}
