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

extension BatchGetEnvIDRequest: WireRequest {
  /// `{"appids":[…],"source_type":1}`
  public var jsonBytes: [UInt8] {
    var writer = JSONWriter(reservingCapacity: 32 + appids.count * 24)
    writer.beginObject()
    writer.key("appids")
    writer.beginArray()
    for appid in appids { writer.string(appid) }
    writer.endArray()
    writer.member("source_type", Int64(sourceType))
    writer.endObject()
    return writer.bytes
  }
}

/// batchgetenvid answer: `relation_data` and `err_list`, both tolerant of `null` or absence.
public struct BatchGetEnvIDResponse: Sendable, Hashable, Encodable, WireAnswer {
  public var errcode: Int64
  public var errmsg: String?
  public var relationData: [Relation]
  public var errList: [WireAppError]

  /// `{"appid": str, "env_list": [str]}`.
  public struct Relation: Sendable, Hashable, Encodable {
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
}

extension BatchGetEnvIDResponse {
  public init(reading reader: inout JSONReader) throws {
    self.init(errmsg: nil)
    try reader.readObject { r, key in
      if try r.readBatchMember(key, errcode: &errcode, errmsg: &errmsg, errList: &errList) {
        return
      }
      if key.is("relation_data") { relationData = try r.lenientArray(Relation.init(reading:)) }
    }
  }
}

extension BatchGetEnvIDResponse.Relation {
  public init(reading reader: inout JSONReader) throws {
    self.init(appid: nil, envList: [])
    try reader.readObject { r, key in
      if key.is("appid") {
        appid = try r.lenientString()
      } else if key.is("env_list") {
        // An env id that is null is dropped, as an absent one.
        envList = try r.lenientArray { try $0.lenientString() }.compactMap { $0 }
      }
    }
  }
}
