/// Counts every HTTP call the client makes, per path, retries apart. Thread-safe; one ledger
/// per session, shared by the client and the token provider that mints through the same
/// transport.
///
/// `calls` counts every HTTP call to a path, retries included; `retries` counts those of them
/// that repeated an earlier call (backoff retries, and the retry after a token refresh).
public final class CallLedger: Sendable {
  /// The counts of one path.
  public struct Entry: Sendable, Hashable {
    public var path: String
    public var calls: Int
    public var retries: Int
    public init(path: String, calls: Int, retries: Int) {
      self.path = path
      self.calls = calls
      self.retries = retries
    }
  }

  /// The counts at one moment, paths in the order they were first called.
  public struct Snapshot: Sendable, Hashable, CustomStringConvertible {
    public var entries: [Entry]

    public init(entries: [Entry] = []) {
      self.entries = entries
    }

    /// The entry of `path`, if it was called.
    public subscript(path: String) -> Entry? {
      entries.first { $0.path == path }
    }

    public var totalCalls: Int { entries.reduce(0) { $0 + $1.calls } }
    public var totalRetries: Int { entries.reduce(0) { $0 + $1.retries } }

    /// What happened since `earlier` (a snapshot of the same ledger): paths with no new call
    /// are left out.
    public func subtracting(_ earlier: Snapshot) -> Snapshot {
      Snapshot(
        entries: entries.compactMap { entry in
          let before = earlier[entry.path]
          let calls = entry.calls - (before?.calls ?? 0)
          let retries = entry.retries - (before?.retries ?? 0)
          return calls > 0 ? Entry(path: entry.path, calls: calls, retries: retries) : nil
        })
    }

    /// e.g. `batchgetenvid 3 (1 retry), api_get_authorizer_list 1`; `none` without calls.
    public var formatted: String {
      guard !entries.isEmpty else { return "none" }
      return entries.map { entry in
        var text = "\(WeChatPath.shortName(entry.path)) \(entry.calls)"
        if entry.retries > 0 {
          text += " (\(entry.retries) \(entry.retries == 1 ? "retry" : "retries"))"
        }
        return text
      }.joined(separator: ", ")
    }

    public var description: String { formatted }
  }

  private let state = Locked(Snapshot())

  public init() {}

  /// Records one HTTP call to `path`; `retry` when it repeats an earlier call.
  public func record(path: String, retry: Bool) {
    state.withLock { snapshot in
      if let index = snapshot.entries.firstIndex(where: { $0.path == path }) {
        snapshot.entries[index].calls += 1
        if retry { snapshot.entries[index].retries += 1 }
      } else {
        snapshot.entries.append(Entry(path: path, calls: 1, retries: retry ? 1 : 0))
      }
    }
  }

  /// The counts so far.
  public func snapshot() -> Snapshot {
    state.withLock { $0 }
  }

  /// Forgets every count.
  public func reset() {
    state.withLock { $0 = Snapshot() }
  }

  /// The counts so far, formatted: `batchgetenvid 3 (1 retry), api_get_authorizer_list 1`.
  public var formatted: String { snapshot().formatted }
}
