/// A column of a catalog table.
public struct ColumnSchema: Sendable, Hashable {
  public var name: String
  public var type: ColumnType
  public init(name: String, type: ColumnType) {
    self.name = name
    self.type = type
  }
}

/// A table of the catalog: its columns, the API call that fills it, and its key column.
public struct TableSchema: Sendable, Hashable {
  public var name: String
  public var columns: [ColumnSchema]
  /// The endpoint whose answers fill the table.
  public var source: APIEndpoint
  /// The column whose values select what is fetched (`shares.appid`, `quota.cgi_path`): an
  /// `=`/`in` filter on it is pushed down to the API call.
  public var keyColumn: String?
  /// One line on what a row is.
  public var summary: String

  public init(
    name: String, columns: [ColumnSchema], source: APIEndpoint, keyColumn: String? = nil,
    summary: String
  ) {
    self.name = name
    self.columns = columns
    self.source = source
    self.keyColumn = keyColumn
    self.summary = summary
  }

  /// The index of the column named `name` (case-insensitive).
  public func columnIndex(named name: String) -> Int? {
    let key = name.lowercased()
    return columns.firstIndex { $0.name == key }
  }

  public var columnNames: [String] { columns.map(\.name) }
}
