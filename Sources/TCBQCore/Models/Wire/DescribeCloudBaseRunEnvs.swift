/// describecloudbaserunenvs request: no parameters, sent as `{}` (an empty body is 44002).
public struct DescribeCloudBaseRunEnvsRequest: Sendable, Hashable, Codable {
  public init() {}
}

/// (The answer, `{errcode, errmsg, env_list}`, is read in chunks by `AnswerReader.envList`
/// and `CloudBaseRunEnv.init(reading:)`, not decoded into one value.)
