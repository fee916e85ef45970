import TCBQCore
import TCBQQuery

/// `csv` and `tsv`: a line per row (and one of headers first, unless turned off), fields between
/// separators, integers in full, NULL an empty field. With `--csv-safe`, text a spreadsheet
/// would read as a formula gets a `'` first.
struct DelimitedFormatter: RowFormatter {
  enum Dialect {
    /// RFC 4180, as sqlite3's `.mode csv`: CRLF line ends; a field with `,` `"` CR or LF is
    /// quoted with quotes doubled; NULL is an empty field and the empty string `""`, so a reader
    /// that tells them apart reads back exactly the values json shows.
    case csv
    /// Tab-separated values: LF line ends; tab, LF, CR and backslash in values written as `\t`
    /// `\n` `\r` `\\`.
    case tsv
  }

  let result: ResultSet
  let options: RenderOptions
  let dialect: Dialect

  init(_ result: ResultSet, _ options: RenderOptions, _ dialect: Dialect) {
    self.result = result
    self.options = options
    self.dialect = dialect
  }

  private var separator: UInt8 { dialect == .csv ? UInt8(ascii: ",") : 0x09 }
  private var lineEnd: String { dialect == .csv ? "\r\n" : "\n" }

  func writeStart(into out: inout [UInt8]) {
    guard options.headers, !result.columns.isEmpty else { return }
    for (index, column) in result.columns.enumerated() {
      if index > 0 { out.append(separator) }
      var name = column.name
      name.withUTF8 { appendField($0, formulaGuard: false, into: &out) }
    }
    out.append(lineEnd)
  }

  func writeRow(_ row: Int, into out: inout [UInt8]) {
    for column in result.columns.indices {
      if column > 0 { out.append(separator) }
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
    out.append(lineEnd)
  }

  func writeEnd(into out: inout [UInt8]) {}

  /// One text field; `formulaGuard` puts a `'` first.
  private func appendField(
    _ utf8: UnsafeBufferPointer<UInt8>, formulaGuard: Bool, into out: inout [UInt8]
  ) {
    switch dialect {
    case .csv:
      appendCSVField(utf8, formulaGuard: formulaGuard, into: &out)
    case .tsv:
      if formulaGuard { out.append(UInt8(ascii: "'")) }
      appendTSVField(utf8, into: &out)
    }
  }
}

/// A csv field, quoted when it holds `,` `"` CR or LF or is empty (without `formulaGuard`), the
/// `'` of `formulaGuard` inside the quotes.
private func appendCSVField(
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

/// A tsv field: tab, LF, CR and backslash escaped.
private func appendTSVField(_ utf8: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
  for byte in utf8 {
    switch byte {
    case 0x09: out.append("\\t")
    case 0x0A: out.append("\\n")
    case 0x0D: out.append("\\r")
    case UInt8(ascii: "\\"): out.append("\\\\")
    default: out.append(byte)
    }
  }
}
