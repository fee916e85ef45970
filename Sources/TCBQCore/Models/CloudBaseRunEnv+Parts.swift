extension CloudBaseRunEnv {
  /// `databases[]`: `{instance_id, status, region}`.
  public struct Database: Sendable, Hashable, Codable {
    public var instanceID: String?
    /// INITIALIZING, RUNNING, UNUSABLE, OVERDUE.
    public var status: String?
    public var region: String?

    public init(instanceID: String? = nil, status: String? = nil, region: String? = nil) {
      self.instanceID = instanceID
      self.status = status
      self.region = region
    }

    enum CodingKeys: String, CodingKey {
      case instanceID = "instance_id"
      case status, region
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      instanceID = try c.lenientString(forKey: .instanceID)
      status = try c.lenientString(forKey: .status)
      region = try c.lenientString(forKey: .region)
    }

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encodeIfPresent(instanceID, forKey: .instanceID)
      try c.encodeIfPresent(status, forKey: .status)
      try c.encodeIfPresent(region, forKey: .region)
    }
  }

  /// `storages[]`: `{region, bucket, cdn_domain, app_id}`; `app_id` sometimes arrives as a number.
  public struct Storage: Sendable, Hashable, Codable {
    public var region: String?
    public var bucket: String?
    public var cdnDomain: String?
    public var appID: String?

    public init(
      region: String? = nil, bucket: String? = nil, cdnDomain: String? = nil, appID: String? = nil
    ) {
      self.region = region
      self.bucket = bucket
      self.cdnDomain = cdnDomain
      self.appID = appID
    }

    enum CodingKeys: String, CodingKey {
      case region, bucket
      case cdnDomain = "cdn_domain"
      case appID = "app_id"
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      region = try c.lenientString(forKey: .region)
      bucket = try c.lenientString(forKey: .bucket)
      cdnDomain = try c.lenientString(forKey: .cdnDomain)
      appID = try c.lenientString(forKey: .appID)
    }

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encodeIfPresent(region, forKey: .region)
      try c.encodeIfPresent(bucket, forKey: .bucket)
      try c.encodeIfPresent(cdnDomain, forKey: .cdnDomain)
      try c.encodeIfPresent(appID, forKey: .appID)
    }
  }

  /// `functions[]`: `{namespace, region}`.
  public struct Function: Sendable, Hashable, Codable {
    public var namespace: String?
    public var region: String?

    public init(namespace: String? = nil, region: String? = nil) {
      self.namespace = namespace
      self.region = region
    }

    enum CodingKeys: String, CodingKey {
      case namespace, region
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      namespace = try c.lenientString(forKey: .namespace)
      region = try c.lenientString(forKey: .region)
    }

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encodeIfPresent(namespace, forKey: .namespace)
      try c.encodeIfPresent(region, forKey: .region)
    }
  }

  /// `log_services[]`: `{logset_name, logset_id, topic_name, topic_id, region}`.
  public struct LogService: Sendable, Hashable, Codable {
    public var logsetName: String?
    public var logsetID: String?
    public var topicName: String?
    public var topicID: String?
    public var region: String?

    public init(
      logsetName: String? = nil, logsetID: String? = nil, topicName: String? = nil,
      topicID: String? = nil, region: String? = nil
    ) {
      self.logsetName = logsetName
      self.logsetID = logsetID
      self.topicName = topicName
      self.topicID = topicID
      self.region = region
    }

    enum CodingKeys: String, CodingKey {
      case logsetName = "logset_name"
      case logsetID = "logset_id"
      case topicName = "topic_name"
      case topicID = "topic_id"
      case region
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      logsetName = try c.lenientString(forKey: .logsetName)
      logsetID = try c.lenientString(forKey: .logsetID)
      topicName = try c.lenientString(forKey: .topicName)
      topicID = try c.lenientString(forKey: .topicID)
      region = try c.lenientString(forKey: .region)
    }

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encodeIfPresent(logsetName, forKey: .logsetName)
      try c.encodeIfPresent(logsetID, forKey: .logsetID)
      try c.encodeIfPresent(topicName, forKey: .topicName)
      try c.encodeIfPresent(topicID, forKey: .topicID)
      try c.encodeIfPresent(region, forKey: .region)
    }
  }

  /// `static_storages[]`: `{static_domain, default_dir_name, status, region, bucket}`.
  public struct StaticStorage: Sendable, Hashable, Codable {
    public var staticDomain: String?
    public var defaultDirName: String?
    /// process, online, offline, init.
    public var status: String?
    public var region: String?
    public var bucket: String?

    public init(
      staticDomain: String? = nil, defaultDirName: String? = nil, status: String? = nil,
      region: String? = nil, bucket: String? = nil
    ) {
      self.staticDomain = staticDomain
      self.defaultDirName = defaultDirName
      self.status = status
      self.region = region
      self.bucket = bucket
    }

    enum CodingKeys: String, CodingKey {
      case staticDomain = "static_domain"
      case defaultDirName = "default_dir_name"
      case status, region, bucket
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      staticDomain = try c.lenientString(forKey: .staticDomain)
      defaultDirName = try c.lenientString(forKey: .defaultDirName)
      status = try c.lenientString(forKey: .status)
      region = try c.lenientString(forKey: .region)
      bucket = try c.lenientString(forKey: .bucket)
    }

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encodeIfPresent(staticDomain, forKey: .staticDomain)
      try c.encodeIfPresent(defaultDirName, forKey: .defaultDirName)
      try c.encodeIfPresent(status, forKey: .status)
      try c.encodeIfPresent(region, forKey: .region)
      try c.encodeIfPresent(bucket, forKey: .bucket)
    }
  }

  /// `tags[]`: `{key, value}`.
  public struct Tag: Sendable, Hashable, Codable {
    public var key: String?
    public var value: String?

    public init(key: String? = nil, value: String? = nil) {
      self.key = key
      self.value = value
    }

    enum CodingKeys: String, CodingKey {
      case key, value
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      key = try c.lenientString(forKey: .key)
      value = try c.lenientString(forKey: .value)
    }

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encodeIfPresent(key, forKey: .key)
      try c.encodeIfPresent(value, forKey: .value)
    }
  }

  /// `custom_log_services[]`: `{cls_region, cls_logset_id, cls_topic_id, create_time}`;
  /// `create_time` may be ISO 8601 here.
  public struct CustomLogService: Sendable, Hashable, Codable {
    public var clsRegion: String?
    public var clsLogsetID: String?
    public var clsTopicID: String?
    public var createTime: String?

    public init(
      clsRegion: String? = nil, clsLogsetID: String? = nil, clsTopicID: String? = nil,
      createTime: String? = nil
    ) {
      self.clsRegion = clsRegion
      self.clsLogsetID = clsLogsetID
      self.clsTopicID = clsTopicID
      self.createTime = createTime
    }

    enum CodingKeys: String, CodingKey {
      case clsRegion = "cls_region"
      case clsLogsetID = "cls_logset_id"
      case clsTopicID = "cls_topic_id"
      case createTime = "create_time"
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      clsRegion = try c.lenientString(forKey: .clsRegion)
      clsLogsetID = try c.lenientString(forKey: .clsLogsetID)
      clsTopicID = try c.lenientString(forKey: .clsTopicID)
      createTime = try c.lenientString(forKey: .createTime)
    }

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encodeIfPresent(clsRegion, forKey: .clsRegion)
      try c.encodeIfPresent(clsLogsetID, forKey: .clsLogsetID)
      try c.encodeIfPresent(clsTopicID, forKey: .clsTopicID)
      try c.encodeIfPresent(createTime, forKey: .createTime)
    }
  }
}
