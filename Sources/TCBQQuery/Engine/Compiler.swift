/// Compiles bound expressions once into closures over a `Frame` row, with fast paths for a
/// column compared with constants (decided per dictionary entry for text columns).
struct Compiler {
  /// The table of each source of the FROM clause.
  var tables: [Table]
  /// Whether expressions over one low-cardinality text column are folded per dictionary entry.
  var folding = true
  /// The rows of each subquery step of the plan (nil for a step that became a table).
  var subqueries: [ResultSet?] = []
  /// The affinity of each subquery step's first column (for `in (select …)`).
  var subqueryAffinities: [Affinity] = []
  /// The values of the enclosing query the plan runs with (`outerColumn`).
  var parameters: [Value] = []
  /// How correlated subqueries of the plan run (nil: the plan has none).
  var correlation: Correlation?

  init(
    tables: [Table], folding: Bool = true, subqueries: [ResultSet?] = [],
    subqueryAffinities: [Affinity] = []
  ) {
    self.tables = tables
    self.folding = folding
    self.subqueries = subqueries
    self.subqueryAffinities = subqueryAffinities
  }

  // MARK: values

  func value(_ e: BoundExpr) -> ValueEval {
    if let folded = foldedValue(e) { return folded }
    switch e {
    case .literal(let v):
      return { _, _ in v }
    case .column(let s, let c, _):
      return column(source: s, column: c)
    case .aggregate(let slot, _):
      return { f, r in f.aggregates[slot][r] }
    case .unary(.not, _), .binary(.and, _, _), .binary(.or, _, _), .binary(.equal, _, _),
      .binary(.notEqual, _, _), .binary(.less, _, _), .binary(.lessEqual, _, _),
      .binary(.greater, _, _), .binary(.greaterEqual, _, _), .match, .inList, .between, .isNull,
      .inSubquery, .exists:
      let t = truth(e)
      return { f, r in t(f, r).value }
    case .subqueryValue(let step, _):
      let rows = subqueries[step]
      let v: Value = rows.map { $0.rowCount > 0 ? $0[0, 0] : .null } ?? .null
      return { _, _ in v }
    case .outerColumn(let index, _):
      let v = parameters[index]
      return { _, _ in v }
    case .correlated(.subqueryValue(let step, _), let parameters):
      return correlatedRows(step, parameters) { rows in
        rows.map { $0.rowCount > 0 ? $0[0, 0] : .null } ?? .null
      }
    case .correlated:
      let t = truth(e)
      return { f, r in t(f, r).value }
    case .caseWhen(let operand, let whens, let otherwise):
      return caseWhen(operand, whens, otherwise)
    case .cast(let x, let affinity):
      let a = value(x)
      return { f, r in Cast.apply(a(f, r), affinity) }
    case .unary(.negate, let x):
      let a = value(x)
      return { f, r in Arithmetic.negate(a(f, r)) }
    case .unary(_, let x):
      return value(x)
    case .binary(let op, let x, let y):
      let a = value(x), b = value(y)
      return { f, r in Arithmetic.apply(op, a(f, r), b(f, r)) }
    case .function(let fn, let args):
      let evals = args.map(value)
      if evals.count == 1 {
        let a = evals[0]
        return { f, r in ScalarFunctions.call(fn, [a(f, r)]) }
      }
      return { f, r in ScalarFunctions.call(fn, evals.map { $0(f, r) }) }
    }
  }

  func column(source s: Int, column c: Int) -> ValueEval {
    switch tables[s].columns[c] {
    case .text(let col):
      let codes = col.codes, dict = col.dictionary
      return { f, r in
        let id = f.ids[s][r]
        if id < 0 { return .null }
        let code = codes[Int(id)]
        return code < 0 ? .null : .text(dict[Int(code)])
      }
    case .integer(let col):
      let values = col.values, nulls = col.nulls
      return { f, r in
        let id = Int(f.ids[s][r])
        if id < 0 || nulls[id] { return .null }
        return .integer(values[id])
      }
    case .boolean(let col):
      let values = col.values
      return { f, r in
        let id = Int(f.ids[s][r])
        if id < 0 { return .null }
        let v = values[id]
        return v < 0 ? .null : .boolean(v == 1)
      }
    case .values(let values):
      return { f, r in
        let id = Int(f.ids[s][r])
        return id < 0 ? .null : values[id]
      }
    }
  }

