/// Key columns fed by a join: `from apps a join shares s on s.appid = a.appid where
/// a.auth_time > X` asks batchgetenvid only for the appids the filtered apps give. The other
/// side becomes a step of its own (`select distinct a.appid from apps a where …`) whose values
/// are the keys, as with `shares.appid in (select …)`.
extension Binder {
  /// The step giving `source`'s keys from a conjunct `key = expr` over one other source that
  /// filters its rows (or holds a table of the session, or asks for keys of its own); nil when
  /// no such conjunct is among `candidates`, whose joins drop unmatched rows of `source`.
  mutating func joinKeysStep(
    source: Int, keyColumn: Int, candidates: [BoundExpr], filters: [BoundExpr]
  ) -> Int? {
    for conjunct in candidates {
      guard case .binary(.equal, let a, let b) = conjunct else { continue }
      let other: BoundExpr
      if case .column(source, keyColumn, _) = a {
        other = b
      } else if case .column(source, keyColumn, _) = b {
        other = a
      } else {
        continue
      }
      guard let t = other.sources.first, other.sources.count == 1, t != source,
        sources[t].keysFromStep == nil, let value = other.moved(from: t)
      else { continue }
      let ownFilters = filters.filter { $0.sources == [t] }.compactMap { $0.moved(from: t) }
      guard !ownFilters.isEmpty || sources[t].schema.id == nil || sources[t].keys != nil else {
        continue
      }
      let plan = keysPlan(of: t, value: value, filter: ownFilters)
      steps.append(SubqueryStep(plan: plan, use: .values))
      return steps.count - 1
    }
    return nil
  }

  /// `select distinct value from t where filter`, as a plan over source `t` alone.
  private func keysPlan(of t: Int, value: BoundExpr, filter: [BoundExpr]) -> QueryPlan {
    let source = sources[t]
    return QueryPlan(
      steps: [],
      requirements: [
        TableRequirement(
          table: source.schema.name, keys: source.keys, id: source.schema.id)
      ],
      columns: [ResultSet.Column(name: "keys", type: value.type)],
      sources: [
        QueryPlan.Source(schema: source.schema, qualifier: source.qualifier, keys: source.keys)
      ],
      scanFilter: BoundExpr.conjunction(filter), joins: [], filter: nil, isAggregate: false,
      groupBy: [], aggregates: [], having: nil, projections: [value], distinct: true,
      orderBy: [], limit: nil, offset: 0,
      itemTexts: ["the join's values of \(source.qualifier)"])
  }
}

extension BoundExpr {
  /// The expression with source `t`'s columns as source 0's, for a plan over `t` alone; nil
  /// when it reads anything else (another source, a subquery, an aggregate, the enclosing
  /// query).
  func moved(from t: Int) -> BoundExpr? {
    func m(_ e: BoundExpr) -> BoundExpr? { e.moved(from: t) }
    switch self {
    case .literal: return self
    case .column(let s, let c, let type):
      return s == t ? .column(source: 0, column: c, type: type) : nil
    case .aggregate, .subqueryValue, .inSubquery, .exists, .outerColumn, .correlated: return nil
    case .unary(let op, let x): return m(x).map { .unary(op, $0) }
    case .binary(let op, let x, let y):
      guard let x = m(x), let y = m(y) else { return nil }
      return .binary(op, x, y)
    case .match(let op, let x, let p, let escape, let negated):
      guard let x = m(x), let p = m(p) else { return nil }
      var movedEscape: BoundExpr?
      if let escape {
        guard let e = m(escape) else { return nil }
        movedEscape = e
      }
      return .match(op, x, pattern: p, escape: movedEscape, negated: negated)
    case .caseWhen(let operand, let whens, let otherwise):
      var movedOperand: BoundExpr?
      if let operand {
        guard let o = m(operand) else { return nil }
        movedOperand = o
      }
      var movedWhens: [BoundWhen] = []
      for when in whens {
        guard let c = m(when.condition), let r = m(when.result) else { return nil }
        movedWhens.append(BoundWhen(condition: c, result: r))
      }
      var movedOtherwise: BoundExpr?
      if let otherwise {
        guard let o = m(otherwise) else { return nil }
        movedOtherwise = o
      }
      return .caseWhen(operand: movedOperand, whens: movedWhens, otherwise: movedOtherwise)
    case .cast(let x, let affinity): return m(x).map { .cast($0, affinity) }
    case .inList(let x, let list, let negated):
      let movedList = list.compactMap(m)
      guard let x = m(x), movedList.count == list.count else { return nil }
      return .inList(x, movedList, negated: negated)
    case .between(let x, let lo, let hi, let negated):
      guard let x = m(x), let lo = m(lo), let hi = m(hi) else { return nil }
      return .between(x, low: lo, high: hi, negated: negated)
    case .isNull(let x, let negated): return m(x).map { .isNull($0, negated: negated) }
    case .function(let f, let args):
      let movedArgs = args.compactMap(m)
      guard movedArgs.count == args.count else { return nil }
      return .function(f, movedArgs)
    }
  }
}
