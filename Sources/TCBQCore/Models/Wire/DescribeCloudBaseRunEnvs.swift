/// describecloudbaserunenvs request: no parameters, sent as `{}` (an empty body is 44002).
public struct DescribeCloudBaseRunEnvsRequest: Sendable, Hashable, Codable {
  public init() {}
}

/// describecloudbaserunenvs answer: `env_list`.
public struct DescribeCloudBaseRunEnvsResponse: Sendable, Hashable, Codable {
  public var errcode: Int64
  public var errmsg: String?
  public var envList: [CloudBaseRunEnv]

  public init(errcode: Int64 = 0, errmsg: String? = "ok", envList: [CloudBaseRunEnv] = []) {
    self.errcode = errcode
    self.errmsg = errmsg
    self.envList = envList
  }

  enum CodingKeys: String, CodingKey {
    case errcode, errmsg
    case envList = "env_list"
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    errcode = try c.lenientInt64(forKey: .errcode) ?? 0
    errmsg = try c.lenientString(forKey: .errmsg)
    envList = try c.lenientArray(of: CloudBaseRunEnv.self, forKey: .envList)
  }
}