  // MARK: truth

  func truth(_ e: BoundExpr) -> TruthEval {
    if let folded = foldedTruth(e) { return folded }
    switch e {
    case .binary(.and, let x, let y):
      let a = truth(x), b = truth(y)
      return { f, r in
        let l = a(f, r)
        if l == .no { return .no }
        let rr = b(f, r)
        if rr == .no { return .no }
        return (l == .yes && rr == .yes) ? .yes : .unknown
      }
    case .binary(.or, let x, let y):
      let a = truth(x), b = truth(y)
      return { f, r in
        let l = a(f, r)
        if l == .yes { return .yes }
        let rr = b(f, r)
        if rr == .yes { return .yes }
        return (l == .no && rr == .no) ? .no : .unknown
      }
    case .unary(.not, let x):
      let a = truth(x)
      return { f, r in a(f, r).negated }
    case .binary(let op, let x, let y) where op.isComparison:
      return comparison(op, x, y)
    case .between(let x, let lo, let hi, let negated):
      let ge = comparison(.greaterEqual, x, lo), le = comparison(.lessEqual, x, hi)
      return { f, r in
        let a = ge(f, r)
        let t: Truth
        if a == .no {
          t = .no
        } else {
          let b = le(f, r)
          t = b == .no ? .no : (a == .yes && b == .yes ? .yes : .unknown)
        }
        return negated ? t.negated : t
      }
    case .isNull(let x, let negated):
      if case .column(let s, let c, _) = x {
        let isNull = nullTest(source: s, column: c)
        return { f, r in Truth(isNull(f, r) != negated) }
      }
      let a = value(x)
      return { f, r in Truth(a(f, r).isNull != negated) }
    case .inList(let x, let list, let negated):
      return inList(x, list, negated: negated)
    case .match(let op, let x, let p, let escape, let negated):
      return match(op, x, p, escape: escape, negated: negated)
    case .exists(let step):
      let t = Truth((subqueries[step]?.rowCount ?? 0) > 0)
      return { _, _ in t }
    case .inSubquery(let x, let step, let negated):
      let affinity = Affinity.forComparison(x.affinity, subqueryAffinities[step])
      return inSubquery(x, subqueries[step], affinity: affinity, negated: negated)
    case .correlated(.exists(let step), let parameters):
      let exists = correlatedRows(step, parameters) { Truth(($0?.rowCount ?? 0) > 0) }
      return { f, r in exists(f, r) }
    case .correlated(.inSubquery(let x, let step, let negated), let parameters):
      let affinity = Affinity.forComparison(x.affinity, subqueryAffinities[step])
      let membership = correlatedRows(step, parameters) { Membership($0, affinity: affinity) }
      let a = value(x)
      return { f, r in membership(f, r).test(affinity.apply(a(f, r)), negated: negated) }
    default:
      let a = value(e)
      return { f, r in a(f, r).truth }
    }
  }

  private func nullTest(source s: Int, column c: Int) -> (Frame, Int) -> Bool {
    switch tables[s].columns[c] {
    case .text(let col):
      let codes = col.codes
      return { f, r in
        let id = Int(f.ids[s][r])
        return id < 0 || codes[id] < 0
      }
    case .integer(let col):
      let nulls = col.nulls
      return { f, r in
        let id = Int(f.ids[s][r])
        return id < 0 || nulls[id]
      }
    case .boolean(let col):
      let values = col.values
      return { f, r in
        let id = Int(f.ids[s][r])
        return id < 0 || values[id] < 0
      }
    case .values(let values):
      return { f, r in
        let id = Int(f.ids[s][r])
        return id < 0 || values[id] == .null
      }
    }
  }

