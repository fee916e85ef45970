/// GROUP BY and aggregates by hashing: rows to dense group ids, then one pass per aggregate.
enum Aggregation {
  /// One row per group: each source's representative row (for bare columns) and each
  /// aggregate's value.
  static func aggregate(_ frame: Frame, plan: QueryPlan, compiler: Compiler) throws -> Frame {
    var (groupOf, groupCount) = try groups(frame, plan.groupBy, compiler: compiler)
    if !plan.groupBy.isEmpty, plan.orderBy.isEmpty, groupCount > 1 {
      // Without ORDER BY, list groups in key order, as SQLite's sorter does.
      (groupOf, groupCount) = try sortGroups(
        frame, groupOf, groupCount, plan.groupBy, compiler: compiler)
    }

    // Representative rows: the last row of each group, or with min()/max() the row holding the
    // minimum or maximum (SQLite's bare-column rule).
    var representative = [Int32](repeating: -1, count: groupCount)
    for r in 0..<frame.count { representative[Int(groupOf[r])] = Int32(r) }
    let minMaxSlot = plan.aggregates.firstIndex { $0.kind == .min || $0.kind == .max }

    var values: [[Value]] = []
    for (slot, call) in plan.aggregates.enumerated() {
      let result = try compute(
        call, frame: frame, groupOf: groupOf, groupCount: groupCount, compiler: compiler,
        representative: &representative, tracksRepresentative: slot == minMaxSlot)
      values.append(result)
    }
    let ids = frame.ids.map { column -> [Int32] in
      if column.isEmpty { return [] }
      return representative.map { $0 < 0 ? -1 : column[Int($0)] }
    }
    return Frame(ids: ids, aggregates: values, count: groupCount)
  }

  /// Each row's dense group id (first appearance order) and the number of groups. No GROUP BY:
  /// one group, even over no rows.
  static func groups(_ frame: Frame, _ keys: [BoundExpr], compiler: Compiler) throws
    -> ([Int32], Int)
  {
    guard !keys.isEmpty else { return ([Int32](repeating: 0, count: frame.count), 1) }
    var combined: [Int32] = []
    for (i, key) in keys.enumerated() {
      let codes = try keyCodes(frame, key, compiler: compiler)
      if i == 0 {
        combined = codes
        continue
      }
      var intern: [Int64: Int32] = [:]
      for r in 0..<frame.count {
        try checkCancellation(r)
        let pair = Int64(combined[r]) << 32 | Int64(codes[r])
        if let g = intern[pair] {
          combined[r] = g
        } else {
          let g = Int32(intern.count)
          intern[pair] = g
          combined[r] = g
        }
      }
    }
    // Dense ids in first-appearance order.
    let universe = (combined.max() ?? -1) + 1
    var dense = [Int32](repeating: -1, count: Int(universe))
    var count: Int32 = 0
    for r in 0..<frame.count {
      let c = Int(combined[r])
      if dense[c] < 0 {
        dense[c] = count
        count += 1
      }
      combined[r] = dense[c]
    }
    return (combined, Int(count))
  }

