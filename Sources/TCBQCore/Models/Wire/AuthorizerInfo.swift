/// api_get_authorizer_info request: `{"component_appid", "authorizer_appid"}`.
public struct AuthorizerInfoRequest: Sendable, Hashable, Codable {
  public var componentAppID: String
  public var authorizerAppID: String

  public init(componentAppID: String, authorizerAppID: String) {
    self.componentAppID = componentAppID
    self.authorizerAppID = authorizerAppID
  }

  enum CodingKeys: String, CodingKey {
    case componentAppID = "component_appid"
    case authorizerAppID = "authorizer_appid"
  }
}

/// api_get_authorizer_info answer: `authorizer_info` and `authorization_info`, every member
/// optional (absent and `null` alike), numbers also as strings.
///
/// `authorization_info.authorizer_refresh_token` is a secret tcbq has no use for: it is not
/// decoded, so no value of this type holds it. Neither are the members tcbq does not show
/// (`qrcode_url`, `business_info`, `basic_config`, the contents of `MiniProgramInfo`).
public struct AuthorizerInfoResponse: Sendable, Hashable, Decodable {
  public var errcode: Int64
  public var errmsg: String?
  public var authorizerInfo: Info?
  public var authorizationInfo: Authorization?

  /// `authorizer_info`: who the app is.
  public struct Info: Sendable, Hashable, Decodable {
    public var nickName: String?
    public var headImg: String?
    /// `service_type_info.id`: 0 subscription, 1 upgraded old account, 2 service account;
    /// mini programs report 0.
    public var serviceType: Int64?
    /// `verify_type_info.id`: -1 not verified, 0 WeChat verified, others platform-specific.
    public var verifyType: Int64?
    /// The original id, `gh_…`.
    public var userName: String?
    /// The registered principal, a company name.
    public var principalName: String?
    public var signature: String?
    public var alias: String?
    /// Whether `MiniProgramInfo` is present (an object, not `null`): the app is a mini program.
    public var isMiniProgram: Bool
    /// 1 normal, 14 deregistered, 16 banned, 18 warned, 19 frozen.
    public var accountStatus: Int64?

    public init(
      nickName: String? = nil, headImg: String? = nil, serviceType: Int64? = nil,
      verifyType: Int64? = nil, userName: String? = nil, principalName: String? = nil,
      signature: String? = nil, alias: String? = nil, isMiniProgram: Bool = false,
      accountStatus: Int64? = nil
    ) {
      self.nickName = nickName
      self.headImg = headImg
      self.serviceType = serviceType
      self.verifyType = verifyType
      self.userName = userName
      self.principalName = principalName
      self.signature = signature
      self.alias = alias
      self.isMiniProgram = isMiniProgram
      self.accountStatus = accountStatus
    }

    enum CodingKeys: String, CodingKey {
      case nickName = "nick_name"
      case headImg = "head_img"
      case serviceTypeInfo = "service_type_info"
      case verifyTypeInfo = "verify_type_info"
      case userName = "user_name"
      case principalName = "principal_name"
      case signature, alias
      case miniProgramInfo = "MiniProgramInfo"
      case accountStatus = "account_status"
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      nickName = try c.lenientString(forKey: .nickName)
      headImg = try c.lenientString(forKey: .headImg)
      serviceType = try c.lenientID(forKey: .serviceTypeInfo)
      verifyType = try c.lenientID(forKey: .verifyTypeInfo)
      userName = try c.lenientString(forKey: .userName)
      principalName = try c.lenientString(forKey: .principalName)
      signature = try c.lenientString(forKey: .signature)
      alias = try c.lenientString(forKey: .alias)
      isMiniProgram = try c.contains(.miniProgramInfo) && !c.decodeNil(forKey: .miniProgramInfo)
      accountStatus = try c.lenientInt64(forKey: .accountStatus)
    }
  }

  /// `authorization_info`: what the app granted the provider.
  public struct Authorization: Sendable, Hashable, Decodable {
    public var authorizerAppID: String?
    /// The `funcscope_category.id` of each `func_info` entry, in the answer's order; entries
    /// without an id are left out.
    public var funcscopeIDs: [Int64]

    public init(authorizerAppID: String? = nil, funcscopeIDs: [Int64] = []) {
      self.authorizerAppID = authorizerAppID
      self.funcscopeIDs = funcscopeIDs
    }

    enum CodingKeys: String, CodingKey {
      case authorizerAppID = "authorizer_appid"
      case funcInfo = "func_info"
    }

    /// One `func_info` entry: `{"funcscope_category": {"id": N}, "confirm_info": {…}}`.
    private struct FuncInfo: Decodable {
      var id: Int64?
      enum CodingKeys: String, CodingKey {
        case funcscopeCategory = "funcscope_category"
      }
      init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.lenientID(forKey: .funcscopeCategory)
      }
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      authorizerAppID = try c.lenientString(forKey: .authorizerAppID)
      funcscopeIDs = try c.lenientArray(of: FuncInfo?.self, forKey: .funcInfo).compactMap {
        $0?.id
      }
    }
  }

  public init(
    errcode: Int64 = 0, errmsg: String? = nil, authorizerInfo: Info?,
    authorizationInfo: Authorization?
  ) {
    self.errcode = errcode
    self.errmsg = errmsg
    self.authorizerInfo = authorizerInfo
    self.authorizationInfo = authorizationInfo
  }

  enum CodingKeys: String, CodingKey {
    case errcode, errmsg
    case authorizerInfo = "authorizer_info"
    case authorizationInfo = "authorization_info"
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    errcode = try c.lenientInt64(forKey: .errcode) ?? 0
    errmsg = try c.lenientString(forKey: .errmsg)
    authorizerInfo = try c.decodeIfPresent(Info.self, forKey: .authorizerInfo)
    authorizationInfo = try c.decodeIfPresent(Authorization.self, forKey: .authorizationInfo)
  }
}

/// The `{"id": N}` objects of api_get_authorizer_info (`service_type_info`, `verify_type_info`,
/// `funcscope_category`).
private struct IDObject: Decodable {
  var id: Int64?
  enum CodingKeys: String, CodingKey { case id }
  init(from decoder: any Decoder) throws {
    id = try decoder.container(keyedBy: CodingKeys.self).lenientInt64(forKey: .id)
  }
}

extension KeyedDecodingContainer {
  /// The id of a `{"id": N}` member, or N itself when the object is flattened to a number (or
  /// a numeric string); `null`, absent or an object without `id` is `nil`.
  fileprivate func lenientID(forKey key: Key) throws -> Int64? {
    guard contains(key), try !decodeNil(forKey: key) else { return nil }
    if let object = try? decode(IDObject.self, forKey: key) { return object.id }
    return try lenientInt64(forKey: key)
  }
}
