import TCBQQuery

/// RFC 4180, as sqlite3's `.mode csv`: CRLF line ends; a field with `,` `"` CR or LF is quoted
/// with quotes doubled; NULL is an empty field and the empty string `""`, so a reader that tells
/// them apart reads back exactly the values json shows.
struct CSVFormatter: RowFormatter {
  let result: ResultSet
  let options: RenderOptions

  init(_ result: ResultSet, _ options: RenderOptions) {
    self.result = result
    self.options = options
  }

  func writeStart(into out: inout [UInt8]) {
    guard options.headers, !result.columns.isEmpty else { return }
    for (index, column) in result.columns.enumerated() {
      if index > 0 { out.append(UInt8(ascii: ",")) }
      appendField(column.name, into: &out)
    }
    out.append("\r\n")
  }

  func writeRow(_ row: Int, into out: inout [UInt8]) {
    for column in result.columns.indices {
      if column > 0 { out.append(UInt8(ascii: ",")) }
      result.withCell(
        row, column,
        text: { utf8 in
          appendField(utf8, formulaGuard: options.csvSafe && startsLikeFormula(utf8), into: &out)
        },
        other: { value in
          switch value {
          case .integer(let integer): out.appendDecimal(integer)
          case _ where value.isNullForData: break
          default: out.append(value.plainText ?? "")
          }
        })
    }
    out.append("\r\n")
  }

  func writeEnd(into out: inout [UInt8]) {}

  private func appendField(_ text: String, into out: inout [UInt8]) {
    var text = text
    text.withUTF8 { appendField($0, formulaGuard: false, into: &out) }
  }

  /// One field, quoted if needed; `formulaGuard` puts a `'` first (`--csv-safe`).
  private func appendField(
    _ utf8: UnsafeBufferPointer<UInt8>, formulaGuard: Bool, into out: inout [UInt8]
  ) {
    let needsQuotes =
      (utf8.isEmpty && !formulaGuard)
      || utf8.contains { byte in
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D
      }
    guard needsQuotes else {
      if formulaGuard { out.append(UInt8(ascii: "'")) }
      out.append(contentsOf: utf8)
      return
    }
    out.append(UInt8(ascii: "\""))
    if formulaGuard { out.append(UInt8(ascii: "'")) }
    for byte in utf8 {
      if byte == UInt8(ascii: "\"") { out.append(byte) }
      out.append(byte)
    }
    out.append(UInt8(ascii: "\""))
  }
}
