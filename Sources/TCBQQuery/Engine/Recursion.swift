/// Computes a recursive `with` table, breadth first: the rows each round adds are the table
/// the next round's selects read (SQLite's queue, taken a round at a time).
enum Recursion {
  /// The most rows a recursive table may reach: one without an end stops with an error.
  static let maximumRows = 1_000_000

  static func run(
    _ recursion: RecursivePlan, initial: ResultSet, tables: [String: Table], parameters: [Value]
  ) throws -> ResultSet {
    var seen = Set<[GroupKey]>()
    func admit(_ rows: [[Value]]) -> [[Value]] {
      guard recursion.distinct else { return rows }
      return rows.filter { seen.insert($0.map(GroupKey.init)).inserted }
    }
    let wanted = recursion.limit.map { $0 + recursion.offset }
    var rows: [[Value]] = []
    var added = admit(initial.rows)
    var tables = tables
    while !added.isEmpty {
      rows += added
      if let wanted, rows.count >= wanted { break }
      if Task.isCancelled { throw CancellationError() }
      guard rows.count <= maximumRows else {
        throw ExecutionError(
          "recursive table \(recursion.name) passed \(maximumRows) rows: give its recursive select a condition that ends it, or a limit inside the table (the table is computed whole before the select reads it)"
        )
      }
      tables[recursion.name] = Table(
        recursion.name, holding: ResultSet(columns: recursion.columns, rows: added))
      var next: [[Value]] = []
      for plan in recursion.recursive {
        next += try Executor.executeWithSteps(plan, tables: tables, parameters: parameters).rows
      }
      added = admit(next)
    }
    let start = min(recursion.offset, rows.count)
    let end = wanted.map { min($0, rows.count) } ?? rows.count
    return ResultSet(columns: recursion.columns, rows: Array(rows[start..<end]))
  }
}

extension ResultSet {
  /// Every value boxed, row-major.
  var rows: [[Value]] {
    (0..<rowCount).map { r in columns.indices.map { self[r, $0] } }
  }
}
