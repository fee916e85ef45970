/// The most API calls one statement may make (`--max-calls`). Checked before each call: when
/// the next call would exceed the limit, `spend()` throws `ClientError.budgetExceeded` and the
/// call is not sent. Thread-safe.
public final class CallBudget: Sendable {
  /// `nil`: unlimited.
  public let limit: Int?
  private let spent = Locked(0)

  public init(limit: Int?) {
    self.limit = limit
  }

  /// Calls made so far under this budget.
  public var count: Int { spent.withLock { $0 } }

  /// Accounts for one call about to be sent, or throws `ClientError.budgetExceeded(count:limit:)`
  /// without counting it.
  public func spend() throws {
    try spent.withLock { spent in
      if let limit, spent >= limit {
        throw ClientError.budgetExceeded(count: spent, limit: limit)
      }
      spent += 1
    }
  }
}
