extension AppFailure: CustomStringConvertible {
  /// For messages naming what could not be fetched, e.g.
  /// `wx2: no qbase privilege (85088: the mini program has not enabled cloud development
  /// (no qbase privilege)) [rid: 9-9-9]`.
  public var description: String {
    var text = "\(appid)"
    if let env { text += " (env \(env))" }
    text += ": \(errmsg.isEmpty ? "failed" : errmsg)"
    if let errcode {
      if let meaning = APIError.meaning(of: errcode) {
        text += " (\(errcode): \(meaning))"
      } else {
        text += " (errcode \(errcode))"
      }
    }
    if let rid { text += " [rid: \(rid)]" }
    return text
  }
}
