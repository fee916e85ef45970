import TCBQCore

extension Catalog {
  /// `show tables` / `.tables`: one row per table (table, filled_by, key_column, description).
  public func tablesResult() -> ResultSet {
    ResultSet(
      columns: [
        .init(name: "table", type: .text), .init(name: "filled_by", type: .text),
        .init(name: "key_column", type: .text), .init(name: "description", type: .text),
      ],
      rows: tables.map { t in
        [
          .text(t.name), .text(t.filledBy), t.keyColumn.map(Value.text) ?? .null,
          .text(t.summary),
        ]
      })
  }

  /// `describe TABLE` / `.schema TABLE`: one row per column (column, type, key).
  public func describeResult(_ table: TableSchema) -> ResultSet {
    ResultSet(
      columns: [
        .init(name: "column", type: .text), .init(name: "type", type: .text),
        .init(name: "key", type: .boolean),
      ],
      rows: table.columns.map { c in
        [.text(c.name), .text(c.type.rawValue), .boolean(c.name == table.keyColumn)]
      })
  }

  /// The table a name refers to, or a diagnostic at the name with a "did you mean".
  public func resolveTable(_ name: Identifier) throws(PlanError) -> TableSchema {
    if let table = table(named: name.name) { return table }
    throw PlanError([Self.unknownTable(name, among: tableNames)])
  }

  static func unknownTable(_ name: Identifier, among names: [String]) -> Diagnostic {
    if name.name == Catalog.lastResultName {
      return Diagnostic(
        "no result yet: '\(Catalog.lastResultName)' is the result of the last select, and none has run",
        at: name.range)
    }
    return Diagnostic(
      "unknown table '\(name.name)'", at: name.range,
      suggestion: Suggestions.closest(to: name.name, among: names).map(Suggestions.didYouMean))
  }
}
