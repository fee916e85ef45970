/// One authorized account: a mini program or an official account.
public struct SandboxApp: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable {
    case miniProgram
    case officialAccount
  }

  public var appid: String
  /// Unix seconds.
  public var authTime: Int64
  /// Missing for some accounts, as the service does.
  public var refreshToken: String?
  public var kind: Kind
  /// Whether the account has enabled cloud development; 85088 otherwise.
  public var hasCloudPrivilege: Bool
  /// The registered principal (company); an environment can only be shared with apps of its own.
  public var principal: String

  public init(
    appid: String, authTime: Int64, refreshToken: String?, kind: Kind = .miniProgram,
    hasCloudPrivilege: Bool = true, principal: String
  ) {
    self.appid = appid
    self.authTime = authTime
    self.refreshToken = refreshToken
    self.kind = kind
    self.hasCloudPrivilege = hasCloudPrivilege
    self.principal = principal
  }
}
