import TCBQCore

extension QueryPlan {
  /// `explain`: the operator tree, then the API calls per endpoint.
  public func explainLines(context: CostContext) -> [String] {
    var lines = treeLines()
    lines.append("api calls:")
    let estimates = estimatedCalls(context: context)
    return lines + callLines(estimates)
  }

  /// The operator tree, then each step that runs before it with its own tree.
  func treeLines() -> [String] {
    if let compound { return compoundLines(compound) }
    var tree: [String] = []
    var depth = 0
    func line(_ text: String) {
      tree.append(String(repeating: "  ", count: depth) + text)
      depth += 1
    }
    if let limit {
      line("limit \(limit)" + (offset > 0 ? " offset \(offset)" : ""))
    } else if offset > 0 {
      line("offset \(offset)")
    }
    line("project: " + itemTexts.joined(separator: ", "))
    if !orderBy.isEmpty {
      let keys = orderBy.map { item -> String in
        let key: String
        switch item.key {
        case .output(let i): key = columns[i].name
        case .expression(let e): key = render(e)
        }
        return key + (item.descending ? " desc" : "")
      }.joined(separator: ", ")
      if let limit {
        line("top-N (\(limit + offset) rows, heap) by \(keys)")
      } else {
        line("sort by \(keys)")
      }
    }
    if distinct { line("distinct") }
    if let having { line("filter (having): " + render(having)) }
    if isAggregate {
      let aggs = aggregates.map(render).joined(separator: ", ")
      let groups = groupBy.map(render).joined(separator: ", ")
      line(
        "hash aggregate"
          + (groups.isEmpty ? "" : " group by \(groups)")
          + (aggs.isEmpty ? "" : ": \(aggs)"))
    }
    if let filter { line("filter: " + render(filter)) }
    // Joins, left-deep: the last join on top, its build side under it after its input.
    tree += joinTree(sources.count - 1, depth: depth)
    for (index, step) in steps.enumerated() {
      switch step.use {
      case .table(let name): tree.append("before it, the table \(name):")
      case .values where step.runsPerRow:
        let values = step.parameters.enumerated().map {
          "$\($0.offset + 1) = \(render($0.element))"
        }
        tree.append(
          "per row (once per distinct \(values.joined(separator: ", "))), subquery \(index + 1):")
      case .values: tree.append("before it, subquery \(index + 1):")
      }
      tree += step.plan.treeLines().map { "  " + $0 }
    }
    return tree
  }

  /// A compound: the operators over the selects, each select's tree under its number.
  private func compoundLines(_ compound: CompoundPlan) -> [String] {
    var head = "select \(compound.first + 1)"
    for term in compound.terms { head += " \(term.op.rawValue) select \(term.step + 1)" }
    var lines: [String] = []
    if let limit { lines.append("limit \(limit)" + (offset > 0 ? " offset \(offset)" : "")) }
    if !compound.orderBy.isEmpty {
      let keys = compound.orderBy.map { columns[$0.column].name + ($0.descending ? " desc" : "") }
      lines.append("sort by " + keys.joined(separator: ", "))
    }
    lines.append("compound: " + head)
    for (index, step) in steps.enumerated() {
      switch step.use {
      case .table(let name): lines.append("before it, the table \(name):")
      case .values: lines.append("select \(index + 1):")
      }
      lines += step.plan.treeLines().map { "  " + $0 }
    }
    return lines
  }

  private func callLines(_ estimates: [CallEstimate]) -> [String] {
    var lines: [String] = []
    if estimates.isEmpty { lines.append("  none") }
    for e in estimates {
      lines.append("  \(e.endpoint.shortName): \(e.count) (\(e.note))")
    }
    let known = estimates.compactMap(\.count.value).reduce(0, +)
    let formulas = estimates.compactMap { e -> String? in
      if case .formula(let f) = e.count { return f }
      return nil
    }
    if !estimates.isEmpty {
      lines.append(
        "  total: "
          + ([String(known)].filter { _ in known > 0 || formulas.isEmpty } + formulas)
          .joined(separator: " + "))
    }
    return lines
  }

