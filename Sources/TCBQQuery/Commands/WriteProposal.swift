import TCBQCore

/// One (env, appid) pair of a write.
public struct WritePair: Sendable, Hashable {
  public var env: String
  public var appid: String
  public init(env: String, appid: String) {
    self.env = env
    self.appid = appid
  }
}

/// A write the user asked for, shown to them before anything is sent: every pair, whether each
/// exists now, and which of them will be sent.
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

  /// Whether a pair exists now.
  public enum PairState: Sendable, Hashable {
    case exists, absent, unknown
  }

  public var kind: Kind
  /// Every pair asked for, in order, duplicates removed.
  public var pairs: [WritePair]
  /// The pairs that exist now, among those whose appid's shares could be read.
  public var existing: Set<WritePair>
  /// Appids whose shares could not be read: their pairs' state is unknown.
  public var unknownAppids: Set<String>
  /// Whether pairs that would change nothing (unshare of an absent pair, share of an existing
  /// one) are left out of what is sent: writes from a query do; writes of listed appids send
  /// what was written.
  public var skipsUnchanged: Bool

  public init(
    kind: Kind, pairs: [WritePair], existing: Set<WritePair>, unknownAppids: Set<String>,
    skipsUnchanged: Bool
  ) {
    self.kind = kind
    var seen = Set<WritePair>()
    self.pairs = pairs.filter { seen.insert($0).inserted }
    self.existing = existing
    self.unknownAppids = unknownAppids
    self.skipsUnchanged = skipsUnchanged
  }

  public func state(of pair: WritePair) -> PairState {
    if unknownAppids.contains(pair.appid) { return .unknown }
    return existing.contains(pair) ? .exists : .absent
  }

  /// Whether sending `pair` would change nothing, as far as is known.
  public func isUnchanged(_ pair: WritePair) -> Bool {
    switch (kind, state(of: pair)) {
    case (.share, .exists), (.unshare, .absent): true
    default: false
    }
  }

  /// Exactly the pairs that will be sent, in order.
  public var toSend: [WritePair] {
    skipsUnchanged ? pairs.filter { !isUnchanged($0) } : pairs
  }

  /// The pairs named and not sent because they would change nothing.
  public var unchanged: [WritePair] {
    skipsUnchanged ? pairs.filter(isUnchanged) : []
  }

  /// The calls that send `toSend`: at most `batchSize` appids each, the pairs of one env kept
  /// together in `data` (envs in the order they first appear).
  public func calls(batchSize: Int) -> [WriteCall] {
    var order: [String] = []
    var byEnv: [String: [WritePair]] = [:]
    for pair in toSend {
      if byEnv[pair.env] == nil { order.append(pair.env) }
      byEnv[pair.env, default: []].append(pair)
    }
    let sorted = order.flatMap { byEnv[$0] ?? [] }
    let size = max(1, batchSize)
    return stride(from: 0, to: sorted.count, by: size).map { start in
      WriteCall(kind: kind, pairs: Array(sorted[start..<min(start + size, sorted.count)]))
    }
  }

  /// What the dialog and `--dry-run` show: one line per pair, saying whether it exists now and,
  /// for a pair that would change nothing, that it is not sent.
  public var pairLines: [String] {
    pairs.map { pair in
      let shown: String
      switch state(of: pair) {
      case .exists: shown = kind == .share ? "already shared" : "shared now"
      case .absent:
        shown = kind == .share ? "not shared now" : "not shared now (nothing to remove)"
      case .unknown: shown = "current state unknown"
      }
      let skipped = skipsUnchanged && isUnchanged(pair) ? "; not sent" : ""
      return
        "  \(kind.rawValue) \(pair.env) \(kind.preposition) \(pair.appid)   [\(shown)\(skipped)]"
    }
  }

  /// The envs of the pairs, in order, once each.
  public var envs: [String] {
    var seen = Set<String>()
    return pairs.map(\.env).filter { seen.insert($0).inserted }
  }
}

/// One API call of a write: its pairs, grouped by env in `data`.
public struct WriteCall: Sendable, Hashable {
  public var kind: WriteProposal.Kind
  public var pairs: [WritePair]

  /// The body's `data`: an item per env, in the order of the pairs.
  public var data: [BatchShareEnvRequest.Item] {
    var items: [BatchShareEnvRequest.Item] = []
    for pair in pairs {
      if items.last?.env == pair.env {
        items[items.count - 1].appids.append(pair.appid)
      } else {
        items.append(.init(env: pair.env, appids: [pair.appid]))
      }
    }
    return items
  }

  /// The request this call sends, as the client builds it (what `--dry-run` prints).
  public func request() throws -> WriteRequest {
    try WriteRequest(path: kind.path, data: data)
  }
}

/// Asks the user whether a write may be sent. The interactive shell asks `[y/N]` (or, for a
/// write over `--max-writes`, for the number of pairs to be typed); scripts answer from `--yes`.
public protocol WriteConfirmer: Sendable {
  /// Whether a person answers (and can type a count); false for scripts.
  var isInteractive: Bool { get }
  /// `typingCount`: the write is over the guard, the answer must be the number of pairs sent.
  func confirm(_ proposal: WriteProposal, typingCount: Bool) async -> Bool
}

/// The non-interactive confirmer: yes only with `--yes`.
public struct FixedConfirmer: WriteConfirmer {
  public var answer: Bool
  public init(answer: Bool) { self.answer = answer }
  public var isInteractive: Bool { false }
  public func confirm(_ proposal: WriteProposal, typingCount: Bool) async -> Bool { answer }
}

extension WriteProposal.Kind {
  /// How a pair reads: `share <env> with <appid>`, `unshare <env> from <appid>`.
  public var preposition: String { self == .share ? "with" : "from" }
}
