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
    for column in result.values.indices {
      if column > 0 { out.append(UInt8(ascii: ",")) }
      let value = result.values[column][row]
      switch value {
      case .integer(let integer): out.appendDecimal(integer)
      case .text(let text):
        if options.csvSafe, startsLikeFormula(text) {
          appendField("'" + text, into: &out)
        } else {
          appendField(text, into: &out)
        }
      case _ where value.isNullForData: break
      default: out.append(value.plainText ?? "")
      }
    }
    out.append("\r\n")
  }

  func writeEnd(into out: inout [UInt8]) {}

  private func appendField(_ text: String, into out: inout [UInt8]) {
    let needsQuotes =
      text.isEmpty
      || text.utf8.contains { byte in
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D
      }
    guard needsQuotes else {
      out.append(text)
      return
    }
    out.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      if byte == UInt8(ascii: "\"") { out.append(byte) }
      out.append(byte)
    }
    out.append(UInt8(ascii: "\""))
  }
}

/// Whether a spreadsheet would read `text` as a formula: it starts with `=` `+` `-` `@`, a tab
/// or CR.
func startsLikeFormula(_ text: String) -> Bool {
  guard let first = text.utf8.first else { return false }
  return [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D]
    .contains(first)
}