  private func joinTree(_ k: Int, depth: Int) -> [String] {
    let indent = String(repeating: "  ", count: depth)
    guard k > 0 else { return [indent + scanText(0)] }
    let join = joins[k - 1]
    let kind = join.kind.isInner ? "inner" : "left"
    let method = join.equiKeys.isEmpty ? "nested loop" : "hash"
    return [indent + "\(method) \(kind) join \(join.conditionText)"]
      + joinTree(k - 1, depth: depth + 1) + [indent + "  " + scanText(k)]
  }

  private func scanText(_ s: Int) -> String {
    let source = sources[s]
    var text = "scan \(source.schema.name)"
    if source.qualifier != source.schema.name { text += " as \(source.qualifier)" }
    if let keys = source.keys, let keyColumn = source.schema.keyColumn {
      text +=
        " (\(keyColumn) in: "
        + (keys.isEmpty ? "none" : keys.map { "'\($0)'" }.joined(separator: ", ")) + ")"
    } else if let step = source.keysFromStep, let keyColumn = source.schema.keyColumn {
      text += " (\(keyColumn) in: the values of subquery \(step + 1), asked for only)"
    }
    if s == 0, let scanFilter { text += " filter: " + render(scanFilter) }
    if s > 0, let f = joins[s - 1].buildFilter { text += " filter: " + render(f) }
    return text
  }

  private func render(_ call: AggregateCall) -> String {
    guard let argument = call.argument else { return "count(*)" }
    return "\(call.kind.rawValue)(\(call.distinct ? "distinct " : "")\(render(argument)))"
  }

  /// A bound expression in the language's syntax, columns qualified by their table or alias.
  func render(_ e: BoundExpr) -> String {
    func wrapped(_ e: BoundExpr) -> String {
      switch e {
      case .literal, .column, .aggregate, .function, .caseWhen, .cast, .subqueryValue, .exists,
        .outerColumn, .correlated:
        render(e)
      default: "(\(render(e)))"
      }
    }
    switch e {
    case .literal(let v):
      switch v {
      case .null: return "null"
      case .text(let s):
        return "'"
          + s.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''")
          + "'"
      case .boolean(let b): return b ? "true" : "false"
      default: return v.sqlText ?? "null"
      }
    case .column(let s, let c, _):
      let name = sources[s].schema.columns[c].name
      return sources.count > 1 ? "\(sources[s].qualifier).\(name)" : name
    case .aggregate(let slot, _):
      return render(aggregates[slot])
    case .unary(let op, let x):
      return op == .not ? "not \(wrapped(x))" : "\(op.rawValue)\(wrapped(x))"
    case .binary(let op, let a, let b):
      return "\(wrapped(a)) \(op.rawValue) \(wrapped(b))"
    case .match(let op, let a, let p, let escape, let negated):
      return "\(wrapped(a)) \(negated ? "not " : "")\(op.rawValue) \(wrapped(p))"
        + (escape.map { " escape \(wrapped($0))" } ?? "")
    case .caseWhen(let operand, let whens, let otherwise):
      return "case" + (operand.map { " " + render($0) } ?? "")
        + whens.map { " when \(render($0.condition)) then \(render($0.result))" }.joined()
        + (otherwise.map { " else " + render($0) } ?? "") + " end"
    case .cast(let x, let affinity):
      return "cast(\(render(x)) as \(affinity))"
    case .subqueryValue(let step, _):
      return "(subquery \(step + 1))"
    case .inSubquery(let x, let step, let negated):
      return "\(wrapped(x)) \(negated ? "not in" : "in") (subquery \(step + 1))"
    case .exists(let step):
      return "exists (subquery \(step + 1))"
    case .outerColumn(let index, _):
      return "$\(index + 1)"
    case .correlated(let node, _):
      return render(node)
    case .inList(let x, let list, let negated):
      return
        "\(wrapped(x)) \(negated ? "not in" : "in") (\(list.map(render).joined(separator: ", ")))"
    case .between(let x, let lo, let hi, let negated):
      return
        "\(wrapped(x)) \(negated ? "not between" : "between") \(wrapped(lo)) and \(wrapped(hi))"
    case .isNull(let x, let negated):
      return "\(wrapped(x)) is \(negated ? "not null" : "null")"
    case .function(let f, let args):
      return "\(f.rawValue)(\(args.map(render).joined(separator: ", ")))"
    }
  }
}
