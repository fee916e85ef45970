/// `with recursive name as (initial select union [all] recursive select …)`.
extension CommonTableExpression {
  /// Whether a select after the first of its compound reads the table itself.
  var isRecursive: Bool {
    query.select.compound.contains { term in
      term.query.select.tableNames.contains(name.key)
    }
  }
}

extension Binder {
  /// A recursive `with` table: the initial select (which must not read the table), then the
  /// recursive selects, bound with the table's columns known; `union` or `union all` between
  /// them, and a `limit` of the whole. The step computes the rows (`Recursion.run`).
  mutating func bindRecursive(_ cte: CommonTableExpression) -> Bool {
    let body = cte.query.select
    let leading = body.compound.prefix { !$0.query.select.tableNames.contains(cte.name.key) }
    var initial = body
    initial.compound = Array(leading)
    initial.orderBy = []
    initial.limit = nil
    initial.offset = nil
    guard checkRecursiveShape(cte) else { return false }
    guard let (initialPlan, parameters) = plan(nested: initial, seeing: []) else { return false }
    var names = initialPlan.columns.map(\.name)
    if !cte.columns.isEmpty {
      guard cte.columns.count == initialPlan.columns.count else {
        error(
          "table \(cte.name.name) has \(initialPlan.columns.count) values for \(cte.columns.count) columns",
          at: cte.name.range)
        return false
      }
      names = cte.columns.map(\.name)
    }
    // Like SQLite's, the columns of a recursive table have no affinity.
    let columns = Table.uniqueColumnNames(names).map { ColumnSchema(name: $0, type: .any) }
    let schema = TableSchema(
      local: cte.name.key, columns: columns, summary: "rows of a recursive with table")
    catalog = catalog.replacing(schema)
    var recursive: [QueryPlan] = []
    for term in body.compound.dropFirst(leading.count) {
      guard let (plan, termParameters) = plan(nested: term.query.select, seeing: []) else {
        return false
      }
      guard plan.columns.count == columns.count, termParameters.isEmpty else {
        error(
          "the selects of \(cte.name.name) do not have the same number of result columns (\(columns.count) and \(plan.columns.count))",
          at: term.query.select.range)
        return false
      }
      recursive.append(plan)
    }
    let (limit, offset) = bindLimitAndOffset(body)
    let recursion = RecursivePlan(
      name: schema.name, columns: columns.map { ResultSet.Column(name: $0.name, type: .any) },
      recursive: recursive, distinct: body.compound.last?.op == .union, limit: limit,
      offset: offset)
    steps.append(
      SubqueryStep(
        plan: initialPlan, use: .table(schema.name), parameters: parameters, recursion: recursion))
    return true
  }

  /// The first select reads other tables only, and so does every select before the first that
  /// reads the table, none after it; the operators from there on are all `union` or all
  /// `union all`; no `order by` (SQLite's queue order is not kept).
  private mutating func checkRecursiveShape(_ cte: CommonTableExpression) -> Bool {
    let body = cte.query.select
    if body.tableNames.contains(cte.name.key) {
      error(
        "the first select of recursive table \(cte.name.name) must not read it", at: body.range)
      return false
    }
    let reads = body.compound.map { $0.query.select.tableNames.contains(cte.name.key) }
    let firstReading = reads.firstIndex(of: true) ?? reads.count
    if reads[firstReading...].contains(false) {
      error(
        "in recursive table \(cte.name.name), the selects that do not read it must come first",
        at: body.range)
      return false
    }
    let ops = Set(body.compound[firstReading...].map(\.op))
    guard ops.isSubset(of: [.union, .unionAll]), ops.count == 1 else {
      error(
        "recursive table \(cte.name.name) must join its selects with all 'union' or all 'union all'",
        at: body.range)
      return false
    }
    if let first = body.orderBy.first {
      error(
        "order by in recursive table \(cte.name.name) is not supported: order the select that reads it",
        at: first.expr.range)
      return false
    }
    return true
  }
}

/// A recursive `with` table's rows after its initial select's: each round runs the recursive
/// selects over the rows the last round added, until a round adds none or the limit is met.
struct RecursivePlan: Sendable {
  var name: String
  var columns: [ResultSet.Column]
  var recursive: [QueryPlan]
  /// `union`: a row already in the table is not added again (nor read again).
  var distinct: Bool
  var limit: Int?
  var offset: Int
}
