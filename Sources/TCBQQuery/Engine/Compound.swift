/// Combines the rows of a compound's selects as SQLite does: `union all` appends, `union`
/// keeps distinct rows, `intersect` the distinct rows of the left that the right has, `except`
/// those it has not; left to right. Then the order (NULLs first ascending) and the limit.
enum Compound {
  static func combine(_ plan: QueryPlan, _ compound: CompoundPlan, _ results: [ResultSet?])
    throws -> ResultSet
  {
    var rows = Self.rows(results[compound.first])
    for term in compound.terms {
      let right = Self.rows(results[term.step])
      switch term.op {
      case .unionAll: rows += right
      case .union: rows = distinct(rows + right)
      case .intersect:
        let keys = Set(right.map(key))
        rows = distinct(rows).filter { keys.contains(key($0)) }
      case .except:
        let keys = Set(right.map(key))
        rows = distinct(rows).filter { !keys.contains(key($0)) }
      }
      try checkCancellation(rows.count)
    }
    if !compound.orderBy.isEmpty {
      rows = rows.enumerated().sorted { a, b in
        for (column, descending) in compound.orderBy {
          let c = sqlCompare(a.element[column], b.element[column])
          if c != 0 { return descending ? c > 0 : c < 0 }
        }
        return a.offset < b.offset
      }.map(\.element)
    }
    let start = min(plan.offset, rows.count)
    let end = plan.limit.map { min(rows.count, start + $0) } ?? rows.count
    return ResultSet(columns: plan.columns, rows: Array(rows[start..<end]))
  }

  private static func rows(_ result: ResultSet?) -> [[Value]] { result?.rows ?? [] }

  private static func key(_ row: [Value]) -> [GroupKey] { row.map(GroupKey.init) }

  private static func distinct(_ rows: [[Value]]) -> [[Value]] {
    var seen = Set<[GroupKey]>()
    return rows.filter { seen.insert(key($0)).inserted }
  }
}
