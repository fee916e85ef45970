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
      appendJSONString(column.name, into: &key)
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
      let value = result[row, column]
      switch value {
      case .integer(let integer): out.appendDecimal(integer)
      case .text(let text): appendJSONString(text, into: &out)
      case .boolean(let boolean): out.append(boolean ? "true" : "false")
      case .real(let real) where real.isFinite: out.append(sqliteText(real))
      case .real, .null: out.append("null")
      }
    }
    out.append(UInt8(ascii: "}"))
    if lines { out.append(0x0A) }
  }

  func writeEnd(into out: inout [UInt8]) {
    guard !lines else { return }
    out.append(result.rowCount == 0 ? "]\n" : "\n]\n")
  }
}

/// Appends `text` as a JSON string: quotes, backslashes and control characters escaped, U+2028
/// and U+2029 too (so the output is also valid JavaScript); other characters as UTF-8.
func appendJSONString(_ text: String, into out: inout [UInt8]) {
  out.append(UInt8(ascii: "\""))
  for byte in text.utf8 {
    switch byte {
    case UInt8(ascii: "\""): out.append("\\\"")
    case UInt8(ascii: "\\"): out.append("\\\\")
    case 0x0A: out.append("\\n")
    case 0x0D: out.append("\\r")
    case 0x09: out.append("\\t")
    case 0x08: out.append("\\b")
    case 0x0C: out.append("\\f")
    case 0x00..<0x20:
      out.append("\\u00")
      out.append(hexDigits[Int(byte >> 4)])
      out.append(hexDigits[Int(byte & 0x0F)])
    default: out.append(byte)
    }
  }
  out.append(UInt8(ascii: "\""))
  if text.utf8.contains(0xE2) { escapeLineSeparators(in: &out, from: out.count - text.utf8.count) }
}

private let hexDigits = Array("0123456789abcdef".utf8)

/// Rewrites U+2028 and U+2029 (E2 80 A8, E2 80 A9) in `out[start...]` as `\u2028`, `\u2029`.
private func escapeLineSeparators(in out: inout [UInt8], from start: Int) {
  var rewritten: [UInt8] = []
  var index = max(0, start)
  let from = index
  while index < out.count {
    if index + 2 < out.count, out[index] == 0xE2, out[index + 1] == 0x80,
      out[index + 2] == 0xA8 || out[index + 2] == 0xA9
    {
      rewritten.append(out[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
      index += 3
    } else {
      rewritten.append(out[index])
      index += 1
    }
  }
  out.replaceSubrange(from..., with: rewritten)
}
