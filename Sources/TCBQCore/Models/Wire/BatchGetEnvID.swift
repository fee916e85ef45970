/// batchgetenvid request: `{"appids": [...], "source_type": 1}`.
public struct BatchGetEnvIDRequest: Sendable, Hashable, Codable {
  public var appids: [String]
  /// 1 = WeChat cloud hosting.
  public var sourceType: Int

  public init(appids: [String], sourceType: Int = 1) {
    self.appids = appids
    self.sourceType = sourceType
  }

  enum CodingKeys: String, CodingKey {
    case appids
    case sourceType = "source_type"
  }
}

/// batchgetenvid answer: `relation_data` and `err_list`, both tolerant of `null` or absence.
public struct BatchGetEnvIDResponse: Sendable, Hashable, Codable {
  public var errcode: Int64
  public var errmsg: String?
  public var relationData: [Relation]
  public var errList: [WireAppError]

  /// `{"appid": str, "env_list": [str]}`.
  public struct Relation: Sendable, Hashable, Codable {
    public var appid: String?
    public var envList: [String]

    public init(appid: String?, envList: [String]) {
      self.appid = appid
      self.envList = envList
    }

    enum CodingKeys: String, CodingKey {
      case appid
      case envList = "env_list"
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      appid = try c.lenientString(forKey: .appid)
      envList = try c.lenientArray(of: String.self, forKey: .envList)
    }
  }

  public init(
    errcode: Int64 = 0, errmsg: String? = "ok", relationData: [Relation] = [],
    errList: [WireAppError] = []
  ) {
    self.errcode = errcode
    self.errmsg = errmsg
    self.relationData = relationData
    self.errList = errList
  }

  enum CodingKeys: String, CodingKey {
    case errcode, errmsg
    case relationData = "relation_data"
    case errList = "err_list"
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    errcode = try c.lenientInt64(forKey: .errcode) ?? 0
    errmsg = try c.lenientString(forKey: .errmsg)
    relationData = try c.lenientArray(of: Relation.self, forKey: .relationData)
    errList = try c.lenientArray(of: WireAppError.self, forKey: .errList)
  }
}
