/// Compounds: `select … union [all] | intersect | except select … [order by …] [limit …]`.
extension Binder {
  /// Each select of the compound is a step (planned as a subquery); the plan combines their
  /// rows, then orders by output columns (a name of the first select's result or a number, as
  /// SQLite requires) and applies the limit.
  mutating func planCompound(_ select: SelectStatement) -> QueryPlan? {
    var first = select
    first.compound = []
    first.with = []
    first.orderBy = []
    first.limit = nil
    first.offset = nil
    guard let (firstPlan, firstParameters) = plan(nested: first, seeing: []) else { return nil }
    steps.append(SubqueryStep(plan: firstPlan, use: .values, parameters: firstParameters))
    let firstStep = steps.count - 1
    var terms: [(op: CompoundOperator, step: Int)] = []
    for term in select.compound {
      guard let (plan, parameters) = plan(nested: term.query.select, seeing: []) else {
        return nil
      }
      guard plan.columns.count == firstPlan.columns.count else {
        error(
          "the selects of '\(term.op.rawValue)' do not have the same number of result columns (\(firstPlan.columns.count) and \(plan.columns.count))",
          at: term.query.select.range)
        return nil
      }
      steps.append(SubqueryStep(plan: plan, use: .values, parameters: parameters))
      terms.append((term.op, steps.count - 1))
    }
    let names = firstPlan.columns.map { $0.name.lowercased() }
    var orderBy: [(column: Int, descending: Bool)] = []
    for (index, item) in select.orderBy.enumerated() {
      guard let column = Self.compoundOrderColumn(item.expr, names: names) else {
        error(
          "order by term \(index + 1) of a compound must name a result column (\(names.joined(separator: ", "))) or give its number",
          at: item.expr.range)
        return nil
      }
      orderBy.append((column, item.descending))
    }
    let (limit, offset) = bindLimitAndOffset(select)
    guard diagnostics.isEmpty else { return nil }
    return QueryPlan(
      steps: steps, requirements: [], columns: firstPlan.columns, sources: [], scanFilter: nil,
      joins: [], filter: nil, isAggregate: false, groupBy: [], aggregates: [], having: nil,
      projections: [], distinct: false, orderBy: [], limit: limit, offset: offset,
      itemTexts: [],
      compound: CompoundPlan(first: firstStep, terms: terms, orderBy: orderBy))
  }

  private static func compoundOrderColumn(_ expr: Expr, names: [String]) -> Int? {
    switch expr.kind {
    case .literal(.integer(let n)) where n >= 1 && n <= names.count: Int(n - 1)
    case .column(nil, let name): names.firstIndex(of: name.key)
    default: nil
    }
  }
}
