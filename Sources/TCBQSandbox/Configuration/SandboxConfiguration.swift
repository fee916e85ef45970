/// Everything a sandbox starts from: its data, its credentials, its behaviour and its faults.
public struct SandboxConfiguration: Sendable, Hashable {
  /// Seeds the generated data (when given) and the fault draws.
  public var seed: UInt64?
  /// Environments to generate; with `apps` and `seed` all nil, the embedded `DefaultDataset`.
  public var envs: Int?
  /// Authorized apps to generate.
  public var apps: Int?
  /// A ready component_access_token the service accepts. Default `sandbox-token`.
  public var token: String
  /// The credentials api_component_token accepts.
  public var componentAppID: String
  public var componentSecret: String
  public var verifyTicket: String
  /// Keep shares pending until confirmed (`SandboxService.confirm`); by default they are
  /// confirmed at once.
  public var holdPending: Bool
  public var faults: SandboxFaults
  public var dailyLimits: SandboxQuotaLimits
  /// The base of the confirmation links in msg_info_list; the server sets its own address.
  public var confirmationBaseURL: String

  public static let defaultToken = "sandbox-token"
  public static let defaultComponentAppID = "wx0123456789abcdef"
  public static let defaultComponentSecret = "sandbox-secret"
  public static let defaultVerifyTicket = "sandbox-ticket"
  public static let defaultConfirmationBaseURL = "http://127.0.0.1"

  public init(
    seed: UInt64? = nil, envs: Int? = nil, apps: Int? = nil, token: String = Self.defaultToken,
    componentAppID: String = Self.defaultComponentAppID,
    componentSecret: String = Self.defaultComponentSecret,
    verifyTicket: String = Self.defaultVerifyTicket, holdPending: Bool = false,
    faults: SandboxFaults = .none, dailyLimits: SandboxQuotaLimits = SandboxQuotaLimits(),
    confirmationBaseURL: String = Self.defaultConfirmationBaseURL
  ) {
    self.seed = seed
    self.envs = envs
    self.apps = apps
    self.token = token
    self.componentAppID = componentAppID
    self.componentSecret = componentSecret
    self.verifyTicket = verifyTicket
    self.holdPending = holdPending
    self.faults = faults
    self.dailyLimits = dailyLimits
    self.confirmationBaseURL = confirmationBaseURL
  }

  /// The dataset this configuration describes: the embedded one when no seed or size is given,
  /// otherwise generated (12 environments and 40 apps unless told).
  public func makeDataset() -> SandboxDataset {
    if seed == nil, envs == nil, apps == nil { return DefaultDataset.dataset }
    return SandboxGenerator.dataset(seed: seed ?? 1, envs: envs ?? 12, apps: apps ?? 40)
  }
}

extension SandboxConfiguration: CustomStringConvertible {
  /// A description without secrets.
  public var description: String {
    let seedText = seed.map(String.init) ?? "nil"
    let envsText = envs.map(String.init) ?? "default"
    let appsText = apps.map(String.init) ?? "default"
    return "SandboxConfiguration(seed: \(seedText), envs: \(envsText), apps: \(appsText), "
      + "holdPending: \(holdPending))"
  }
}
