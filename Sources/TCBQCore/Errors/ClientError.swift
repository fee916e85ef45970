/// Failures of the client itself, not answered by the API: configuration, tokens, the budget.
public enum ClientError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A ready token (TCBQ_ACCESS_TOKEN) was rejected and cannot be refreshed. `errcode` is the
  /// rejection (40001, 40014, 42001) when known.
  case staticTokenRejected(errcode: Int64?)
  /// A call that needs the component appid (api_get_authorizer_list, api_get_authorizer_info)
  /// without one configured.
  case componentAppIDRequired(path: String)
  /// The next call would exceed the statement's call budget (`--max-calls`); `count` calls were
  /// already made.
  case budgetExceeded(count: Int, limit: Int)
  /// api_component_token answered without a token.
  case tokenMissingInAnswer
  /// The token command could not be started.
  case tokenCommandNotRunnable(reason: String)
  /// The token command exited with a non-zero status (its output is not shown: it may hold a
  /// secret).
  case tokenCommandFailed(status: Int32)
  /// The token command printed nothing.
  case tokenCommandEmptyOutput
  /// The token command ran longer than its timeout and was stopped.
  case tokenCommandTimedOut(seconds: Int)
  /// A write without appids or with an empty env.
  case invalidWrite(String)

  public var description: String {
    switch self {
    case .staticTokenRejected(let errcode):
      let what =
        switch errcode {
        case 42001: "static token expired (42001)"
        case let code?:
          "static token rejected (\(code): \(APIError.meaning(of: code) ?? "token error"))"
        case nil: "static token expired (42001) or rejected"
        }
      return "\(what): set a fresh TCBQ_ACCESS_TOKEN or configure component credentials"
    case .componentAppIDRequired(let path):
      return
        "component appid required for \(WeChatPath.shortName(path)): set TCBQ_COMPONENT_APPID (or component_appid in the profile)"
    case .budgetExceeded(let count, let limit):
      return
        "budget exceeded: this statement already made \(count) API call\(count == 1 ? "" : "s") and the limit is \(limit) (--max-calls); narrow the query (e.g. name the appids with appid in (…)) or raise the limit"
    case .tokenMissingInAnswer:
      return "api_component_token answered without component_access_token"
    case .tokenCommandNotRunnable(let reason):
      return "the token command could not be run: \(reason)"
    case .tokenCommandFailed(let status):
      return
        "the token command exited with status \(status) (its output is not shown because it may contain a secret)"
    case .tokenCommandEmptyOutput:
      return "the token command printed no token on standard output"
    case .tokenCommandTimedOut(let seconds):
      return "the token command did not finish within \(seconds) s and was stopped"
    case .invalidWrite(let reason):
      return "invalid write: \(reason)"
    }
  }
}