  /// A per-row truth from a per-dictionary-entry truth, for a text column.
  private func byCode(source s: Int, codes: [Int32], table: [Truth], null: Truth) -> TruthEval {
    return { f, r in
      let id = Int(f.ids[s][r])
      if id < 0 { return null }
      let code = codes[id]
      return code < 0 ? null : table[Int(code)]
    }
  }

  private func comparison(_ op: BinaryOperator, _ x: BoundExpr, _ y: BoundExpr) -> TruthEval {
    let affinity = Affinity.forComparison(x.affinity, y.affinity)
    // column op constant, either way round.
    var column = x, constant = y, flipped = false
    if case .literal = x, case .column = y {
      column = y
      constant = x
      flipped = true
    }
    if case .column(let s, let c, _) = column, case .literal(let lit) = constant {
      let k = affinity.apply(lit)
      let test = op.test
      if k.isNull { return { _, _ in .unknown } }
      switch tables[s].columns[c] {
      case .text(let col):
        // Text affinity leaves the column's texts as they are: decide once per distinct text.
        if affinity != .numeric {
          let table = col.dictionary.map { text -> Truth in
            let cmp = sqlCompare(.text(text), k)
            return Truth(test(flipped ? -cmp : cmp))
          }
          return byCode(source: s, codes: col.codes, table: table, null: .unknown)
        }
      case .integer(let col):
        if case .integer(let kv) = k {
          let values = col.values, nulls = col.nulls
          return { f, r in
            let id = Int(f.ids[s][r])
            if id < 0 || nulls[id] { return .unknown }
            let v = values[id]
            let cmp = v < kv ? -1 : (v == kv ? 0 : 1)
            return Truth(test(flipped ? -cmp : cmp))
          }
        }
      case .boolean, .values:
        break
      }
    }
    let a = value(x), b = value(y)
    let test = op.test
    if affinity == .none {
      return { f, r in
        let l = a(f, r), rr = b(f, r)
        if l.isNull || rr.isNull { return .unknown }
        return Truth(test(sqlCompare(l, rr)))
      }
    }
    return { f, r in
      let l = a(f, r), rr = b(f, r)
      if l.isNull || rr.isNull { return .unknown }
      return Truth(test(sqlCompare(affinity.apply(l), affinity.apply(rr))))
    }
  }

  private func inList(_ x: BoundExpr, _ list: [BoundExpr], negated: Bool) -> TruthEval {
    let affinity = x.affinity
    if list.isEmpty { return { _, _ in Truth(negated) } }
    let constants = list.compactMap { e -> Value? in
      if case .literal(let v) = e { return affinity.apply(v) }
      return nil
    }
    if constants.count == list.count {
      let hasNull = constants.contains { $0.isNull }
      let missing: Truth = hasNull ? .unknown : .no
      if case .column(let s, let c, _) = x, case .text(let col) = tables[s].columns[c] {
        // Each constant looked up in the column's own dictionary: only a text can equal a
        // text, and the dictionary compares bytes as SQLite does.
        var table = [Truth](repeating: missing, count: col.dictionary.count)
        for constant in constants {
          if case .text(let text) = constant, let code = col.dictionary.code(of: text) {
            table[Int(code)] = .yes
          }
        }
        if negated { table = table.map(\.negated) }
        return byCode(source: s, codes: col.codes, table: table, null: .unknown)
      }
      let lookup = Set(constants.lazy.filter { !$0.isNull }.map(GroupKey.init))
      let a = value(x)
      return { f, r in
        let v = a(f, r)
        if v.isNull { return .unknown }
        let t = lookup.contains(GroupKey(affinity.apply(v))) ? Truth.yes : missing
        return negated ? t.negated : t
      }
    }
    let a = value(x)
    let items = list.map(value)
    return { f, r in
      let v = a(f, r)
      if v.isNull { return .unknown }
      let lv = affinity.apply(v)
      var sawNull = false
      for item in items {
        let w = item(f, r)
        if w.isNull {
          sawNull = true
          continue
        }
        if sqlCompare(lv, affinity.apply(w)) == 0 { return negated ? .no : .yes }
      }
      let t: Truth = sawNull ? .unknown : .no
      return negated ? t.negated : t
    }
  }

