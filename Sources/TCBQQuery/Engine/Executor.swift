/// Runs a plan over fetched tables.
public enum Executor {
  /// Runs `plan` over `tables` (by catalog name: every table of `plan.requirements`), with the
  /// rows of its steps (`subqueries`, nil for a table step or one run per row), the values of
  /// the enclosing query it reads (`parameters`) and the tables of each step run per row
  /// (`stepTables`). Checks for cancellation every few thousand rows.
  public static func execute(
    _ plan: QueryPlan, tables: [String: Table], subqueries: [ResultSet?] = [],
    parameters: [Value] = [], stepTables: [Int: [String: Table]] = [:]
  ) throws -> ResultSet {
    if let compound = plan.compound { return try Compound.combine(plan, compound, subqueries) }
    let correlation =
      plan.steps.contains(where: \.runsPerRow)
      ? Correlation(steps: plan.steps, tables: stepTables) : nil
    let result = try execute(
      plan, tables: tables, subqueries: subqueries, parameters: parameters,
      correlation: correlation)
    try correlation?.check()
    return result
  }

  private static func execute(
    _ plan: QueryPlan, tables: [String: Table], subqueries: [ResultSet?], parameters: [Value],
    correlation: Correlation?
  ) throws -> ResultSet {
    let sourceTables = try plan.sources.map { source -> Table in
      if source.schema == .noTable { return .oneRow }
      guard let table = tables[source.schema.name] else {
        throw ExecutionError("table \(source.schema.name) was not fetched")
      }
      guard table.columns.count == source.schema.columns.count else {
        throw ExecutionError("table \(source.schema.name) has the wrong columns")
      }
      return table
    }
    var compiler = Compiler(
      tables: sourceTables, subqueries: subqueries,
      subqueryAffinities: plan.steps.map { $0.plan.projections.first?.affinity ?? .none })
    compiler.parameters = parameters
    compiler.correlation = correlation
    let n = plan.sources.count

    // Scan the first table, filtering as it goes.
    var frame = Frame.scan(rows: sourceTables[0].rowCount, source: 0, sourceCount: n)
    if let filter = plan.scanFilter {
      frame = frame.selecting(try select(frame, compiler.truth(filter)))
    }
    try correlation?.check()
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
  /// fetch: the session fetches between the steps instead, `Session.materialize`), with the
  /// values of the enclosing query it reads (`parameters`). A step that reads the plan's row
  /// runs per row, later.
  public static func executeWithSteps(
    _ plan: QueryPlan, tables: [String: Table], parameters: [Value] = []
  ) throws -> ResultSet {
    var tables = tables
    var values: [ResultSet?] = []
    var stepTables: [Int: [String: Table]] = [:]
    for (index, step) in plan.steps.enumerated() {
      if step.runsPerRow {
        stepTables[index] = tables
        values.append(nil)
        continue
      }
      let stepParameters = step.parameters.map { $0.constant(parameters) }
      var rows = try executeWithSteps(step.plan, tables: tables, parameters: stepParameters)
      if let recursion = step.recursion {
        rows = try Recursion.run(
          recursion, initial: rows, tables: tables, parameters: stepParameters)
      }
      switch step.use {
      case .table(let name):
        tables[name] = Table(name, holding: rows)
        values.append(nil)
      case .values:
        values.append(rows)
      }
    }
    return try execute(
      plan, tables: tables, subqueries: values, parameters: parameters, stepTables: stepTables)
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
