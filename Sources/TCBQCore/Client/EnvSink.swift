/// Where `describeEnvs(into:)` puts each environment as it is decoded, so a caller can build
/// what it needs (the query engine's columns) without holding every `CloudBaseRunEnv` at once.
///
/// A fresh sink is made for each attempt of the call: a retried call never appends twice.
public protocol EnvSink: Sendable {
  mutating func append(_ env: CloudBaseRunEnv)
}

/// Collects the environments in an array (`describeEnvs()`).
public struct EnvArray: EnvSink {
  public var envs: [CloudBaseRunEnv] = []
  public init() {}
  public mutating func append(_ env: CloudBaseRunEnv) {
    envs.append(env)
  }
}

extension WeChatAPI {
  /// Every environment, in the answer's order.
  public func describeEnvs() async throws -> [CloudBaseRunEnv] {
    try await describeEnvs(into: EnvArray.init).envs
  }
}
