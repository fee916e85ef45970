/// A write (batchshareenv, batchunshareenv) whose outcome is unknown: it may have been applied.
/// tcbq never re-sends it; the user should look (`shares of …`) before trying again.
public struct WriteOutcomeUnknown: Error, Sendable, Hashable, CustomStringConvertible {
  public var path: String
  public var env: String
  public var appids: [String]
  /// Why the answer was lost: a timeout, a reset connection, an unreadable body, HTTP 5xx.
  public var cause: TransportError

  public init(path: String, env: String, appids: [String], cause: TransportError) {
    self.path = path
    self.env = env
    self.appids = appids
    self.cause = cause
  }

  public var description: String {
    "\(WeChatPath.shortName(path)) of \(env) for \(appids.joined(separator: ", ")): outcome unknown (\(cause)); the request was not re-sent, so check with 'shares of \(appids.joined(separator: ", "))' before trying again"
  }
}
