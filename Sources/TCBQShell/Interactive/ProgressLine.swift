import Foundation
import TCBQCore

/// A one-line progress display on standard error for fetches that take longer than half a second:
/// `batchgetenvid: 12/40 calls, 1,180 rows, 1.4s`. Only on a terminal; never in results. The
/// client reports into it from any task; the runner begins and ends it around each statement.
final class ProgressLine: Sendable {
  private struct State {
    var started: ContinuousClock.Instant?
    var shown = false
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
      let elapsed = ContinuousClock.now - started
      guard elapsed >= delay else { return nil }
      state.shown = true
      let name = progress.path.split(separator: "/").last.map(String.init) ?? progress.path
      let total = progress.callsTotal.map { "/\($0)" } ?? ""
      let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
      return "\(name): \(progress.callsDone)\(total) calls, \(progress.rows) rows, \(String(format: "%.1f", seconds))s"
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
