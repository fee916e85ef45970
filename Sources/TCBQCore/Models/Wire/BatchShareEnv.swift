import Foundation

/// batchshareenv and batchunshareenv request:
/// `{"data": [{"env": str, "appids": [str]}], "source_type": 1}`. `encoded()` writes the body
/// sent; decoding it is for tests.
public struct BatchShareEnvRequest: Sendable, Hashable, Decodable {
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

extension BatchShareEnvRequest {
  /// The body as sent, keys in the documented order, strings escaped by `JSONEncoder` (slashes
  /// left as they are), no spaces: `{"data":[{"env":"prod","appids":["wx1"]}],"source_type":1}`.
  /// The order is fixed here because `JSONEncoder` without `.sortedKeys` picks a different one
  /// in each process, and `--dry-run` prints these bytes.
  public func encoded() throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    var out = Array(#"{"data":["#.utf8)
    for (index, item) in data.enumerated() {
      if index > 0 { out.append(UInt8(ascii: ",")) }
      out += #"{"env":"#.utf8
      out += try encoder.encode(item.env)
      out += #","appids":"#.utf8
      out += try encoder.encode(item.appids)
      out.append(UInt8(ascii: "}"))
    }
    out += #"],"source_type":\#(sourceType)}"#.utf8
    return out
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
