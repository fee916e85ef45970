/// Runs a plan over fetched tables.
public enum Executor {
  /// Runs `plan` over `tables` (by catalog name: every table of `plan.requirements`). Checks for
  /// cancellation every few thousand rows.
  public static func execute(
    _ plan: QueryPlan, tables: [String: Table], subqueries: [ResultSet?] = []
  ) throws -> ResultSet {
    let sourceTables = try plan.sources.map { source -> Table in
      guard let table = tables[source.schema.name] else {
        throw ExecutionError("table \(source.schema.name) was not fetched")
      }
      guard table.columns.count == source.schema.columns.count else {
        throw ExecutionError("table \(source.schema.name) has the wrong columns")
      }
      return table
    }
    let compiler = Compiler(
      tables: sourceTables, subqueries: subqueries,
      subqueryAffinities: plan.steps.map { $0.plan.projections.first?.affinity ?? .none })
    let n = plan.sources.count

    // Scan the first table, filtering as it goes.
    var frame = Frame.scan(rows: sourceTables[0].rowCount, source: 0, sourceCount: n)
    if let filter = plan.scanFilter {
      frame = frame.selecting(try select(frame, compiler.truth(filter)))
    }
    for (j, join) in plan.joins.enumerated() {
      frame = try Joins.join(frame, join, source: j + 1, compiler: compiler)
    }
    if let filter = plan.filter {
      frame = frame.selecting(try select(frame, compiler.truth(filter)))
    }
    if plan.isAggregate {
      frame = try Aggregation.aggregate(frame, plan: plan, compiler: compiler)
      if let having = plan.having {
        frame = frame.selecting(try select(frame, compiler.truth(having)))
      }
    }
    return try Output.produce(frame, plan: plan, compiler: compiler)
  }

  /// Runs `plan` and first its steps, every table it reads being in `tables` (nothing to
  /// fetch: the session fetches between the steps instead, `Session.materialize`).
  public static func executeWithSteps(_ plan: QueryPlan, tables: [String: Table]) throws
    -> ResultSet
  {
    var tables = tables
    var values: [ResultSet?] = []
    for step in plan.steps {
      let rows = try executeWithSteps(step.plan, tables: tables)
      switch step.use {
      case .table(let name):
        tables[name] = Table(name, holding: rows)
        values.append(nil)
      case .values:
        values.append(rows)
      }
    }
    return try execute(plan, tables: tables, subqueries: values)
  }

  /// The positions of the rows where `predicate` is true: a selection vector.
  static func select(_ frame: Frame, _ predicate: TruthEval) throws -> [Int32] {
    var selected: [Int32] = []
    selected.reserveCapacity(frame.count)
    for r in 0..<frame.count {
      try checkCancellation(r)
      if predicate(frame, r) == .yes { selected.append(Int32(r)) }
    }
    return selected
  }
}

/// A failure while executing a plan (e.g. a table not supplied).
public struct ExecutionError: Error, Sendable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
