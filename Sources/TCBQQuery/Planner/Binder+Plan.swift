extension Binder {
  /// Plans the statement; nil (with diagnostics) when a table is unknown.
  ///
  /// Clauses are bound in a fixed order (ON, WHERE, the select list, GROUP BY, HAVING, ORDER
  /// BY), which numbers the aggregate slots; then WHERE is split between the scan, the joins'
  /// build sides and the filter after the joins, and the key columns' values are pushed down.
  mutating func plan(_ select: SelectStatement) -> QueryPlan? {
    guard bindWith(select.with) else { return nil }
    if !select.compound.isEmpty { return planCompound(select) }
    guard resolveTables(select) else { return nil }
    collectOutputAliases(select.items)
    let isAggregate = select.isAggregate
    let onConjuncts = bindJoinConditions(select.joins)
    let whereConjuncts =
      select.whereClause.map {
        bind($0, visible: sources.count, mode: .plain(clause: "WHERE")).conjuncts
      } ?? []
    let output = bindSelectList(select.items, isAggregate: isAggregate)
    let groupBy = bindGroupBy(select.groupBy, output: output.projections)
    let having = select.having.map { bind($0, visible: sources.count, mode: .aggregated) }
    let orderBy = bindOrderBy(
      select, outputCount: output.projections.count, isAggregate: isAggregate)
    let (limit, offset) = bindLimitAndOffset(select)
    let split = splitWhere(whereConjuncts, joins: select.joins)
    let joins = planJoins(select.joins, on: onConjuncts, split: split)
    pushDownKeys(where: whereConjuncts, joins: select.joins, on: onConjuncts)
    guard diagnostics.isEmpty else { return nil }
    return QueryPlan(
      steps: steps, requirements: tableRequirements(), columns: output.columns, sources: sources,
      scanFilter: BoundExpr.conjunction(split.scan), joins: joins,
      filter: BoundExpr.conjunction(split.afterJoins), isAggregate: isAggregate,
      groupBy: groupBy, aggregates: aggregates, having: having,
      projections: output.projections, distinct: select.distinct, orderBy: orderBy,
      limit: limit, offset: offset, itemTexts: output.itemTexts)
  }

  // MARK: tables and names

  /// Adds the FROM table and each joined table as sources; false when one is unknown.
  private mutating func resolveTables(_ select: SelectStatement) -> Bool {
    var ok = addSource(select.from)
    for join in select.joins { ok = addSource(join.table) && ok }
    return ok
  }

  /// Output aliases first, so WHERE and GROUP BY may use them (as SQLite allows).
  private mutating func collectOutputAliases(_ items: [SelectItem]) {
    for item in items {
      if case .expression(let expr, let alias?) = item { outputAliases.append((alias.key, expr)) }
    }
  }

  /// Each join's constraint, as conjuncts: ON sees the tables up to its own; `using` and a
  /// natural join equal the named (or the common) columns with the earlier tables'.
  private mutating func bindJoinConditions(_ joins: [Join]) -> [[BoundExpr]] {
    joins.indices.map { index in
      let source = index + 1
      switch joins[index].constraint {
      case .on(let condition):
        return bind(condition, visible: source + 1, mode: .plain(clause: "ON"), aliases: false)
          .conjuncts
      case .using(let names):
        return names.compactMap { mergeColumn($0.name, into: source, at: $0.range) }
      case .natural:
        return sources[source].schema.columnNames.compactMap { name in
          isColumnOfEarlierSource(name, before: source)
            ? mergeColumn(name, into: source, at: joins[index].range) : nil
        }
      case .none:
        return []
      }
    }
  }

  private func isColumnOfEarlierSource(_ name: String, before source: Int) -> Bool {
    sources.prefix(source).contains { $0.schema.columnIndex(named: name) != nil }
  }

  /// `left.name = right.name` for a `using` or natural join of `source`: the column of the
  /// first earlier table that has it, and `source`'s, which `*` then leaves out.
  private mutating func mergeColumn(_ name: String, into source: Int, at range: SourceRange)
    -> BoundExpr?
  {
    let earlier = sources.prefix(source), merged = mergedColumns
    let left = earlier.indices.lazy.compactMap { s in
      earlier[s].schema.columnIndex(named: name).map { ColumnPosition(source: s, column: $0) }
    }.first { !merged.contains($0) }
    guard let left, let right = sources[source].schema.columnIndex(named: name) else {
      error(
        "cannot join using column \(name) - column not present in both tables", at: range)
      return nil
    }
    mergedColumns.insert(ColumnPosition(source: source, column: right))
    let leftType = sources[left.source].schema.columns[left.column].type
    let rightType = sources[source].schema.columns[right].type
    return .binary(
      .equal, .column(source: left.source, column: left.column, type: leftType),
      .column(source: source, column: right, type: rightType))
  }

  // MARK: the select list

  /// The select list bound: a projection and a result column per output column (stars
  /// expanded), and each item as written, for `explain`.
  private struct SelectList {
    var projections: [BoundExpr] = []
    var columns: [ResultSet.Column] = []
    var itemTexts: [String] = []
  }

  private mutating func bindSelectList(_ items: [SelectItem], isAggregate: Bool) -> SelectList {
    var list = SelectList()
    let mode: Mode = isAggregate ? .aggregated : .plain(clause: "the select list")
    for item in items {
      switch item {
      case .star(let range):
        if sources.first?.schema == .noTable { error("no tables specified", at: range) }
        for source in sources.indices { expand(source: source, into: &list, merged: false) }
        list.itemTexts.append("*")
      case .tableStar(let qualifier):
        guard let source = sources.firstIndex(where: { $0.qualifier == qualifier.key }) else {
          error(
            "unknown table or alias '\(qualifier.name)' in \(qualifier.name).*",
            at: qualifier.range,
            suggestion: Suggestions.closest(to: qualifier.name, among: sources.map(\.qualifier))
              .map(Suggestions.didYouMean))
          continue
        }
        expand(source: source, into: &list, merged: true)
        list.itemTexts.append("\(qualifier.name).*")
      case .expression(let expr, let alias):
        let bound = bind(expr, visible: sources.count, mode: mode, aliases: false)
        list.projections.append(bound)
        list.columns.append(
          ResultSet.Column(name: outputName(expr, alias: alias, bound: bound), type: bound.type))
        list.itemTexts.append(text.text(expr) + (alias.map { " as \($0.name)" } ?? ""))
      }
    }
    return list
  }

  /// A result column's name as SQLite gives it: the alias, a bare column's own name, else the
  /// expression as written.
  private func outputName(_ expr: Expr, alias: Identifier?, bound: BoundExpr) -> String {
    if let alias { return alias.name }
    if case .column = expr.kind, case .column(let source, let column, _) = bound {
      return sources[source].schema.columns[column].name
    }
    return text.text(expr)
  }

  /// `*` or `t.*`: every column of `source`; `*` leaves out the columns a `using` or natural
  /// join merged (`merged` false).
  private func expand(source: Int, into list: inout SelectList, merged: Bool) {
    for (index, column) in sources[source].schema.columns.enumerated()
    where merged || !mergedColumns.contains(ColumnPosition(source: source, column: index)) {
      list.projections.append(.column(source: source, column: index, type: column.type))
      list.columns.append(ResultSet.Column(name: column.name, type: column.type))
    }
  }

  // MARK: grouping, ordering, limits

  /// GROUP BY: an integer names an output column.
  private mutating func bindGroupBy(_ exprs: [Expr], output projections: [BoundExpr])
    -> [BoundExpr]
  {
    var groupBy: [BoundExpr] = []
    for expr in exprs {
      guard case .literal(.integer(let position)) = expr.kind else {
        groupBy.append(bind(expr, visible: sources.count, mode: .plain(clause: "GROUP BY")))
        continue
      }
      guard position >= 1, position <= projections.count else {
        error(
          "GROUP BY term out of range - should be between 1 and \(projections.count)",
          at: expr.range)
        continue
      }
      let bound = projections[Int(position) - 1]
      if bound.containsAggregate {
        error("aggregate functions are not allowed in GROUP BY", at: expr.range)
      }
      groupBy.append(bound)
    }
    return groupBy
  }

  /// ORDER BY: an integer or an output alias names an output column.
  private mutating func bindOrderBy(
    _ select: SelectStatement, outputCount: Int, isAggregate: Bool
  ) -> [(key: QueryPlan.OrderKey, descending: Bool)] {
    var orderBy: [(key: QueryPlan.OrderKey, descending: Bool)] = []
    let mode: Mode = isAggregate ? .aggregated : .plain(clause: "ORDER BY")
    for item in select.orderBy {
      let expr = item.expr
      if case .literal(.integer(let position)) = expr.kind {
        if position >= 1, position <= outputCount {
          orderBy.append((.output(Int(position) - 1), item.descending))
        } else {
          error(
            "ORDER BY term out of range - should be between 1 and \(outputCount)", at: expr.range)
        }
      } else if case .column(nil, let name) = expr.kind,
        let index = select.items.outputIndex(ofAlias: name.key, sources: sources)
      {
        orderBy.append((.output(index), item.descending))
      } else {
        let bound = bind(expr, visible: sources.count, mode: mode)
        orderBy.append((.expression(bound), item.descending))
      }
    }
    return orderBy
  }

  /// LIMIT (nil: none; a negative one is none, as in SQLite) and OFFSET (at least 0), both
  /// capped at 2^48.
  mutating func bindLimitAndOffset(_ select: SelectStatement) -> (Int?, Int) {
    let limit = constantInteger(select.limit, clause: "LIMIT")
    let offset = constantInteger(select.offset, clause: "OFFSET")
    return (
      limit.flatMap { $0 < 0 ? nil : Int(min($0, 1 << 48)) },
      Int(min(max(0, offset ?? 0), 1 << 48))
    )
  }

  /// LIMIT and OFFSET: an integer, possibly negative.
  private mutating func constantInteger(_ expr: Expr?, clause: String) -> Int64? {
    guard let expr else { return nil }
    switch expr.kind {
    case .literal(.integer(let value)): return value
    case .unary(.negate, let inner):
      if case .literal(.integer(let value)) = inner.kind { return -value }
    case .unary(.plus, let inner):
      if case .literal(.integer(let value)) = inner.kind { return value }
    default: break
    }
    error("\(clause) must be an integer", at: expr.range)
    return nil
  }

  // MARK: where each condition runs

  /// WHERE's conjuncts by where they run: on the first source alone, while scanning it; on one
  /// inner-joined source alone, on its build side (`buildFilters[j]` for join `j`); on an
  /// inner-joined source and earlier ones, with that join's ON (`joinConditions[j]`: so
  /// `from a, b where a.x = b.x` is a hash join); the rest after the joins.
  private func splitWhere(_ conjuncts: [BoundExpr], joins: [Join]) -> WhereSplit {
    var split = WhereSplit(
      buildFilters: Array(repeating: [], count: joins.count),
      joinConditions: Array(repeating: [], count: joins.count))
    for conjunct in conjuncts {
      let used = conjunct.sources
      guard let last = used.max(), last > 0 else {
        split.scan.append(conjunct)
        continue
      }
      if !joins[last - 1].kind.isInner {
        split.afterJoins.append(conjunct)
      } else if used.count == 1 {
        split.buildFilters[last - 1].append(conjunct)
      } else {
        split.joinConditions[last - 1].append(conjunct)
      }
    }
    return split
  }

  /// WHERE's conjuncts by where they run (`splitWhere`).
  private struct WhereSplit {
    var scan: [BoundExpr] = []
    var buildFilters: [[BoundExpr]]
    var joinConditions: [[BoundExpr]]
    var afterJoins: [BoundExpr] = []
  }

  /// Each join as a step: ON (with the WHERE conjuncts that belong to it) split into hash keys
  /// and the residual, and its build filter.
  private func planJoins(_ joins: [Join], on onConjuncts: [[BoundExpr]], split: WhereSplit)
    -> [QueryPlan.JoinStep]
  {
    joins.indices.map { index in
      let (equiKeys, residual) = Self.equiKeys(
        of: onConjuncts[index] + split.joinConditions[index], source: index + 1)
      return QueryPlan.JoinStep(
        kind: joins[index].kind, equiKeys: equiKeys, residual: BoundExpr.conjunction(residual),
        buildFilter: BoundExpr.conjunction(split.buildFilters[index]),
        conditionText: constraintText(joins[index]))
    }
  }

  /// A join's constraint as `explain` shows it.
  private func constraintText(_ join: Join) -> String {
    switch join.constraint {
    case .on(let condition): "on " + text.text(condition)
    case .using(let names): "using (" + names.map(\.name).joined(separator: ", ") + ")"
    case .natural: "natural"
    case .none: "every pair"
    }
  }

  /// ON's conjuncts that equal an expression over `source` alone with one over the earlier
  /// sources (the hash join's keys, probe side first), and the rest.
  private static func equiKeys(of conjuncts: [BoundExpr], source: Int)
    -> (keys: [QueryPlan.JoinStep.EquiKey], residual: [BoundExpr])
  {
    var keys: [QueryPlan.JoinStep.EquiKey] = []
    var residual: [BoundExpr] = []
    func isEarlier(_ used: Set<Int>) -> Bool { !used.isEmpty && used.allSatisfy { $0 < source } }
    for conjunct in conjuncts {
      if case .binary(.equal, let lhs, let rhs) = conjunct {
        let lhsSources = lhs.sources, rhsSources = rhs.sources
        let affinity = Affinity.forComparison(lhs.affinity, rhs.affinity)
        if lhsSources == [source], isEarlier(rhsSources) {
          keys.append((rhs, lhs, affinity))
          continue
        }
        if rhsSources == [source], isEarlier(lhsSources) {
          keys.append((lhs, rhs, affinity))
          continue
        }
      }
      residual.append(conjunct)
    }
    return (keys, residual)
  }

  /// Key pushdown for the tables with a key column (shares.appid, quota.cgi_path): the keys
  /// WHERE and the ON conditions that filter the source name, or nil for all.
  private mutating func pushDownKeys(
    where whereConjuncts: [BoundExpr], joins: [Join], on onConjuncts: [[BoundExpr]]
  ) {
    for source in sources.indices {
      guard let keyName = sources[source].schema.keyColumn,
        let keyColumn = sources[source].schema.columnIndex(named: keyName)
      else { continue }
      var candidates = whereConjuncts
      for (index, join) in joins.enumerated() where join.kind.isInner || index + 1 == source {
        candidates += onConjuncts[index]
      }
      sources[source].keys = Pushdown.keys(
        source: source, column: keyColumn, conjuncts: candidates)
      if sources[source].keys == nil {
        sources[source].keysFromStep =
          Pushdown.keysStep(source: source, column: keyColumn, conjuncts: candidates)
          ?? joinKeysStep(
            source: source, keyColumn: keyColumn, candidates: candidates, filters: candidates)
      }
    }
  }

  /// Each table to fetch once, in FROM order; a table used twice needs the union of its keys
  /// (all of them if either use needs all).
  private func tableRequirements() -> [TableRequirement] {
    var requirements: [TableRequirement] = []
    for source in sources where source.schema != .noTable {
      let name = source.schema.name
      guard let index = requirements.firstIndex(where: { $0.table == name }) else {
        requirements.append(
          TableRequirement(
            table: name, keys: source.keys, id: source.schema.id,
            keysFromStep: source.keysFromStep))
        continue
      }
      if let old = requirements[index].keys, let new = source.keys {
        requirements[index].keys = old + new.filter { !old.contains($0) }
      } else {
        requirements[index].keys = nil
      }
      if requirements[index].keysFromStep != source.keysFromStep {
        requirements[index].keysFromStep = nil
      }
    }
    return requirements
  }
}

