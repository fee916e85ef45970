import TCBQCore

/// One cloud-hosting environment as the sandbox holds it: every field describecloudbaserunenvs
/// answers, with nil for an optional string the service leaves out, and the sandbox's defaults
/// for what its generator does not set. The array elements are the API core's types.
public struct SandboxEnv: Sendable, Hashable {
  public typealias Database = CloudBaseRunEnv.Database
  public typealias Storage = CloudBaseRunEnv.Storage
  public typealias Function = CloudBaseRunEnv.Function
  public typealias LogService = CloudBaseRunEnv.LogService
  public typealias StaticStorage = CloudBaseRunEnv.StaticStorage
  public typealias Tag = CloudBaseRunEnv.Tag
  public typealias CustomLogService = CloudBaseRunEnv.CustomLogService

  public var envID: String
  public var alias: String?
  public var source: String? = "miniapp"
  public var createTime: String?
  public var updateTime: String?
  public var status: String? = "NORMAL"
  public var databases: [Database] = []
  public var storages: [Storage] = []
  public var functions: [Function] = []
  public var packageID: String?
  public var packageName: String?
  public var logServices: [LogService] = []
  public var staticStorages: [StaticStorage] = []
  public var isAutoDegrade: Bool? = false
  public var envChannel: String? = "wxrun"
  public var payMode: String? = "prepayment"
  public var isDefault: Bool? = false
  public var region: String? = "ap-shanghai"
  public var tags: [Tag] = []
  public var customLogServices: [CustomLogService] = []
  /// The registered principal (company) that owns the environment; never sent on the wire.
  public var principal: String
  /// Empty arrays sent as `null` instead of `[]`.
  public var nullArrays: ArrayFields = []
  /// Empty arrays left out of the answer.
  public var absentArrays: ArrayFields = []

  /// The array fields of an environment, as a set.
  public struct ArrayFields: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let databases = ArrayFields(rawValue: 1 << 0)
    public static let storages = ArrayFields(rawValue: 1 << 1)
    public static let functions = ArrayFields(rawValue: 1 << 2)
    public static let logServices = ArrayFields(rawValue: 1 << 3)
    public static let staticStorages = ArrayFields(rawValue: 1 << 4)
    public static let tags = ArrayFields(rawValue: 1 << 5)
    public static let customLogServices = ArrayFields(rawValue: 1 << 6)
    public static let all: ArrayFields = [
      .databases, .storages, .functions, .logServices, .staticStorages, .tags, .customLogServices,
    ]
  }
}