  /// `like`, `glob`, `regexp`: a constant pattern is compiled once, and for a text column
  /// decided once per distinct text. NULL operands (or an unusable pattern) give NULL.
  private func match(
    _ op: MatchOperator, _ x: BoundExpr, _ p: BoundExpr, escape: BoundExpr?, negated: Bool
  ) -> TruthEval {
    let constantEscape: String?? =
      switch escape {
      case nil: .some(nil)
      case .literal(let v)?: v.sqlText.map { .some($0) } ?? nil
      default: nil
      }
    if case .literal(let pv) = p, let escapeText = constantEscape {
      guard let patternText = pv.sqlText,
        let matches = TextMatcher.make(op, pattern: patternText, escape: escapeText)
      else { return { _, _ in .unknown } }
      if case .column(let s, let c, _) = x, case .text(let col) = tables[s].columns[c] {
        let table = col.dictionary.map { Truth(matches($0) != negated) }
        return byCode(source: s, codes: col.codes, table: table, null: .unknown)
      }
      let a = value(x)
      return { f, r in
        guard let text = a(f, r).sqlText else { return .unknown }
        return Truth(matches(text) != negated)
      }
    }
    let a = value(x), b = value(p)
    let e = escape.map(value)
    return { f, r in
      guard let text = a(f, r).sqlText, let pattern = b(f, r).sqlText else { return .unknown }
      var escapeText: String?
      if let e {
        guard let t = e(f, r).sqlText else { return .unknown }
        escapeText = t
      }
      guard let matches = TextMatcher.make(op, pattern: pattern, escape: escapeText) else {
        return .unknown
      }
      return Truth(matches(text) != negated)
    }
  }

  /// `x [not] in (select …)`: a hash set of the subquery's first column, built once.
  private func inSubquery(_ x: BoundExpr, _ rows: ResultSet?, affinity: Affinity, negated: Bool)
    -> TruthEval
  {
    let membership = Membership(rows, affinity: affinity)
    if membership.isEmpty { return { _, _ in negated ? .yes : .no } }
    let a = value(x)
    return { f, r in membership.test(affinity.apply(a(f, r)), negated: negated) }
  }

  /// What a correlated subquery's rows give (`derive`), per row: its parameters evaluated on
  /// the row, the step run once per distinct parameters, the derived value kept.
  private func correlatedRows<Derived>(
    _ step: Int, _ parameters: [BoundExpr], _ derive: @escaping (ResultSet?) -> Derived
  ) -> (Frame, Int) -> Derived {
    guard let correlation else { preconditionFailure("a correlated subquery without its steps") }
    let keys = parameters.map(value)
    let cache = CorrelatedCache<Derived>()
    return { f, r in
      let key = keys.map { $0(f, r) }
      if let hit = cache.values[key] { return hit }
      let derived = derive(correlation.rows(step: step, parameters: key))
      cache.values[key] = derived
      return derived
    }
  }

  /// `case`: the first `when` that holds (or equals the operand) gives the result.
  private func caseWhen(_ operand: BoundExpr?, _ whens: [BoundWhen], _ otherwise: BoundExpr?)
    -> ValueEval
  {
    let conditions: [TruthEval] = whens.map { when in
      guard let operand else { return truth(when.condition) }
      return truth(.binary(.equal, operand, when.condition))
    }
    let results = whens.map { value($0.result) }
    let other = otherwise.map(value)
    return { f, r in
      for (index, condition) in conditions.enumerated() where condition(f, r) == .yes {
        return results[index](f, r)
      }
      return other?(f, r) ?? .null
    }
  }
}

extension BinaryOperator {
  var isComparison: Bool {
    switch self {
    case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: true
    default: false
    }
  }

  /// The test of a comparison on the result of `sqlCompare`.
  var test: @Sendable (Int) -> Bool {
    switch self {
    case .equal: { $0 == 0 }
    case .notEqual: { $0 != 0 }
    case .less: { $0 < 0 }
    case .lessEqual: { $0 <= 0 }
    case .greater: { $0 > 0 }
    case .greaterEqual: { $0 >= 0 }
    default: { _ in false }
    }
  }
}