extension QueryPlan.JoinStep {
  /// One equality conjunct of ON: an expression over the earlier sources (`probe`), one over the
  /// joined source (`build`), and the comparison's affinity (the element of `equiKeys`).
  typealias EquiKey = (probe: BoundExpr, build: BoundExpr, affinity: Affinity)
}

extension SelectStatement {
  /// Whether the query aggregates: GROUP BY, HAVING, or an aggregate call in the select list or
  /// ORDER BY.
  fileprivate var isAggregate: Bool {
    !groupBy.isEmpty || having != nil
      || items.contains { item in
        if case .expression(let expr, _) = item { return expr.callsAggregate }
        return false
      } || orderBy.contains { $0.expr.callsAggregate }
  }
}

extension [SelectItem] {
  /// The output position of the item named `alias` (`expr as alias`), counting expanded stars.
  func outputIndex(ofAlias alias: String, sources: [QueryPlan.Source]) -> Int? {
    var index = 0
    for item in self {
      switch item {
      case .star: index += sources.reduce(0) { $0 + $1.schema.columns.count }
      case .tableStar(let q):
        index += sources.first { $0.qualifier == q.key }?.schema.columns.count ?? 0
      case .expression(_, let name):
        if name?.key == alias { return index }
        index += 1
      }
    }
    return nil
  }
}

extension AggregateCall: CustomStringConvertible {
  var description: String {
    kind == .countStar ? "count(*)" : "\(kind.rawValue)(\(distinct ? "distinct " : "")…)"
  }
}