  /// A small code per row, equal exactly when the key values are SQLite-equal.
  private static func keyCodes(_ frame: Frame, _ key: BoundExpr, compiler: Compiler) throws
    -> [Int32]
  {
    var codes = [Int32](repeating: 0, count: frame.count)
    if case .column(let s, let c, _) = key {
      switch compiler.tables[s].columns[c] {
      case .text(let col):
        let ids = frame.ids[s], textCodes = col.codes
        for r in 0..<frame.count {
          let id = ids[r]
          codes[r] = id < 0 ? 0 : textCodes[Int(id)] + 1
        }
        return codes
      case .boolean(let col):
        let ids = frame.ids[s], values = col.values
        for r in 0..<frame.count {
          let id = ids[r]
          codes[r] = id < 0 ? 1 : Int32(values[Int(id)]) + 2  // NULL: 1, false: 2, true: 3
        }
        return codes
      case .integer, .values:
        break
      }
    }
    if let (s, c, text) = compiler.foldableColumn(key) {
      // One key per distinct text (the last entry: NULL), interned once.
      let values = compiler.perEntry(key, s, c, text) { $0.value(key) }
      var intern: [GroupKey: Int32] = [:]
      let entryCodes = values.map { v -> Int32 in
        let k = GroupKey(v)
        if let code = intern[k] { return code }
        let code = Int32(intern.count)
        intern[k] = code
        return code
      }
      let null = entryCodes[entryCodes.count - 1]
      let ids = frame.ids[s], textCodes = text.codes
      for r in 0..<frame.count {
        let id = ids[r]
        let code = id < 0 ? -1 : textCodes[Int(id)]
        codes[r] = code < 0 ? null : entryCodes[Int(code)]
      }
      return codes
    }
    let eval = compiler.value(key)
    var intern: [GroupKey: Int32] = [:]
    for r in 0..<frame.count {
      try checkCancellation(r)
      let k = GroupKey(eval(frame, r))
      if let code = intern[k] {
        codes[r] = code
      } else {
        let code = Int32(intern.count)
        intern[k] = code
        codes[r] = code
      }
    }
    return codes
  }

  /// Renumbers groups in the order of their key values.
  private static func sortGroups(
    _ frame: Frame, _ groupOf: [Int32], _ groupCount: Int, _ keys: [BoundExpr],
    compiler: Compiler
  ) throws -> ([Int32], Int) {
    var first = [Int32](repeating: -1, count: groupCount)
    for r in (0..<frame.count).reversed() { first[Int(groupOf[r])] = Int32(r) }
    let evals = keys.map(compiler.value)
    let keyValues = first.map { r in evals.map { $0(frame, Int(r)) } }
    let order = (0..<groupCount).sorted { a, b in
      for k in 0..<evals.count {
        let c = sqlCompare(keyValues[a][k], keyValues[b][k])
        if c != 0 { return c < 0 }
      }
      return a < b
    }
    var rank = [Int32](repeating: 0, count: groupCount)
    for (i, g) in order.enumerated() { rank[g] = Int32(i) }
    return (groupOf.map { rank[Int($0)] }, groupCount)
  }

  // MARK: aggregates

  private static func compute(
    _ call: AggregateCall, frame: Frame, groupOf: [Int32], groupCount: Int, compiler: Compiler,
    representative: inout [Int32], tracksRepresentative: Bool
  ) throws -> [Value] {
    if call.kind == .countStar {
      var counts = [Int64](repeating: 0, count: groupCount)
      for r in 0..<frame.count { counts[Int(groupOf[r])] += 1 }
      return counts.map(Value.integer)
    }
    let eval = compiler.value(call.argument!)
    switch call.kind {
    case .count:
      var counts = [Int64](repeating: 0, count: groupCount)
      try forEachArgument(call, eval, frame, groupOf) { g, _ in counts[g] += 1 }
      return counts.map(Value.integer)
    case .total:
      var totals = [Double](repeating: 0, count: groupCount)
      try forEachArgument(call, eval, frame, groupOf) { g, v in
        var state = SumState()
        state.add(v)
        totals[g] += state.real
      }
      return totals.map(Value.real)
    case .groupConcat:
      return try groupConcat(
        call, eval, frame: frame, groupOf: groupOf, groupCount: groupCount,
        compiler: compiler)
    case .sum, .avg:
      var states = [SumState](repeating: SumState(), count: groupCount)
      try forEachArgument(call, eval, frame, groupOf) { g, v in states[g].add(v) }
      if call.kind == .avg {
        return states.map { $0.count == 0 ? .null : .real($0.real / Double($0.count)) }
      }
      return try states.map { s in
        if s.count == 0 { return .null }
        if s.overflow { throw ExecutionError("integer overflow") }
        return s.approximate ? .real(s.real) : .integer(s.integer)
      }
    case .min, .max:
      let wantMax = call.kind == .max
      var best = [Value](repeating: .null, count: groupCount)
      for r in 0..<frame.count {
        try checkCancellation(r)
        let v = eval(frame, r)
        let g = Int(groupOf[r])
        if v.isNull {
          if best[g].isNull { if tracksRepresentative { representative[g] = Int32(r) } }
          continue
        }
        if best[g].isNull {
          best[g] = v
          if tracksRepresentative { representative[g] = Int32(r) }
          continue
        }
        let c = sqlCompare(v, best[g])
        if wantMax ? c > 0 : c < 0 {
          best[g] = v
          if tracksRepresentative { representative[g] = Int32(r) }
        }
      }
      return best
    case .countStar:
      return []
    }
  }

