/// One cloud-hosting environment as describecloudbaserunenvs answers it.
///
/// Every field is optional: the service leaves strings out and sends arrays as `[]`, `null` or
/// not at all (all three decode as an empty array). Coding uses the wire's snake_case keys
/// (`env_id`, `instance_id`, …); numbers sent where strings are documented decode as strings,
/// and booleans also decode from `0`/`1`.
public struct CloudBaseRunEnv: Sendable, Hashable, Encodable {
  public var envID: String?
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

  public init(
    envID: String? = nil, alias: String? = nil, source: String? = nil, createTime: String? = nil,
    updateTime: String? = nil, status: String? = nil, databases: [Database] = [],
    storages: [Storage] = [], functions: [Function] = [], packageID: String? = nil,
    packageName: String? = nil, logServices: [LogService] = [],
    staticStorages: [StaticStorage] = [],
    isAutoDegrade: Bool? = nil, envChannel: String? = nil, payMode: String? = nil,
    isDefault: Bool? = nil, region: String? = nil, tags: [Tag] = [],
    customLogServices: [CustomLogService] = []
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
  }

  enum CodingKeys: String, CodingKey {
    case envID = "env_id"
    case alias, source
    case createTime = "create_time"
    case updateTime = "update_time"
    case status, databases, storages, functions
    case packageID = "package_id"
    case packageName = "package_name"
    case logServices = "log_services"
    case staticStorages = "static_storages"
    case isAutoDegrade = "is_auto_degrade"
    case envChannel = "env_channel"
    case payMode = "pay_mode"
    case isDefault = "is_default"
    case region, tags
    case customLogServices = "custom_log_services"
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encodeIfPresent(envID, forKey: .envID)
    try c.encodeIfPresent(alias, forKey: .alias)
    try c.encodeIfPresent(source, forKey: .source)
    try c.encodeIfPresent(createTime, forKey: .createTime)
    try c.encodeIfPresent(updateTime, forKey: .updateTime)
    try c.encodeIfPresent(status, forKey: .status)
    try c.encode(databases, forKey: .databases)
    try c.encode(storages, forKey: .storages)
    try c.encode(functions, forKey: .functions)
    try c.encodeIfPresent(packageID, forKey: .packageID)
    try c.encodeIfPresent(packageName, forKey: .packageName)
    try c.encode(logServices, forKey: .logServices)
    try c.encode(staticStorages, forKey: .staticStorages)
    try c.encodeIfPresent(isAutoDegrade, forKey: .isAutoDegrade)
    try c.encodeIfPresent(envChannel, forKey: .envChannel)
    try c.encodeIfPresent(payMode, forKey: .payMode)
    try c.encodeIfPresent(isDefault, forKey: .isDefault)
    try c.encodeIfPresent(region, forKey: .region)
    try c.encode(tags, forKey: .tags)
    try c.encode(customLogServices, forKey: .customLogServices)
  }
}
