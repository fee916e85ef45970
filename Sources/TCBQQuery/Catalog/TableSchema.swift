import TCBQCore

/// A column of a catalog table.
public struct ColumnSchema: Sendable, Hashable {
  public var name: String
  public var type: ColumnType
  public init(name: String, type: ColumnType) {
    self.name = name
    self.type = type
  }
}

/// A table of the catalog: its columns, the API call that fills it, and its key column. Tables
/// are looked up by `name`; `id` says which API table it is, for the code that fetches and
/// builds it, and is nil for a table the session holds (`_`, the last result).
public struct TableSchema: Sendable, Hashable {
  public var name: String
  /// Which API table this is; nil for a table the session holds.
  public var id: TableID?
  public var columns: [ColumnSchema]
  /// The endpoint whose answers fill the table; nil for a table the session holds.
  public var source: WeChatEndpoint?
  /// The column whose values select what is fetched (`shares.appid`, `quota.cgi_path`): an
  /// `=`/`in` filter on it is pushed down to the API call.
  public var keyColumn: String?
  /// One line on what a row is.
  public var summary: String

  /// The schema of the API table `id`, named after it.
  public init(
    _ id: TableID, columns: [ColumnSchema], source: WeChatEndpoint, keyColumn: String? = nil,
    summary: String
  ) {
    self.name = id.name
    self.id = id
    self.columns = columns
    self.source = source
    self.keyColumn = keyColumn
    self.summary = summary
  }

  /// The schema of a table the session holds (no API call fills it).
  public init(local name: String, columns: [ColumnSchema], summary: String) {
    self.name = name
    self.id = nil
    self.columns = columns
    self.source = nil
    self.keyColumn = nil
    self.summary = summary
  }

  /// What fills the table, as `show tables` and `.schema` say it: the endpoint's short name,
  /// `tcbq` for `_`, or `local` for a table imported or created in the session.
  public var filledBy: String {
    source?.shortName ?? (name == Catalog.lastResultName ? "tcbq" : "local")
  }

  /// The index of the column named `name` (case-insensitive).
  public func columnIndex(named name: String) -> Int? {
    let key = name.lowercased()
    return columns.firstIndex { $0.name == key }
  }

  public var columnNames: [String] { columns.map(\.name) }
}

extension TableSchema {
  /// What a select without `from` reads: one row without columns. Held by no one: the executor
  /// supplies it (`Table.oneRow`).
  public static let noTable = TableSchema(
    local: "(no table)", columns: [], summary: "one row without columns")
}
