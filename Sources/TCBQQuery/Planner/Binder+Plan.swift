extension Binder {
  /// Plans the statement; nil (with diagnostics) when a table is unknown.
  mutating func plan(_ select: SelectStatement) -> QueryPlan? {
    var ok = addSource(select.from)
    for join in select.joins { ok = addSource(join.table) && ok }
    guard ok else { return nil }
    let all = sources.count

    // Output aliases first, so WHERE and GROUP BY may use them (as SQLite allows).
    for item in select.items {
      if case .expression(let e, let alias?) = item { outputAliases.append((alias.key, e)) }
    }

    let isAggregate =
      !select.groupBy.isEmpty || select.having != nil
      || select.items.contains { item in
        if case .expression(let e, _) = item { return e.callsAggregate }
        return false
      } || select.orderBy.contains { $0.expr.callsAggregate }

    // Joins: ON sees the tables up to its own.
    var onConjuncts: [[BoundExpr]] = []
    for (j, join) in select.joins.enumerated() {
      let bound = bind(join.condition, visible: j + 2, mode: .plain(clause: "ON"), aliases: false)
      onConjuncts.append(bound.conjuncts)
    }
    let whereBound = select.whereClause.map {
      bind($0, visible: all, mode: .plain(clause: "WHERE"))
    }

    // Select items.
    var projections: [BoundExpr] = []
    var columns: [ResultSet.Column] = []
    var projectionTexts: [String] = []
    let itemMode: Mode = isAggregate ? .aggregated : .plain(clause: "the select list")
    for item in select.items {
      switch item {
      case .star:
        for s in sources.indices { expand(source: s, into: &projections, &columns) }
        projectionTexts.append("*")
      case .tableStar(let qualifier):
        guard let s = sources.firstIndex(where: { $0.qualifier == qualifier.key }) else {
          error(
            "unknown table or alias '\(qualifier.name)' in \(qualifier.name).*", at: qualifier.range,
            suggestion: Suggestions.closest(to: qualifier.name, among: sources.map(\.qualifier))
              .map(Suggestions.didYouMean))
          continue
        }
        expand(source: s, into: &projections, &columns)
        projectionTexts.append("\(qualifier.name).*")
      case .expression(let e, let alias):
        let bound = bind(e, visible: all, mode: itemMode, aliases: false)
        projections.append(bound)
        let name: String
        if let alias {
          name = alias.name
        } else if case .column = e.kind, case .column(let s, let c, _) = bound {
          name = sources[s].schema.columns[c].name
        } else {
          name = text.text(e)
        }
        columns.append(ResultSet.Column(name: name, type: bound.type))
        projectionTexts.append(text.text(e) + (alias.map { " as \($0.name)" } ?? ""))
      }
    }

    // GROUP BY: an integer names an output column.
    var groupBy: [BoundExpr] = []
    for e in select.groupBy {
      if case .literal(.integer(let k)) = e.kind {
        if k >= 1, k <= projections.count {
          let bound = projections[Int(k) - 1]
          if bound.containsAggregate {
            error("aggregate functions are not allowed in GROUP BY", at: e.range)
          }
          groupBy.append(bound)
        } else {
          error(
            "GROUP BY term out of range - should be between 1 and \(projections.count)",
            at: e.range)
        }
        continue
      }
      groupBy.append(bind(e, visible: all, mode: .plain(clause: "GROUP BY")))
    }
    let having = select.having.map { bind($0, visible: all, mode: .aggregated) }

    // ORDER BY: an integer or an output alias names an output column.
    var orderBy: [(key: QueryPlan.OrderKey, descending: Bool)] = []
    for item in select.orderBy {
      let e = item.expr
      if case .literal(.integer(let k)) = e.kind {
        if k >= 1, k <= projections.count {
          orderBy.append((.output(Int(k) - 1), item.descending))
        } else {
          error(
            "ORDER BY term out of range - should be between 1 and \(projections.count)",
            at: e.range)
        }
        continue
      }
      if case .column(nil, let name) = e.kind,
        let index = select.items.outputIndex(ofAlias: name.key, sources: sources)
      {
        orderBy.append((.output(index), item.descending))
        continue
      }
      let bound = bind(e, visible: all, mode: isAggregate ? .aggregated : .plain(clause: "ORDER BY"))
      orderBy.append((.expression(bound), item.descending))
    }

    let limit = constantInteger(select.limit, clause: "LIMIT")
    let offset = constantInteger(select.offset, clause: "OFFSET")

    // Split WHERE: conjuncts on the first table filter its scan; on an inner-joined table, its
    // build side; the rest run after the joins.
    var scanFilter: [BoundExpr] = []
    var buildFilters = Array(repeating: [BoundExpr](), count: select.joins.count)
    var filter: [BoundExpr] = []
    for c in whereBound?.conjuncts ?? [] {
      let used = c.sources
      if used.isEmpty || used == [0] {
        scanFilter.append(c)
      } else if used.count == 1, let s = used.first, select.joins[s - 1].kind == .inner {
        buildFilters[s - 1].append(c)
      } else {
        filter.append(c)
      }
    }

    var joins: [QueryPlan.JoinStep] = []
    for (j, join) in select.joins.enumerated() {
      let k = j + 1
      var equi: [(probe: BoundExpr, build: BoundExpr, affinity: Affinity)] = []
      var residual: [BoundExpr] = []
      for c in onConjuncts[j] {
        if case .binary(.equal, let a, let b) = c {
          let sa = a.sources, sb = b.sources
          if sa == [k], !sb.isEmpty, sb.allSatisfy({ $0 < k }) {
            equi.append((b, a, Affinity.forComparison(a.affinity, b.affinity)))
            continue
          }
          if sb == [k], !sa.isEmpty, sa.allSatisfy({ $0 < k }) {
            equi.append((a, b, Affinity.forComparison(a.affinity, b.affinity)))
            continue
          }
        }
        residual.append(c)
      }
      joins.append(
        QueryPlan.JoinStep(
          kind: join.kind, equiKeys: equi, residual: BoundExpr.conjunction(residual),
          buildFilter: BoundExpr.conjunction(buildFilters[j]),
          conditionText: text.text(join.condition)))
    }

    // Key pushdown for shares.appid and quota.cgi_path.
    let whereConjuncts = whereBound?.conjuncts ?? []
    for s in sources.indices {
      guard let keyName = sources[s].schema.keyColumn,
        let keyColumn = sources[s].schema.columnIndex(named: keyName)
      else { continue }
      var candidates = whereConjuncts
      for (j, join) in select.joins.enumerated() where join.kind == .inner || j + 1 == s {
        candidates += onConjuncts[j]
      }
      sources[s].keys = Pushdown.keys(source: s, column: keyColumn, conjuncts: candidates)
    }

    guard diagnostics.isEmpty else { return nil }

    var requirements: [TableRequirement] = []
    for source in sources {
      let name = source.schema.name
      if let i = requirements.firstIndex(where: { $0.table == name }) {
        if let old = requirements[i].keys, let new = source.keys {
          requirements[i].keys = old + new.filter { !old.contains($0) }
        } else {
          requirements[i].keys = nil
        }
      } else {
        requirements.append(TableRequirement(table: name, keys: source.keys))
      }
    }

    return QueryPlan(
      requirements: requirements, columns: columns, sources: sources,
      scanFilter: BoundExpr.conjunction(scanFilter), joins: joins,
      filter: BoundExpr.conjunction(filter), isAggregate: isAggregate, groupBy: groupBy,
      aggregates: aggregates, having: having, projections: projections, distinct: select.distinct,
      orderBy: orderBy, limit: limit.flatMap { $0 < 0 ? nil : Int(min($0, 1 << 48)) },
      offset: Int(min(max(0, offset ?? 0), 1 << 48)), itemTexts: projectionTexts)
  }

  private func expand(
    source s: Int, into projections: inout [BoundExpr], _ columns: inout [ResultSet.Column]
  ) {
    for (c, column) in sources[s].schema.columns.enumerated() {
      projections.append(.column(source: s, column: c, type: column.type))
      columns.append(ResultSet.Column(name: column.name, type: column.type))
    }
  }

  /// LIMIT and OFFSET: an integer, possibly negative.
  private mutating func constantInteger(_ e: Expr?, clause: String) -> Int64? {
    guard let e else { return nil }
    switch e.kind {
    case .literal(.integer(let i)): return i
    case .unary(.negate, let inner):
      if case .literal(.integer(let i)) = inner.kind { return -i }
    case .unary(.plus, let inner):
      if case .literal(.integer(let i)) = inner.kind { return i }
    default: break
    }
    error("\(clause) must be an integer", at: e.range)
    return nil
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
