/// batchshareenv and batchunshareenv request:
/// `{"data": [{"env": str, "appids": [str]}], "source_type": 1}`.
public struct BatchShareEnvRequest: Sendable, Hashable, Codable {
  public var data: [Item]
  /// 1 = WeChat cloud hosting.
  public var sourceType: Int

  public struct Item: Sendable, Hashable, Codable {
    public var env: String
    public var appids: [String]
    public init(env: String, appids: [String]) {
      self.env = env
      self.appids = appids
    }
  }

  public init(data: [Item], sourceType: Int = 1) {
    self.data = data
    self.sourceType = sourceType
  }

  enum CodingKeys: String, CodingKey {
    case data
    case sourceType = "source_type"
  }
}

/// batchunshareenv sends the same body as batchshareenv.
public typealias BatchUnshareEnvRequest = BatchShareEnvRequest

/// batchshareenv answer: `err_list` and `msg_info_list` (the confirmation links). batchunshareenv
/// answers the same shape without `msg_info_list`.
public struct BatchShareEnvResponse: Sendable, Hashable, Encodable, WireAnswer {
  public var errcode: Int64
  public var errmsg: String?
  public var errList: [WireAppError]
  public var msgInfoList: [MessageInfo]

  /// `{"appid": str, "url": str}`: the link the mini program's administrator opens to confirm.
  public struct MessageInfo: Sendable, Hashable, Encodable {
    public var appid: String?
    public var url: String?

    public init(appid: String?, url: String?) {
      self.appid = appid
      self.url = url
    }

    enum CodingKeys: String, CodingKey {
      case appid, url
    }
  }

  public init(
    errcode: Int64 = 0, errmsg: String? = "ok", errList: [WireAppError] = [],
    msgInfoList: [MessageInfo] = []
  ) {
    self.errcode = errcode
    self.errmsg = errmsg
    self.errList = errList
    self.msgInfoList = msgInfoList
  }

  enum CodingKeys: String, CodingKey {
    case errcode, errmsg
    case errList = "err_list"
    case msgInfoList = "msg_info_list"
  }
}

/// batchunshareenv answers like batchshareenv, without links.
public typealias BatchUnshareEnvResponse = BatchShareEnvResponse

extension BatchShareEnvResponse {
  public init(reading reader: inout JSONReader) throws {
    self.init(errmsg: nil)
    try reader.readObject { r, key in
      if try r.readBatchMember(key, errcode: &errcode, errmsg: &errmsg, errList: &errList) {
        return
      }
      if key.is("msg_info_list") { msgInfoList = try r.lenientArray(MessageInfo.init(reading:)) }
    }
  }
}

extension BatchShareEnvResponse.MessageInfo {
  public init(reading reader: inout JSONReader) throws {
    self.init(appid: nil, url: nil)
    try reader.readObject { r, key in
      if key.is("appid") {
        appid = try r.lenientString()
      } else if key.is("url") {
        url = try r.lenientString()
      }
    }
  }
}
