import TCBQQuery

/// Tab-separated values: LF line ends; tab, LF, CR and backslash in values written as `\t` `\n`
/// `\r` `\\`; NULL is an empty field.
struct TSVFormatter: RowFormatter {
  let result: ResultSet
  let options: RenderOptions

  init(_ result: ResultSet, _ options: RenderOptions) {
    self.result = result
    self.options = options
  }

  func writeStart(into out: inout [UInt8]) {
    guard options.headers, !result.columns.isEmpty else { return }
    for (index, column) in result.columns.enumerated() {
      if index > 0 { out.append(0x09) }
      appendEscaped(column.name, into: &out)
    }
    out.append(0x0A)
  }

  func writeRow(_ row: Int, into out: inout [UInt8]) {
    for column in result.columns.indices {
      if column > 0 { out.append(0x09) }
      result.withCell(
        row, column,
        text: { utf8 in
          if options.csvSafe, startsLikeFormula(utf8) { out.append(UInt8(ascii: "'")) }
          appendEscaped(utf8, into: &out)
        },
        other: { value in
          switch value {
          case .integer(let integer): out.appendDecimal(integer)
          case _ where value.isNullForData: break
          default: out.append(value.plainText ?? "")
          }
        })
    }
    out.append(0x0A)
  }

  func writeEnd(into out: inout [UInt8]) {}

  private func appendEscaped(_ text: String, into out: inout [UInt8]) {
    var text = text
    text.withUTF8 { appendEscaped($0, into: &out) }
  }

  private func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
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
}
