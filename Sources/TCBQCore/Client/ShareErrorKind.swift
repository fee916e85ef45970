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
    // Its letters, lowercased, on bytes (other letters stand as one byte that matches none).
    var letters: [UInt8] = []
    for scalar in APIError.strippingRID(from: errmsg).unicodeScalars {
      if scalar.isASCII {
        let byte = UInt8(scalar.value) | 0x20
        if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) { letters.append(byte) }
      } else if Character(scalar).isLetter {
        letters.append(0xFF)
      }
    }
    return contains(letters, "notaminiprogram") || contains(letters, "notminiprogram")
  }

  /// Whether `word` occurs in `letters` (a plain scan: these messages are short, and the
  /// generic collection search costs more than the whole walk's decoding).
  private static func contains(_ letters: [UInt8], _ word: StaticString) -> Bool {
    let count = word.utf8CodeUnitCount
    guard letters.count >= count else { return false }
    return word.withUTF8Buffer { pattern in
      (0...(letters.count - count)).contains { start in
        (0..<count).allSatisfy { letters[start + $0] == pattern[$0] }
      }
    }
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
