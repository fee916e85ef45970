extension AppFailure: CustomStringConvertible {
  /// How a failure is reported (the warning after a partial result prints one per line):
  /// appid, message, errcode with its meaning when known, and the rid when the message does not
  /// already end with it, e.g. `wx2: no qbase privilege (errcode 85088: the mini program has not
  /// enabled cloud development (no qbase privilege)) rid: 9-9-9`.
  public var description: String {
    var text = "\(appid): \(errmsg)"
    if let errcode {
      text += " (errcode \(errcode)"
      if let meaning = APIError.meaning(of: errcode) { text += ": \(meaning)" }
      text += ")"
    }
    if let rid, !errmsg.contains(rid) { text += " rid: \(rid)" }
    return text
  }

  /// Whether the call for this appid was refused for a spent daily quota (45009).
  public var isQuotaExhausted: Bool {
    errcode.map(APIError.isQuotaExhausted) ?? false
  }
}