  /// group_concat: the texts of each group's non-NULL values in row order, each after the
  /// separator of its own row (none before the first); NULL for a group without values.
  private static func groupConcat(
    _ call: AggregateCall, _ eval: ValueEval, frame: Frame, groupOf: [Int32], groupCount: Int,
    compiler: Compiler
  ) throws -> [Value] {
    let separator = call.separator.map(compiler.value)
    var texts = [[UInt8]?](repeating: nil, count: groupCount)
    var seen = Set<DistinctKey>()
    for r in 0..<frame.count {
      try checkCancellation(r)
      let v = eval(frame, r)
      guard let text = v.sqlText else { continue }
      let g = Int(groupOf[r])
      if call.distinct, !seen.insert(DistinctKey(group: groupOf[r], key: GroupKey(v))).inserted {
        continue
      }
      if texts[g] != nil {
        let sep = separator.map { $0(frame, r).sqlText ?? "" } ?? ","
        texts[g]!.append(contentsOf: sep.utf8)
        texts[g]!.append(contentsOf: text.utf8)
      } else {
        texts[g] = Array(text.utf8)
      }
    }
    return texts.map { $0.map { .text(String(decoding: $0, as: UTF8.self)) } ?? .null }
  }

  /// Calls `body` with the group and the argument of each row whose argument is not NULL, in
  /// row order; with DISTINCT, only the first time a value appears in its group.
  private static func forEachArgument(
    _ call: AggregateCall, _ eval: ValueEval, _ frame: Frame, _ groupOf: [Int32],
    _ body: (Int, Value) -> Void
  ) throws {
    var seen = Set<DistinctKey>()
    for r in 0..<frame.count {
      try checkCancellation(r)
      let v = eval(frame, r)
      if v.isNull { continue }
      let g = groupOf[r]
      if call.distinct, !seen.insert(DistinctKey(group: g, key: GroupKey(v))).inserted {
        continue
      }
      body(Int(g), v)
    }
  }
}

private struct DistinctKey: Hashable {
  var group: Int32
  var key: GroupKey
}

/// sum() and avg() as SQLite 3 keeps them: an exact integer sum while every value is an
/// integer, and a real sum beside it.
struct SumState {
  var count = 0
  var integer: Int64 = 0
  var real: Double = 0
  var approximate = false
  var overflow = false

  mutating func add(_ v: Value) {
    count += 1
    var number = v
    if case .text(let s) = v {
      // sqlite3_value_numeric_type: a pure integer is one; anything else adds as a real.
      let p = SQLiteNumbers.parse(s)
      if p.isPure, p.isIntegerSyntax, let i = p.integer {
        number = .integer(i)
      } else {
        number = .real(p.hasPrefix ? p.real : 0)
      }
    }
    switch number {
    case .integer(let i):
      real += Double(i)
      if !approximate, !overflow {
        let (sum, o) = integer.addingReportingOverflow(i)
        if o {
          approximate = true
          overflow = true
        } else {
          integer = sum
        }
      }
    case .boolean(let b):
      real += b ? 1 : 0
      if !approximate, !overflow { integer += b ? 1 : 0 }
    case .real(let r):
      real += r
      approximate = true
    default:
      break
    }
  }
}
