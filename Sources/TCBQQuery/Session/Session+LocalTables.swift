import TCBQCore

/// Tables the session holds besides `_`: imported (`.import`) or created (`create table … as
/// select`). They live for the session, cost no calls, join with the API tables, and cannot take
/// an API table's name or `_`.
extension Session {
  /// Holds `rows` as the new table `name`; refuses a name taken by an API table, `_`, or a
  /// table already held.
  public func hold(_ rows: ResultSet, as name: String, summary: String) throws {
    let key = name.lowercased()
    guard !key.isEmpty else { throw StatementError("a table needs a name") }
    if key == Catalog.lastResultName || TableID(name: key) != nil {
      throw StatementError(
        "'\(key)' is the name of a table of tcbq; choose another name for a local table")
    }
    if let taken = catalog.table(named: key) {
      if taken.id != nil || key == Catalog.lastResultName {
        throw StatementError(
          "'\(key)' is the name of a table of tcbq; choose another name for a local table")
      }
      throw StatementError("table \(key) already exists (drop table \(key) first)")
    }
    let table = Table(key, holding: rows)
    localTables[key] = table
    let columns = zip(table.columnNames, table.columns).map {
      ColumnSchema(name: $0, type: $1.type)
    }
    catalog = catalog.replacing(TableSchema(local: key, columns: columns, summary: summary))
  }

  func createTable(_ name: Identifier, as select: SelectStatement, source: String) async throws
    -> StatementResult
  {
    let evaluated = try await evaluate(select, source: source)
    try hold(
      evaluated.rows, as: name.name,
      summary: "created by create table … as select (\(evaluated.rows.rowCount) rows)")
    return StatementResult(
      notes: ["table \(name.key): \(evaluated.rows.rowCount) rows"] + evaluated.notes,
      failures: evaluated.failures)
  }

  func dropTable(_ name: Identifier) throws -> StatementResult {
    let table = try catalog.resolveTable(name)
    guard table.id == nil, table.name != Catalog.lastResultName else {
      throw StatementError(
        "\(table.name) is a table of tcbq, not one created or imported: it cannot be dropped")
    }
    localTables[table.name] = nil
    catalog = catalog.removing(table.name)
    return StatementResult(notes: ["table \(table.name) dropped"])
  }
}

extension Catalog {
  /// The catalog without the table `name`.
  func removing(_ name: String) -> Catalog {
    Catalog(tables: tables.filter { $0.name != name })
  }
}
