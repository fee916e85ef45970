/// What one statement shares across its calls: the call budget, and the endpoints stopped by a
/// 45009 answer. Carried as a task-local value, so batches running in child tasks see it.
final class StatementContext: Sendable {
  let budget: CallBudget
  private let stopped = Locked([String: APIError]())

  init(maxCalls: Int?) {
    budget = CallBudget(limit: maxCalls)
  }

  /// Marks `path` as out of quota: no further call to it in this statement.
  func stop(_ path: String, because error: APIError) {
    stopped.withLock { stopped in
      if stopped[path] == nil { stopped[path] = error }
    }
  }

  /// The error to give instead of calling `path`, if a 45009 stopped it.
  func stopError(for path: String) -> APIError? {
    stopped.withLock { $0[path] }.map { first in
      APIError(
        path: path, errcode: first.errcode,
        errmsg: "not sent: the daily quota of this API ran out earlier in this statement")
    }
  }

  @TaskLocal static var current: StatementContext?
}
