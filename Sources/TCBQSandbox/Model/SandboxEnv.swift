/// One cloud-hosting environment as the sandbox holds it: every field describecloudbaserunenvs
/// answers, with nil for an optional string the service leaves out.
public struct SandboxEnv: Sendable, Hashable {
  public var envID: String
  public var alias: String?
  public var source: String?
  public var createTime: String?
  public var updateTime: String?
  public var status: String?
  public var databases: [Database]
  public var storages: [Storage]
  public var functions: [Function]
  public var packageID: String?
  public var packageName: String?
  public var logServices: [LogService]
  public var staticStorages: [StaticStorage]
  public var isAutoDegrade: Bool?
  public var envChannel: String?
  public var payMode: String?
  public var isDefault: Bool?
  public var region: String?
  public var tags: [Tag]
  public var customLogServices: [CustomLogService]
  /// The registered principal (company) that owns the environment; never sent on the wire.
  public var principal: String
  /// Empty arrays sent as `null` instead of `[]`.
  public var nullArrays: ArrayFields
  /// Empty arrays left out of the answer.
  public var absentArrays: ArrayFields

  public init(
    envID: String, alias: String? = nil, source: String? = "miniapp",
    createTime: String? = nil, updateTime: String? = nil, status: String? = "NORMAL",
    databases: [Database] = [], storages: [Storage] = [], functions: [Function] = [],
    packageID: String? = nil, packageName: String? = nil, logServices: [LogService] = [],
    staticStorages: [StaticStorage] = [], isAutoDegrade: Bool? = false,
    envChannel: String? = "wxrun", payMode: String? = "prepayment", isDefault: Bool? = false,
    region: String? = "ap-shanghai", tags: [Tag] = [], customLogServices: [CustomLogService] = [],
    principal: String, nullArrays: ArrayFields = [], absentArrays: ArrayFields = []
  ) {
    self.envID = envID
    self.alias = alias
    self.source = source
    self.createTime = createTime
    self.updateTime = updateTime
    self.status = status
    self.databases = databases
    self.storages = storages
    self.functions = functions
    self.packageID = packageID
    self.packageName = packageName
    self.logServices = logServices
    self.staticStorages = staticStorages
    self.isAutoDegrade = isAutoDegrade
    self.envChannel = envChannel
    self.payMode = payMode
    self.isDefault = isDefault
    self.region = region
    self.tags = tags
    self.customLogServices = customLogServices
    self.principal = principal
    self.nullArrays = nullArrays
    self.absentArrays = absentArrays
  }

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

  public struct Database: Sendable, Hashable {
    public var instanceID: String?
    public var status: String?
    public var region: String?
    public init(instanceID: String?, status: String?, region: String?) {
      self.instanceID = instanceID
      self.status = status
      self.region = region
    }
  }

  public struct Storage: Sendable, Hashable {
    public var region: String?
    public var bucket: String?
    public var cdnDomain: String?
    /// A string on the wire, though it looks like a number.
    public var appID: String?
    public init(region: String?, bucket: String?, cdnDomain: String?, appID: String?) {
      self.region = region
      self.bucket = bucket
      self.cdnDomain = cdnDomain
      self.appID = appID
    }
  }

  public struct Function: Sendable, Hashable {
    public var namespace: String?
    public var region: String?
    public init(namespace: String?, region: String?) {
      self.namespace = namespace
      self.region = region
    }
  }

  public struct LogService: Sendable, Hashable {
    public var logsetName: String?
    public var logsetID: String?
    public var topicName: String?
    public var topicID: String?
    public var region: String?
    public init(
      logsetName: String?, logsetID: String?, topicName: String?, topicID: String?, region: String?
    ) {
      self.logsetName = logsetName
      self.logsetID = logsetID
      self.topicName = topicName
      self.topicID = topicID
      self.region = region
    }
  }

  public struct StaticStorage: Sendable, Hashable {
    public var staticDomain: String?
    public var defaultDirName: String?
    /// process, online, offline or init.
    public var status: String?
    public var region: String?
    public var bucket: String?
    public init(
      staticDomain: String?, defaultDirName: String?, status: String?, region: String?,
      bucket: String?
    ) {
      self.staticDomain = staticDomain
      self.defaultDirName = defaultDirName
      self.status = status
      self.region = region
      self.bucket = bucket
    }
  }

  public struct Tag: Sendable, Hashable {
    public var key: String?
    public var value: String?
    public init(key: String?, value: String?) {
      self.key = key
      self.value = value
    }
  }

  public struct CustomLogService: Sendable, Hashable {
    public var clsRegion: String?
    public var clsLogsetID: String?
    public var clsTopicID: String?
    /// `2021-12-16 15:06:52`, or ISO 8601 on some environments.
    public var createTime: String?
    public init(clsRegion: String?, clsLogsetID: String?, clsTopicID: String?, createTime: String?)
    {
      self.clsRegion = clsRegion
      self.clsLogsetID = clsLogsetID
      self.clsTopicID = clsTopicID
      self.createTime = createTime
    }
  }
}
