import Foundation

/// A non-zero `errcode` the WeChat API answered with.
///
/// Carries what a support engineer needs: the path, the errcode, the errmsg as sent, and the
/// request id (`rid`) WeChat support can look up for 7 days. Never holds the token.
public struct APIError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The cgi path called, e.g. `/componenttcb/batchgetenvid`.
  public var path: String
  public var errcode: Int64
  /// The errmsg as the service sent it (with its `rid:` suffix, if any).
  public var errmsg: String
  /// The request id from the end of `errmsg` (`... rid: 6543c0a5-1c5b4f12-5f0b1d93`).
  public var rid: String?

  /// Builds the error; `rid` is taken from the end of `errmsg` when present.
  public init(path: String, errcode: Int64, errmsg: String) {
    self.path = path
    self.errcode = errcode
    self.errmsg = errmsg
    self.rid = APIError.rid(in: errmsg)
  }

  /// What `errcode` means, in plain language, when tcbq knows it.
  public var meaning: String? { APIError.meaning(of: errcode) }

  /// `errmsg` without its `rid:` suffix.
  public var message: String { APIError.strippingRID(from: errmsg) }

  /// -1 and -1000: the service is busy; retrying later may succeed.
  public var isBusy: Bool { errcode == -1 || errcode == -1000 }

  /// 40001, 40014, 42001: the access token was rejected; a fresh one may succeed.
  public var isTokenRejected: Bool { [40001, 40014, 42001].contains(errcode) }

  /// 45009: the daily quota of this API is used up.
  public var isQuotaExhausted: Bool { APIError.isQuotaExhausted(errcode) }

  /// Whether `errcode` is 45009, the daily quota of an API used up.
  static func isQuotaExhausted(_ errcode: Int64) -> Bool { errcode == 45009 }

  public var description: String {
    var text = "\(WeChatPath.shortName(path)) failed: errcode \(errcode)"
    if let meaning { text += " (\(meaning))" }
    let message = self.message
    if !message.isEmpty { text += ": \(message)" }
    if let rid { text += " [rid: \(rid)]" }
    return text
  }

  /// The request id at the end of an errmsg, e.g. `invalid args rid: 6543c0a5-1c5b4f12-5f0b1d93`.
  public static func rid(in errmsg: String) -> String? {
    guard let marker = lastRIDMarker(in: errmsg) else { return nil }
    let tail = errmsg[marker.upperBound...].trimmingBlanks(andNewlines: true)
    let id = tail.prefix { $0.isLetter || $0.isNumber || $0 == "-" }
    guard !id.isEmpty, id.count == tail.count else { return nil }
    return String(id)
  }

  static func strippingRID(from errmsg: String) -> String {
    guard rid(in: errmsg) != nil, let marker = lastRIDMarker(in: errmsg) else {
      return String(errmsg.trimmingBlanks())
    }
    var head = errmsg[..<marker.lowerBound].trimmingBlanks()
    while head.hasSuffix(",") || head.hasSuffix(";") { head.removeLast() }
    return String(head.trimmingBlanks())
  }

  /// The last `rid:` of the text (case as written), found on its bytes: a walk of 20,000 apps
  /// reads thousands of errmsgs.
  private static func lastRIDMarker(in text: String) -> Range<String.Index>? {
    let bytes = text.utf8, marker = "rid:".utf8
    guard bytes.count >= marker.count else { return nil }
    var index = bytes.index(bytes.endIndex, offsetBy: -marker.count)
    while true {
      if bytes[index...].starts(with: marker) {
        return index..<bytes.index(index, offsetBy: marker.count)
      }
      if index == bytes.startIndex { return nil }
      index = bytes.index(before: index)
    }
  }
}
