/// Finds the keys a query names for a key column (`shares.appid`, `quota.cgi_path`), so only
/// those are fetched.
enum Pushdown {
  /// The keys named by `col = 'x'` or `col in ('x', …)` conjuncts on the column; several such
  /// conjuncts intersect. nil when no conjunct restricts the column: every key is needed.
  static func keys(source: Int, column: Int, conjuncts: [BoundExpr]) -> [String]? {
    var result: [String]?
    for c in conjuncts {
      guard let keys = keys(source: source, column: column, conjunct: c) else { continue }
      if let previous = result {
        var named = TextDictionary()
        for key in keys { named.insert(key) }
        result = previous.filter { named.code(of: $0) != nil }
      } else {
        result = keys
      }
    }
    return result
  }

  /// The subquery step named by a `col in (select …)` conjunct on the key column.
  static func keysStep(source: Int, column: Int, conjuncts: [BoundExpr]) -> Int? {
    for c in conjuncts {
      if case .inSubquery(.column(source, column, _), let step, negated: false) = c { return step }
    }
    return nil
  }

  private static func keys(source: Int, column: Int, conjunct: BoundExpr) -> [String]? {
    func isKey(_ e: BoundExpr) -> Bool {
      if case .column(source, column, _) = e { return true }
      return false
    }
    func literal(_ e: BoundExpr) -> String?? {
      guard case .literal(let v) = e else { return nil }
      switch v {
      case .null: return .some(nil)
      case .text(let s): return .some(s)
      case .integer, .real: return .some(v.sqlText)
      case .boolean: return nil
      }
    }
    switch conjunct {
    case .binary(.equal, let a, let b):
      if isKey(a), let v = literal(b) { return v.map { [$0] } ?? [] }
      if isKey(b), let v = literal(a) { return v.map { [$0] } ?? [] }
      return nil
    case .inList(let e, let list, negated: false):
      guard isKey(e) else { return nil }
      var keys: [String] = []
      keys.reserveCapacity(list.count)
      for item in list {
        guard let v = literal(item) else { return nil }
        if let v { keys.append(v) }
      }
      return TextDictionary.distinct(keys)
    default:
      return nil
    }
  }
}
