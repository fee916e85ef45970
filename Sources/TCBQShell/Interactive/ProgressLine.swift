import Foundation
import TCBQCore

/// A one-line progress display on standard error for fetches that take longer than half a second:
/// `batchgetenvid: 12/40 calls, 1180 rows, 1.4s`; when calls to several endpoints overlap (the
/// authorizer list and its batches), each endpoint's part in the order they began:
/// `api_get_authorizer_list: 30/41 calls, 15000 rows; batchgetenvid: 120/150 calls, 300 rows, 1.1s`.
/// Only on a terminal; never in results. The client reports into it from any task; the runner
/// begins and ends it around each statement.
final class ProgressLine: Sendable {
  private struct State {
    var started: ContinuousClock.Instant?
    var shown = false
    /// The latest progress of each endpoint, in the order they first reported.
    var parts: [CallProgress] = []
  }

  private let state = Locked(State())
  private let delay: Duration

  init(delay: Duration = .milliseconds(500)) { self.delay = delay }

  func begin() {
    state.withLock { $0 = State(started: .now, shown: false) }
  }

  func report(_ progress: CallProgress) {
    let line: String? = state.withLock { state in
      guard let started = state.started else { return nil }
      if let index = state.parts.firstIndex(where: { $0.path == progress.path }) {
        state.parts[index] = progress
      } else {
        state.parts.append(progress)
      }
      let elapsed = ContinuousClock.now - started
      guard elapsed >= delay else { return nil }
      state.shown = true
      let parts = state.parts.map { part in
        let name = WeChatPath.shortName(part.path)
        let total = part.callsTotal.map { "/\($0)" } ?? ""
        return "\(name): \(part.callsDone)\(total) calls, \(part.rows) rows"
      }
      let seconds =
        Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
      return parts.joined(separator: "; ") + ", \(String(format: "%.1f", seconds))s"
    }
    if let line { Console.writeError("\r\u{1B}[K" + line) }
  }

  /// Clears the line if it was drawn.
  func end() {
    let shown = state.withLock { state -> Bool in
      defer { state = State() }
      return state.shown
    }
    if shown { Console.writeError("\r\u{1B}[K") }
  }
}
