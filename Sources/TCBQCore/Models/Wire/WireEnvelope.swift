/// What every answer carries: `errcode` (absent means 0) and `errmsg`. Decoded first, whatever
/// the call, so an error answer never depends on the success shape.
public struct WireEnvelope: Sendable, Hashable, Codable, WireAnswer {
  public var errcode: Int64
  public var errmsg: String?

  public init(errcode: Int64 = 0, errmsg: String? = nil) {
    self.errcode = errcode
    self.errmsg = errmsg
  }

  enum CodingKeys: String, CodingKey {
    case errcode, errmsg
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    errcode = try c.lenientInt64(forKey: .errcode) ?? 0
    errmsg = try c.lenientString(forKey: .errmsg)
  }
}

extension WireEnvelope {
  /// Only errcode and errmsg; every other member is skipped.
  public init(reading reader: inout JSONReader) throws {
    self.init()
    try reader.readObject { r, key in
      if key.is("errcode") {
        errcode = try r.lenientInt64() ?? 0
      } else if key.is("errmsg") {
        errmsg = try r.lenientString()
      }
    }
  }
}

/// One `err_list` entry: batchgetenvid sends `{appid, errmsg}` (older docs add `env`), the writes
/// send `{env, appid, errmsg}`.
public struct WireAppError: Sendable, Hashable, Encodable {
  public var env: String?
  public var appid: String?
  public var errcode: Int64?
  public var errmsg: String?

  public init(env: String? = nil, appid: String?, errcode: Int64? = nil, errmsg: String?) {
    self.env = env
    self.appid = appid
    self.errcode = errcode
    self.errmsg = errmsg
  }

  enum CodingKeys: String, CodingKey {
    case env, appid, errcode, errmsg
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encodeIfPresent(env, forKey: .env)
    try c.encodeIfPresent(appid, forKey: .appid)
    try c.encodeIfPresent(errcode, forKey: .errcode)
    try c.encodeIfPresent(errmsg, forKey: .errmsg)
  }
}

extension WireAppError {
  public init(reading reader: inout JSONReader) throws {
    self.init(appid: nil, errmsg: nil)
    try reader.readObject { r, key in
      if key.is("env") {
        env = try r.lenientString()
      } else if key.is("appid") {
        appid = try r.lenientString()
      } else if key.is("errcode") {
        errcode = try r.lenientInt64()
      } else if key.is("errmsg") {
        errmsg = try r.lenientString()
      }
    }
  }
}

extension JSONReader {
  /// Reads the value of `key` when it is a member every batch answer has: `errcode` (0 when
  /// null), `errmsg` or `err_list`. False for any other key, whose value is left unread.
  mutating func readBatchMember(
    _ key: JSONKey, errcode: inout Int64, errmsg: inout String?, errList: inout [WireAppError]
  ) throws -> Bool {
    if key.is("errcode") {
      errcode = try lenientInt64() ?? 0
    } else if key.is("errmsg") {
      errmsg = try lenientString()
    } else if key.is("err_list") {
      errList = try lenientArray(WireAppError.init(reading:))
    } else {
      return false
    }
    return true
  }
}
