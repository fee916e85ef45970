/// One request the sandbox saw, as its request log keeps it: never the token or a secret.
public struct SandboxRequestRecord: Sendable, Hashable, Codable {
  /// 1, 2, 3… in arrival order.
  public var sequence: Int
  public var method: String
  public var path: String
  /// The appids the request asked for (batchgetenvid, batchshareenv, batchunshareenv).
  public var appids: [String]
  /// The env ids it named (batchshareenv, batchunshareenv).
  public var envs: [String]
  /// The HTTP status answered.
  public var status: Int
  /// The errcode answered; nil for an answer without one (HTTP 500, a token minted).
  public var errcode: Int?
  /// The fault injected, if any: `busy`, `http500`, `truncated`.
  public var fault: String?
  /// How many requests the sandbox was answering when this one arrived, itself included (with
  /// a latency, the calls a client had in flight); nil for a request handled without latency.
  public var inFlight: Int?
  /// Of `inFlight`, those to the same path.
  public var inFlightSamePath: Int?

  public init(
    sequence: Int, method: String, path: String, appids: [String], envs: [String], status: Int,
    errcode: Int?, fault: String?, inFlight: Int? = nil, inFlightSamePath: Int? = nil
  ) {
    self.sequence = sequence
    self.method = method
    self.path = path
    self.appids = appids
    self.envs = envs
    self.status = status
    self.errcode = errcode
    self.fault = fault
    self.inFlight = inFlight
    self.inFlightSamePath = inFlightSamePath
  }
}

/// A binding of an environment to an app.
public struct SandboxShare: Sendable, Hashable, Codable {
  public var appid: String
  public var env: String
  public init(appid: String, env: String) {
    self.appid = appid
    self.env = env
  }
}
