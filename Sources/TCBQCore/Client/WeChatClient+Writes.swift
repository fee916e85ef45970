import Foundation

/// A share or unshare request exactly as `WeChatClient` sends it, less the token (a URL
/// parameter added at sending). `share`, `unshare` and `--dry-run` all build it here.
public struct WriteRequest: Sendable, Hashable {
  /// `WeChatPath.batchShareEnv` or `WeChatPath.batchUnshareEnv`.
  public let path: String
  /// The JSON body, `BatchShareEnvRequest.encoded()`.
  public let body: [UInt8]

  public init(path: String, env: String, appids: [String]) throws {
    try self.init(path: path, data: [.init(env: env, appids: appids)])
  }

  /// One call for several envs: `data` holds one item per env, in order.
  public init(path: String, data: [BatchShareEnvRequest.Item]) throws {
    self.path = path
    body = try BatchShareEnvRequest(data: data).encoded()
  }

  /// What `--dry-run` prints: the request line with the token redacted, then the body, e.g.
  /// `POST /componenttcb/batchshareenv?access_token=REDACTED` and
  /// `{"data":[{"env":"prod","appids":["wx1"]}],"source_type":1}`.
  public var dryRunLines: [String] {
    ["POST \(path)?access_token=REDACTED", String(decoding: body, as: UTF8.self)]
  }
}

extension WeChatClient {
  /// batchshareenv, one call for all `appids`. Retried only on a busy answer (-1, -1000) or a
  /// refused connection; a lost answer throws `WriteOutcomeUnknown`. A non-zero errcode comes
  /// back as `WriteResult` when the answer lists per-pair errors, otherwise as `APIError`.
  public func share(env: String, with appids: [String]) async throws -> WriteResult {
    try await write(WeChatPath.batchShareEnv, env: env, appids: appids)
  }

  /// batchunshareenv, with the same rules as `share`.
  public func unshare(env: String, from appids: [String]) async throws -> WriteResult {
    try await write(WeChatPath.batchUnshareEnv, env: env, appids: appids)
  }

  private func write(_ path: String, env: String, appids: [String]) async throws -> WriteResult {
    try await write(path, data: [.init(env: env, appids: appids)])
  }

  /// One batchshareenv or batchunshareenv call with `data` (an item per env), sent as
  /// `WriteRequest` builds it, with the rules of `share`.
  public func write(_ path: String, data: [BatchShareEnvRequest.Item]) async throws
    -> WriteResult
  {
    guard !data.isEmpty, data.allSatisfy({ !$0.env.isEmpty }) else {
      throw ClientError.invalidWrite("no environment named")
    }
    guard data.allSatisfy({ !$0.appids.isEmpty }) else {
      throw ClientError.invalidWrite("no appid named")
    }
    let request = try WriteRequest(path: path, data: data)
    let env = data.map(\.env).joined(separator: ",")
    let appids = data.flatMap(\.appids)
    let answer = try await inStatement {
      try await perform(
        path, bytes: request.body, kind: .write(env: env, appids: appids),
        batchSize: appids.count, reading: .reading(BatchShareEnvResponse.self),
        acceptErrorAnswer: { !$0.errList.isEmpty })
    }
    return WriteResult(answer, env: data.count == 1 ? data[0].env : "")
  }
}

extension WriteResult {
  /// The result of a write whose answer is `answer`; a per-pair error without an env is `env`'s.
  init(_ answer: BatchShareEnvResponse, env: String) {
    let errmsg = answer.errmsg ?? ""
    self.init(
      errcode: answer.errcode, errmsg: errmsg, rid: APIError.rid(in: errmsg),
      failures: answer.errList.map { entry in
        let message = entry.errmsg ?? ""
        return AppFailure(
          appid: entry.appid ?? "", env: entry.env ?? env,
          errcode: entry.errcode ?? APIError.errcode(forMessage: message),
          errmsg: APIError.strippingRID(from: message), rid: APIError.rid(in: message))
      },
      links: answer.msgInfoList.compactMap { info in
        guard let appid = info.appid, let url = info.url else { return nil }
        return WriteResult.Link(appid: appid, url: url)
      })
  }
}
