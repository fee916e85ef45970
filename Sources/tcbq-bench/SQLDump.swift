import Foundation
import TCBQQuery

/// Writes tables as a SQLite script (`create table` plus inserts in one transaction), so
/// sqlite3 holds exactly the rows tcbq holds.
enum SQLDump {
  static func write(_ tables: [String: Table], to path: String, then more: String = "") throws {
    var out = "pragma journal_mode=off;\npragma synchronous=off;\nbegin;\n"
    for name in tables.keys.sorted() {
      let table = tables[name]!
      let columns = zip(table.columnNames, table.columns).map { name, data in
        "\(name) \(sqlType(data))"
      }
      out += "create table \(name) (\(columns.joined(separator: ", ")));\n"
      let width = table.columns.count
      for row in 0..<table.rowCount {
        out += "insert into \(name) values ("
        for c in 0..<width {
          if c > 0 { out += "," }
          out += literal(table.columns[c][row])
        }
        out += ");\n"
      }
    }
    out += "commit;\n" + more
    try out.write(toFile: path, atomically: false, encoding: .utf8)
  }

  private static func sqlType(_ data: ColumnData) -> String {
    switch data {
    case .text: "text"
    case .integer, .boolean: "integer"
    case .values: ""
    }
  }

  private static func literal(_ value: Value) -> String {
    switch value {
    case .null: "NULL"
    case .integer(let i): String(i)
    case .real(let d): String(d)
    case .boolean(let b): b ? "1" : "0"
    case .text(let s): "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
    }
  }
}
