/// An in-memory table, column-major with typed storage.
public struct Table: Sendable {
  public var name: String
  public var columnNames: [String]
  public var columns: [ColumnData]
  public private(set) var rowCount: Int

  public init(name: String, columnNames: [String], columns: [ColumnData]) {
    precondition(columnNames.count == columns.count, "one name per column")
    self.name = name
    self.columnNames = columnNames
    self.columns = columns
    self.rowCount = columns.first?.count ?? 0
    precondition(columns.allSatisfy { $0.count == rowCount }, "columns of equal length")
  }

  /// One row without columns: what a select without `from` reads (`TableSchema.noTable`).
  static let oneRow: Table = {
    var table = Table(name: TableSchema.noTable.name, columnNames: [], columns: [])
    table.rowCount = 1
    return table
  }()

  /// An empty table with the columns of `schema`.
  public init(schema: TableSchema) {
    self.init(
      name: schema.name, columnNames: schema.columnNames,
      columns: schema.columns.map { ColumnData.empty($0.type) })
  }

  /// The value at a row and column, boxed; for tests and small results.
  public subscript(row: Int, column: Int) -> Value { columns[column][row] }

  /// The rows as boxed values, row-major; for tests and small results.
  public var rows: [[Value]] {
    (0..<rowCount).map { r in columns.map { $0[r] } }
  }

  /// This table with the rows of `other` (same columns, by position) after its own.
  public func appending(_ other: Table) -> Table {
    precondition(other.columns.count == columns.count, "same columns")
    let merged = zip(columns, other.columns).map { $0.appending($1) }
    return Table(name: name, columnNames: columnNames, columns: merged)
  }

  /// The rows at `indices`, in that order.
  public func selecting(rows indices: [Int]) -> Table {
    Table(name: name, columnNames: columnNames, columns: columns.map { $0.selecting(indices) })
  }
}

/// The storage of one column.
public enum ColumnData: Sendable {
  case text(TextColumn)
  case integer(IntegerColumn)
  case boolean(BooleanColumn)
  /// Values of any type, boxed: a result's column of reals or of mixed types (`_`).
  case values([Value])

  public var count: Int {
    switch self {
    case .text(let c): c.codes.count
    case .integer(let c): c.values.count
    case .boolean(let c): c.values.count
    case .values(let values): values.count
    }
  }

  /// The column's type; `.any` for boxed values, which compare without affinity.
  public var type: ColumnType {
    switch self {
    case .text: .text
    case .integer: .integer
    case .boolean: .boolean
    case .values: .any
    }
  }

  static func empty(_ type: ColumnType) -> ColumnData {
    switch type {
    case .integer: .integer(IntegerColumn())
    case .boolean: .boolean(BooleanColumn())
    default: .text(TextColumn())
    }
  }

  public subscript(row: Int) -> Value {
    switch self {
    case .text(let c): c[row].map(Value.text) ?? .null
    case .integer(let c): c[row].map(Value.integer) ?? .null
    case .boolean(let c): c[row].map(Value.boolean) ?? .null
    case .values(let values): values[row]
    }
  }

  func appending(_ other: ColumnData) -> ColumnData {
    switch (self, other) {
    case (.text(var a), .text(let b)):
      for r in 0..<b.codes.count { a.append(b[r]) }
      return .text(a)
    case (.integer(var a), .integer(let b)):
      a.values += b.values
      a.nulls += b.nulls
      return .integer(a)
    case (.boolean(var a), .boolean(let b)):
      a.values += b.values
      return .boolean(a)
    case (.values(let a), .values(let b)):
      return .values(a + b)
    default:
      preconditionFailure("appending columns of different types")
    }
  }

  func selecting(_ indices: [Int]) -> ColumnData {
    switch self {
    case .text(let c):
      return .text(TextColumn(codes: indices.map { c.codes[$0] }, dictionary: c.dictionary))
    case .integer(let c):
      return .integer(
        IntegerColumn(values: indices.map { c.values[$0] }, nulls: indices.map { c.nulls[$0] }))
    case .boolean(let c):
      return .boolean(BooleanColumn(values: indices.map { c.values[$0] }))
    case .values(let values):
      return .values(indices.map { values[$0] })
    }
  }
}

/// A dictionary-encoded text column: each row holds a code into `dictionary`, or -1 for NULL.
/// Repeated values (status, region, env_id in nested tables) are stored once, and filters on a
/// constant are evaluated once per distinct value.
public struct TextColumn: Sendable {
  public private(set) var codes: [Int32]
  public private(set) var dictionary: TextDictionary

  public init() {
    codes = []
    dictionary = TextDictionary()
  }

  /// Codes into another column's dictionary (sharing its storage).
  init(codes: [Int32], sharing other: TextColumn) {
    self.codes = codes
    self.dictionary = other.dictionary
  }

  /// An empty column whose dictionary is sized for `distinct` values.
  init(expectingDistinct distinct: Int) {
    self.init()
    dictionary.reserveCapacity(distinct)
  }

  init(codes: [Int32], dictionary: TextDictionary) {
    self.codes = codes
    self.dictionary = dictionary
  }

  public mutating func reserveCapacity(_ n: Int) { codes.reserveCapacity(n) }

  public mutating func append(_ value: String?) {
    guard let value else {
      codes.append(-1)
      return
    }
    codes.append(dictionary.codeOrInsert(value))
  }

  public subscript(row: Int) -> String? {
    let code = codes[row]
    return code < 0 ? nil : dictionary[Int(code)]
  }
}

/// A 64-bit integer column with a null flag per row.
public struct IntegerColumn: Sendable {
  public internal(set) var values: [Int64]
  public internal(set) var nulls: [Bool]

  public init() {
    values = []
    nulls = []
  }

  init(values: [Int64], nulls: [Bool]) {
    self.values = values
    self.nulls = nulls
  }

  public mutating func reserveCapacity(_ n: Int) {
    values.reserveCapacity(n)
    nulls.reserveCapacity(n)
  }

  public mutating func append(_ value: Int64?) {
    values.append(value ?? 0)
    nulls.append(value == nil)
  }

  public subscript(row: Int) -> Int64? { nulls[row] ? nil : values[row] }
}

/// A boolean column: 0, 1, or -1 for NULL.
public struct BooleanColumn: Sendable {
  public internal(set) var values: [Int8]

  public init() { values = [] }

  init(values: [Int8]) { self.values = values }

  public mutating func reserveCapacity(_ n: Int) { values.reserveCapacity(n) }

  public mutating func append(_ value: Bool?) {
    values.append(value.map { $0 ? 1 : 0 } ?? -1)
  }

  public subscript(row: Int) -> Bool? {
    let v = values[row]
    return v < 0 ? nil : v == 1
  }
}

extension Table {
  /// The distinct non-NULL texts of a text column (e.g. the env ids, for completion).
  public func textValues(column name: String) -> [String] {
    guard let index = columnNames.firstIndex(of: name.lowercased()),
      case .text(let column) = columns[index]
    else { return [] }
    let used = Set(column.codes)
    return column.dictionary.indices.filter { used.contains(Int32($0)) }.map {
      column.dictionary[$0]
    }
  }
}

extension TextColumn {
  /// The code of `text`, if the column holds it.
  func code(of text: String) -> Int32? { dictionary.code(of: text) }
}
