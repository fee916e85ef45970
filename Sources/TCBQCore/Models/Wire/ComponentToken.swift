/// api_component_token request. Holds the app secret: its description shows neither the secret
/// nor the verify ticket.
public struct ComponentTokenRequest: Sendable, Hashable, Codable, CustomStringConvertible {
  public var componentAppID: String
  public var componentAppSecret: String
  public var componentVerifyTicket: String

  public init(componentAppID: String, componentAppSecret: String, componentVerifyTicket: String) {
    self.componentAppID = componentAppID
    self.componentAppSecret = componentAppSecret
    self.componentVerifyTicket = componentVerifyTicket
  }

  enum CodingKeys: String, CodingKey {
    case componentAppID = "component_appid"
    case componentAppSecret = "component_appsecret"
    case componentVerifyTicket = "component_verify_ticket"
  }

  public var description: String {
    "ComponentTokenRequest(component_appid: \(componentAppID), component_appsecret: <redacted>, component_verify_ticket: <redacted>)"
  }
}

/// api_component_token answer: `{"component_access_token", "expires_in"}` (no errcode on
/// success). Its description hides the token.
public struct ComponentTokenResponse: Sendable, Hashable, Codable, CustomStringConvertible {
  public var errcode: Int64
  public var errmsg: String?
  public var componentAccessToken: String?
  /// Seconds, 7200 today.
  public var expiresIn: Int64?

  public init(
    errcode: Int64 = 0, errmsg: String? = nil, componentAccessToken: String?, expiresIn: Int64?
  ) {
    self.errcode = errcode
    self.errmsg = errmsg
    self.componentAccessToken = componentAccessToken
    self.expiresIn = expiresIn
  }

  enum CodingKeys: String, CodingKey {
    case errcode, errmsg
    case componentAccessToken = "component_access_token"
    case expiresIn = "expires_in"
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    errcode = try c.lenientInt64(forKey: .errcode) ?? 0
    errmsg = try c.lenientString(forKey: .errmsg)
    componentAccessToken = try c.lenientString(forKey: .componentAccessToken)
    expiresIn = try c.lenientInt64(forKey: .expiresIn)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    if errcode != 0 {
      try c.encode(errcode, forKey: .errcode)
    }
    try c.encodeIfPresent(errmsg, forKey: .errmsg)
    try c.encodeIfPresent(componentAccessToken, forKey: .componentAccessToken)
    try c.encodeIfPresent(expiresIn, forKey: .expiresIn)
  }

  public var description: String {
    let token = componentAccessToken == nil ? "nil" : "<redacted>"
    return
      "ComponentTokenResponse(errcode: \(errcode), component_access_token: \(token), expires_in: \(expiresIn.map(String.init) ?? "nil"))"
  }
}
