/// Rows in flight: for each table of the FROM clause, the row it contributes (-1: none, a left
/// join's missing side); after aggregation, also each aggregate's value per group.
final class Frame {
  let ids: [[Int32]]
  let aggregates: [[Value]]
  let count: Int

  init(ids: [[Int32]], aggregates: [[Value]] = [], count: Int) {
    self.ids = ids
    self.aggregates = aggregates
    self.count = count
  }

  /// A frame over every row of one table, as source `source` of `sourceCount`.
  static func scan(rows: Int, source: Int, sourceCount: Int) -> Frame {
    var ids = Array(repeating: [Int32](), count: sourceCount)
    ids[source] = (0..<Int32(rows)).map { $0 }
    return Frame(ids: ids, count: rows)
  }

  /// The rows at `positions`.
  func selecting(_ positions: [Int32]) -> Frame {
    Frame(
      ids: ids.map { column in column.isEmpty ? [] : positions.map { column[Int($0)] } },
      aggregates: aggregates.map { column in positions.map { column[Int($0)] } },
      count: positions.count)
  }
}

typealias ValueEval = (Frame, Int) -> Value
typealias TruthEval = (Frame, Int) -> Truth

/// Checks for cancellation every few thousand rows.
@inline(__always)
func checkCancellation(_ row: Int) throws(CancellationError) {
  if row & 4095 == 0, Task.isCancelled { throw CancellationError() }
}
