/// What a batchgetenvid `err_list` entry says about its app.
public enum ShareErrorKind: String, Sendable, Hashable, CaseIterable {
  /// 85088 "no qbase privilege": the app has not enabled cloud development, so it shares
  /// nothing (definitively).
  case noCloudDevelopment = "no_cloud_development"
  /// The appid is an official account, which batchgetenvid does not answer for.
  case notMiniProgram = "not_mini_program"
  /// Anything else, and every call that failed: the app's shares are unknown.
  case failed

  /// Whether `errmsg` (with or without its `rid:`) says the appid is not a mini program. The
  /// service's wording is not documented: this matches "not a mini program" and its spellings
  /// without spaces or the article (the sandbox says "appid is not a mini program"), nothing
  /// looser, so an unknown message stays a failure.
  static func saysNotMiniProgram(_ errmsg: String) -> Bool {
    let letters = APIError.strippingRID(from: errmsg).lowercased().filter(\.isLetter)
    return letters.contains("notaminiprogram") || letters.contains("notminiprogram")
  }
}

extension AppFailure {
  /// The kind of this failure as an `err_list` entry of batchgetenvid: only the service's own
  /// answer (`answered`) can be `noCloudDevelopment` or `notMiniProgram`.
  public var shareErrorKind: ShareErrorKind {
    guard answered else { return .failed }
    if errcode == 85088 { return .noCloudDevelopment }
    if ShareErrorKind.saysNotMiniProgram(errmsg) { return .notMiniProgram }
    return .failed
  }
}
