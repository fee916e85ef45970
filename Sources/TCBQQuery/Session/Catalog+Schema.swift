import TCBQCore

extension Catalog {
  /// `.schema TABLE`: the table as a create statement, with where its rows come from.
  public func schemaText(_ table: TableSchema) -> String {
    var lines = ["create table \(table.name) (  -- filled by \(table.filledBy)"]
    for (i, column) in table.columns.enumerated() {
      let comma = i == table.columns.count - 1 ? "" : ","
      let key = column.name == table.keyColumn ? "  -- key: filters on it are sent to the API" : ""
      lines.append("  \(column.name) \(column.type.rawValue)\(comma)\(key)")
    }
    lines.append(");")
    return lines.joined(separator: "\n")
  }
}
