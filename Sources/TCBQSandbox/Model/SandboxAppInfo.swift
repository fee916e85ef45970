/// Who an authorized app is, as api_get_authorizer_info answers (`SandboxDataset.appInfos`).
/// The app's `principal` is its `principal_name`, its `kind` decides `MiniProgramInfo`, and its
/// `hasCloudPrivilege` the cloud development permission set.
public struct SandboxAppInfo: Sendable, Hashable {
  public var nickName: String
  public var headImg: String
  /// The original id, `gh_` and 12 hex digits.
  public var userName: String
  public var signature: String
  /// The WeChat id of an official account; empty for mini programs.
  public var alias: String
  /// `service_type_info.id`: 0 subscription, 1 upgraded old account, 2 service account; 0 for
  /// mini programs.
  public var serviceType: Int
  /// `verify_type_info.id`: -1 not verified, 0 WeChat verified.
  public var verifyType: Int
  /// `account_status`: `normal`, `banned` or `frozen`.
  public var accountStatus: Int
  /// The permission sets granted besides cloud development, which the app grants exactly when
  /// it has cloud privilege (so that batchgetenvid answers 85088 for the others).
  public var funcscopeIDs: [Int]

  public static let normal = 1
  public static let banned = 16
  public static let frozen = 19

  /// 小程序云开发管理, the cloud development set of the open platform's mini program
  /// permission sets.
  public static let cloudDevelopmentSet = 49
  /// 小程序开发与数据分析: every mini program here grants it (sharing needs it).
  public static let developmentSet = 18

  public init(
    nickName: String, headImg: String, userName: String, signature: String, alias: String = "",
    serviceType: Int = 0, verifyType: Int = 0, accountStatus: Int = Self.normal,
    funcscopeIDs: [Int]
  ) {
    self.nickName = nickName
    self.headImg = headImg
    self.userName = userName
    self.signature = signature
    self.alias = alias
    self.serviceType = serviceType
    self.verifyType = verifyType
    self.accountStatus = accountStatus
    self.funcscopeIDs = funcscopeIDs
  }

  /// Every permission set `app` granted, ascending: `funcscopeIDs` and, with cloud privilege,
  /// the cloud development set.
  public func permissionSets(of app: SandboxApp) -> [Int] {
    let sets = app.hasCloudPrivilege ? funcscopeIDs + [Self.cloudDevelopmentSet] : funcscopeIDs
    return Set(sets).sorted()
  }
}
