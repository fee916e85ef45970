/// The rows a statement produced, column-major, ready for a renderer.
public struct ResultSet: Sendable {
  public struct Column: Sendable, Hashable {
    public var name: String
    public var type: ColumnType
    public init(name: String, type: ColumnType) {
      self.name = name
      self.type = type
    }
  }

  public var columns: [Column]
  /// `values[c][r]` is the value of column `c` in row `r`; every inner array has `rowCount` items.
  public var values: [[Value]]
  public var rowCount: Int

  public init(columns: [Column], values: [[Value]]) {
    precondition(columns.count == values.count, "one value array per column")
    self.columns = columns
    self.values = values
    self.rowCount = values.first?.count ?? 0
  }

  /// Builds a result from rows (row-major), convenient for small command results.
  public init(columns: [Column], rows: [[Value]]) {
    var values = Array(repeating: [Value](), count: columns.count)
    for c in values.indices { values[c].reserveCapacity(rows.count) }
    for row in rows {
      for c in values.indices { values[c].append(row[c]) }
    }
    self.columns = columns
    self.values = values
    self.rowCount = rows.count
  }

  public subscript(row: Int, column: Int) -> Value { values[column][row] }
}
