/// Who one authorized app is, from api_get_authorizer_info: the fields as the service sent
/// them, `nil` where it sent none.
public struct AuthorizerInfo: Sendable, Hashable {
  /// The appid asked about.
  public var appid: String
  public var nickName: String?
  /// The original id, `gh_…`.
  public var userName: String?
  /// The registered principal (a company name); environments are shared within one principal.
  public var principalName: String?
  /// `service_type_info.id`: for official accounts 0 subscription, 1 upgraded from an old
  /// account, 2 service account; mini programs report 0.
  public var serviceType: Int64?
  /// `verify_type_info.id`: -1 not verified, 0 WeChat verified, others platform-specific.
  public var verifyType: Int64?
  /// 1 normal, 14 deregistered, 16 banned, 18 warned, 19 frozen.
  public var accountStatus: Int64?
  /// True when the answer had `MiniProgramInfo`; official accounts have none.
  public var isMiniProgram: Bool
  public var signature: String?
  public var headImg: String?
  public var alias: String?
  /// The permission sets (`funcscope_category.id`) the app granted the provider, in the
  /// answer's order. `WeChatPermissionSet.cloudDevelopment` (49) is the cloud development set.
  public var funcscopeIDs: [Int64]

  public init(
    appid: String, nickName: String? = nil, userName: String? = nil,
    principalName: String? = nil, serviceType: Int64? = nil, verifyType: Int64? = nil,
    accountStatus: Int64? = nil, isMiniProgram: Bool = false, signature: String? = nil,
    headImg: String? = nil, alias: String? = nil, funcscopeIDs: [Int64] = []
  ) {
    self.appid = appid
    self.nickName = nickName
    self.userName = userName
    self.principalName = principalName
    self.serviceType = serviceType
    self.verifyType = verifyType
    self.accountStatus = accountStatus
    self.isMiniProgram = isMiniProgram
    self.signature = signature
    self.headImg = headImg
    self.alias = alias
    self.funcscopeIDs = funcscopeIDs
  }

  /// The info of `appid` from its answer (an answer without `authorizer_info` gives an info of
  /// `nil` fields).
  public init(appid: String, response: AuthorizerInfoResponse) {
    let info = response.authorizerInfo ?? AuthorizerInfoResponse.Info()
    self.init(
      appid: appid, nickName: info.nickName, userName: info.userName,
      principalName: info.principalName, serviceType: info.serviceType,
      verifyType: info.verifyType, accountStatus: info.accountStatus,
      isMiniProgram: info.isMiniProgram, signature: info.signature, headImg: info.headImg,
      alias: info.alias, funcscopeIDs: response.authorizationInfo?.funcscopeIDs ?? [])
  }

  /// Whether the app granted the cloud development permission set.
  public var grantsCloudDevelopment: Bool {
    funcscopeIDs.contains(WeChatPermissionSet.cloudDevelopment)
  }
}

/// The answers of api_get_authorizer_info for several appids.
public struct AuthorizerInfoResult: Sendable, Hashable {
  /// One per appid answered, in the order asked (each appid once).
  public var infos: [AuthorizerInfo]
  /// Appids not answered, in the order asked: 61003 and 40013 (`answered`: the service's own
  /// answer, asking again gives the same), or a call that failed (busy, timeout, 45009).
  public var failures: [AppFailure]

  public init(infos: [AuthorizerInfo], failures: [AppFailure]) {
    self.infos = infos
    self.failures = failures
  }
}

/// Permission set ids (`funcscope_category.id`) of the WeChat open platform that tcbq names.
public enum WeChatPermissionSet {
  /// 小程序开发与数据分析 (mini program development and data analysis): granted with the cloud
  /// development set, as the providers' cloud development guide asks; sharing needs it.
  public static let development: Int64 = 18
  /// 小程序云开发管理 (mini program cloud development management), in the open platform's
  /// table of mini program permission sets.
  public static let cloudDevelopment: Int64 = 49
}
