import TCBQCore
import TCBQQuery

/// `json`: one array of objects, one object per line; `jsonl`: one object per line. Keys are in
/// column order; values typed; reals that are not finite are `null`.
struct JSONFormatter: RowFormatter {
  let result: ResultSet
  let lines: Bool
  /// Each column's key, already encoded with its quotes and colon.
  private let keys: [[UInt8]]

  init(_ result: ResultSet, lines: Bool) {
    self.result = result
    self.lines = lines
    self.keys = result.columns.map { column in
      var key: [UInt8] = []
      key.appendJSONString(column.name)
      key.append(UInt8(ascii: ":"))
      return key
    }
  }

  func writeStart(into out: inout [UInt8]) {
    guard !lines else { return }
    out.append(result.rowCount == 0 ? "[" : "[\n")
  }

  func writeRow(_ row: Int, into out: inout [UInt8]) {
    if !lines && row > 0 { out.append(",\n") }
    out.append(UInt8(ascii: "{"))
    for column in result.columns.indices {
      if column > 0 { out.append(UInt8(ascii: ",")) }
      out.append(contentsOf: keys[column])
      result.withCell(
        row, column, text: { out.appendJSONString(utf8: $0) },
        other: { value in
          switch value {
          case .integer(let integer): out.appendDecimal(integer)
          case .boolean(let boolean): out.append(boolean ? "true" : "false")
          case .real(let real) where real.isFinite: out.append(sqliteText(real))
          case .text(let text): out.appendJSONString(text)
          case .real, .null: out.append("null")
          }
        })
    }
    out.append(UInt8(ascii: "}"))
    if lines { out.append(0x0A) }
  }

  func writeEnd(into out: inout [UInt8]) {
    guard !lines else { return }
    out.append(result.rowCount == 0 ? "]\n" : "\n]\n")
  }
}
