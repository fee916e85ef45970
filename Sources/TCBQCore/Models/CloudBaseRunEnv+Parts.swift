extension CloudBaseRunEnv {
  /// `databases[]`: `{instance_id, status, region}`.
  public struct Database: Sendable, Hashable, Encodable {
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

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encodeIfPresent(instanceID, forKey: .instanceID)
      try c.encodeIfPresent(status, forKey: .status)
      try c.encodeIfPresent(region, forKey: .region)
    }
  }

  /// `storages[]`: `{region, bucket, cdn_domain, app_id}`; `app_id` sometimes arrives as a number.
  public struct Storage: Sendable, Hashable, Encodable {
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

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encodeIfPresent(region, forKey: .region)
      try c.encodeIfPresent(bucket, forKey: .bucket)
      try c.encodeIfPresent(cdnDomain, forKey: .cdnDomain)
      try c.encodeIfPresent(appID, forKey: .appID)
    }
  }

  /// `functions[]`: `{namespace, region}`.
  public struct Function: Sendable, Hashable, Encodable {
    public var namespace: String?
    public var region: String?

    public init(namespace: String? = nil, region: String? = nil) {
      self.namespace = namespace
      self.region = region
    }

    enum CodingKeys: String, CodingKey {
      case namespace, region
    }

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encodeIfPresent(namespace, forKey: .namespace)
      try c.encodeIfPresent(region, forKey: .region)
    }
  }

  /// `log_services[]`: `{logset_name, logset_id, topic_name, topic_id, region}`.
  public struct LogService: Sendable, Hashable, Encodable {
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
  public struct StaticStorage: Sendable, Hashable, Encodable {
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
  public struct Tag: Sendable, Hashable, Encodable {
    public var key: String?
    public var value: String?

    public init(key: String? = nil, value: String? = nil) {
      self.key = key
      self.value = value
    }

    enum CodingKeys: String, CodingKey {
      case key, value
    }

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encodeIfPresent(key, forKey: .key)
      try c.encodeIfPresent(value, forKey: .value)
    }
  }

  /// `custom_log_services[]`: `{cls_region, cls_logset_id, cls_topic_id, create_time}`;
  /// `create_time` may be ISO 8601 here.
  public struct CustomLogService: Sendable, Hashable, Encodable {
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

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encodeIfPresent(clsRegion, forKey: .clsRegion)
      try c.encodeIfPresent(clsLogsetID, forKey: .clsLogsetID)
      try c.encodeIfPresent(clsTopicID, forKey: .clsTopicID)
      try c.encodeIfPresent(createTime, forKey: .createTime)
    }
  }
}
