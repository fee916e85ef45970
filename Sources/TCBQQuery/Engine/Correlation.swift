/// Correlated subqueries: a step that reads the holding query's row runs per row, with that
/// row's values as its parameters, over the tables fetched for it.
final class Correlation: @unchecked Sendable {
  private let steps: [SubqueryStep]
  /// The tables each per-row step reads (by step index).
  private let tables: [Int: [String: Table]]
  /// The first failure of a run (cancellation, a missing table): the closures that run steps
  /// cannot throw, so the executor rethrows it after each pass (`check`).
  private(set) var failure: (any Error)?

  init(steps: [SubqueryStep], tables: [Int: [String: Table]]) {
    self.steps = steps
    self.tables = tables
  }

  /// The rows of step `step` run with `parameters`; nil when the run failed.
  func rows(step: Int, parameters: [Value]) -> ResultSet? {
    guard failure == nil else { return nil }
    do {
      return try Executor.executeWithSteps(
        steps[step].plan, tables: tables[step] ?? [:], parameters: parameters)
    } catch {
      failure = error
      return nil
    }
  }

  /// Throws the first failure of a run, if any.
  func check() throws {
    if let failure { throw failure }
  }
}

/// What a correlated subquery gave per distinct parameters, at one place of a plan.
final class CorrelatedCache<Derived> {
  var values: [[Value]: Derived] = [:]
}

/// The values of a subquery's first column, for `x [not] in (select …)`. As in SQLite, a NULL
/// x or a NULL among the values makes "not found" unknown; no values at all is false.
struct Membership {
  private var keys = Set<GroupKey>()
  private var hasNull = false

  init(_ rows: ResultSet?, affinity: Affinity) {
    for r in 0..<(rows?.rowCount ?? 0) {
      let v = rows![r, 0]
      if v.isNull { hasNull = true } else { keys.insert(GroupKey(affinity.apply(v))) }
    }
  }

  var isEmpty: Bool { keys.isEmpty && !hasNull }

  /// Whether `v` (the affinity applied) is among the values.
  func test(_ v: Value, negated: Bool) -> Truth {
    if isEmpty { return negated ? .yes : .no }
    let t: Truth
    if v.isNull {
      t = .unknown
    } else if keys.contains(GroupKey(v)) {
      t = .yes
    } else {
      t = hasNull ? .unknown : .no
    }
    return negated ? t.negated : t
  }
}
