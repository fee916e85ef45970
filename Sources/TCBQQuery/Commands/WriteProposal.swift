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

  /// The request a confirmed proposal sends, as the client builds it (what `--dry-run` prints).
  public func request() throws -> WriteRequest {
    try WriteRequest(path: kind.path, env: env, appids: appids)
  }

  /// What the dialog and `--dry-run` show: one line per pair, saying whether it exists now.
  public var pairLines: [String] {
    appids.map { appid in
      let state: String
      switch existing?.contains(appid) {
      case .some(true): state = kind == .share ? "already shared" : "shared now"
      case .some(false):
        state = kind == .share ? "not shared now" : "not shared now (nothing to remove)"
      case .none: state = "current state unknown"
      }
      return "  \(kind.rawValue) \(env) \(kind.preposition) \(appid)   [\(state)]"
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

extension WriteProposal.Kind {
  /// How a pair reads: `share <env> with <appid>`, `unshare <env> from <appid>`.
  public var preposition: String { self == .share ? "with" : "from" }
}
