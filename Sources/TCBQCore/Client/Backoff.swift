/// Exponential backoff with jitter: retry n waits between half and all of
/// `min(maxDelay, baseDelay × 2ⁿ⁻¹)`.
struct Backoff: Sendable {
  var baseDelay: Duration
  var maxDelay: Duration

  /// The wait before retry number `retry` (1 for the first retry).
  func delay(beforeRetry retry: Int) -> Duration {
    let doubling = 1 << min(max(retry - 1, 0), 30)
    let full = min(maxDelay, baseDelay * doubling)
    return full * Double.random(in: 0.5...1.0)
  }
}
