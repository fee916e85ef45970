/// Resolves a `select` against the catalog and plans it: every name checked, every aggregate
/// placed, the fetches it needs known — before any API call.
public enum Planner {
  /// Plans `select`. Pass the `source` text the statement was parsed from (the whole text its
  /// ranges point into) to name unnamed result columns as written, as SQLite does.
  public static func plan(_ select: SelectStatement, catalog: Catalog, source: String? = nil)
    throws(PlanError) -> QueryPlan
  {
    var binder = Binder(catalog: catalog, text: ExprText(source: source))
    guard let plan = binder.plan(select), binder.diagnostics.isEmpty else {
      throw PlanError(binder.diagnostics.sorted { $0.range.start < $1.range.start })
    }
    return plan
  }
}

/// The names of the aggregate functions.
let aggregateNames: Set<String> = Set(
  AggregateCall.Kind.allCases.filter { $0 != .countStar }.map(\.rawValue))

extension Expr {
  /// Whether the expression calls an aggregate (`min`/`max` with one argument).
  var callsAggregate: Bool {
    switch kind {
    case .literal, .column: return false
    case .unary(_, let e), .isNull(let e, _): return e.callsAggregate
    case .binary(_, let a, let b):
      return a.callsAggregate || b.callsAggregate
    case .match(_, let a, let b, let escape, _):
      return a.callsAggregate || b.callsAggregate || escape?.callsAggregate == true
    case .caseWhen(let operand, let whens, let otherwise):
      return operand?.callsAggregate == true || otherwise?.callsAggregate == true
        || whens.contains { $0.condition.callsAggregate || $0.result.callsAggregate }
    case .cast(let e, _), .inSubquery(let e, _, _):
      return e.callsAggregate
    case .subquery, .exists:
      return false
    case .inList(let e, let list, _): return e.callsAggregate || list.contains { $0.callsAggregate }
    case .between(let e, let lo, let hi, _):
      return e.callsAggregate || lo.callsAggregate || hi.callsAggregate
    case .call(let name, let args, _, let star):
      if aggregateNames.contains(name.key) {
        if star || ((name.key == "min" || name.key == "max") ? args.count == 1 : true) {
          return true
        }
      }
      return args.contains { $0.callsAggregate }
    }
  }
}
