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

  /// One column's values: boxed, or, for a text column taken straight from a table, the rows'
  /// codes into that column's dictionary (-1 for NULL), so a large result is neither copied
  /// nor boxed and a renderer can write the texts' bytes directly.
  public enum Storage: Sendable {
    case values([Value])
    case text(codes: [Int32], dictionary: TextDictionary)

    var count: Int {
      switch self {
      case .values(let values): values.count
      case .text(let codes, _): codes.count
      }
    }
  }

  public var columns: [Column]
  public private(set) var storage: [Storage]
  public private(set) var rowCount: Int

  public init(columns: [Column], storage: [Storage]) {
    precondition(columns.count == storage.count, "one storage per column")
    self.columns = columns
    self.storage = storage
    self.rowCount = storage.first?.count ?? 0
    precondition(storage.allSatisfy { $0.count == rowCount }, "columns of equal length")
  }

  public init(columns: [Column], values: [[Value]]) {
    self.init(columns: columns, storage: values.map { .values($0) })
  }

  /// Builds a result from rows (row-major), convenient for small command results.
  public init(columns: [Column], rows: [[Value]]) {
    var values = Array(repeating: [Value](), count: columns.count)
    for c in values.indices { values[c].reserveCapacity(rows.count) }
    for row in rows {
      for c in values.indices { values[c].append(row[c]) }
    }
    self.columns = columns
    self.storage = values.map { .values($0) }
    self.rowCount = rows.count
  }

  public subscript(row: Int, column: Int) -> Value {
    switch storage[column] {
    case .values(let values): values[row]
    case .text(let codes, let dictionary):
      codes[row] < 0 ? .null : .text(dictionary[Int(codes[row])])
    }
  }

  /// Every value boxed, column-major (`values[c][r]`): for tests and small results.
  public var values: [[Value]] {
    storage.indices.map { c in (0..<rowCount).map { self[$0, c] } }
  }

  /// The first `count` rows (all when there are fewer); text columns keep their dictionaries.
  public func prefix(_ count: Int) -> ResultSet {
    guard count < rowCount else { return self }
    let kept = storage.map { column -> Storage in
      switch column {
      case .values(let values): .values(Array(values.prefix(count)))
      case .text(let codes, let dictionary):
        .text(codes: Array(codes.prefix(count)), dictionary: dictionary)
      }
    }
    return ResultSet(columns: columns, storage: kept)
  }
}
