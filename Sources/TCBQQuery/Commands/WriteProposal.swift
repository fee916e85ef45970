import TCBQCore

/// A write the user asked for, shown to them before anything is sent.
public struct WriteProposal: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable {
    case share, unshare
    /// The API path the write is sent to.
    public var path: String {
      switch self {
      case .share: WeChatEndpoint.batchShareEnv.path
      case .unshare: WeChatEndpoint.batchUnshareEnv.path
      }
    }
  }

  public var kind: Kind
  public var env: String
  /// Exactly the appids that will be sent, in the order written, duplicates removed.
  public var appids: [String]
  /// Appids that share `env` now (nil when that could not be fetched).
  public var existing: Set<String>?

  public init(kind: Kind, env: String, appids: [String], existing: Set<String>?) {
    self.kind = kind
    self.env = env
    self.appids = appids
    self.existing = existing
  }

  /// The request body that will be sent, as JSON text (no token: the token is a URL parameter).
  public var requestBody: String {
    let ids = appids.map { "\"\(JSONText.escape($0))\"" }.joined(separator: ",")
    return "{\"data\":[{\"env\":\"\(JSONText.escape(env))\",\"appids\":[\(ids)]}],\"source_type\":1}"
  }

  /// What the dialog and `--dry-run` show: one line per pair, saying whether it exists now.
  public var pairLines: [String] {
    appids.map { appid in
      let state: String
      switch existing?.contains(appid) {
      case .some(true): state = kind == .share ? "already shared" : "shared now"
      case .some(false): state = kind == .share ? "not shared now" : "not shared now (nothing to remove)"
      case .none: state = "current state unknown"
      }
      return "  \(kind.rawValue) \(env) \(kind == .share ? "with" : "from") \(appid)   [\(state)]"
    }
  }
}

/// Asks the user whether a write may be sent. The interactive shell asks `[y/N]`; scripts answer
/// from `--yes`.
public protocol WriteConfirmer: Sendable {
  func confirm(_ proposal: WriteProposal) async -> Bool
}

/// The non-interactive confirmer: yes only with `--yes`.
public struct FixedConfirmer: WriteConfirmer {
  public var answer: Bool
  public init(answer: Bool) { self.answer = answer }
  public func confirm(_ proposal: WriteProposal) async -> Bool { answer }
}

enum JSONText {
  /// Escapes a string for inclusion between double quotes in JSON.
  static func escape(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case let c where c.value < 0x20:
        out += "\\u" + String(repeating: "0", count: 4 - String(c.value, radix: 16).count)
          + String(c.value, radix: 16)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
