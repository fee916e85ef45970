import Foundation

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

  /// What `share` (`path` = `WeChatPath.batchShareEnv`) or `unshare`
  /// (`WeChatPath.batchUnshareEnv`) would send, for `--dry-run`: method, path, the query with
  /// the token redacted, and the JSON body, e.g.
  /// `POST /componenttcb/batchshareenv?access_token=<redacted> {"data":[…],"source_type":1}`.
  public static func dryRunDescription(path: String, env: String, appids: [String]) -> String {
    let body = BatchShareEnvRequest(data: [.init(env: env, appids: appids)])
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let json = (try? encoder.encode(body)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    return "POST \(path)?access_token=<redacted> \(json)"
  }

  private func write(_ path: String, env: String, appids: [String]) async throws -> WriteResult {
    guard !env.isEmpty else { throw ClientError.invalidWrite("no environment named") }
    guard !appids.isEmpty else { throw ClientError.invalidWrite("no appid named") }
    let body = BatchShareEnvRequest(data: [.init(env: env, appids: appids)])
    let answer = try await inStatement {
      try await perform(
        path, body: body, kind: .write(env: env, appids: appids), batchSize: appids.count,
        as: BatchShareEnvResponse.self, acceptErrorAnswer: { !$0.errList.isEmpty })
    }
    let errmsg = answer.errmsg ?? ""
    return WriteResult(
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
