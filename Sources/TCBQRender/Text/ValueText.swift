import Foundation
import TCBQQuery

/// The text of a real number as SQLite prints it: `%!.15g`, i.e. 15 significant digits and always
/// a decimal point (`2.0`, `0.1`, `1.0e+20`); `Inf`, `-Inf` and `NaN` for the non-finite.
public func sqliteText(_ real: Double) -> String {
  if real.isNaN { return "NaN" }
  if real.isInfinite { return real < 0 ? "-Inf" : "Inf" }
  var buffer = [CChar](repeating: 0, count: 40)
  let length = withVaList([real]) { arguments in
    vsnprintf(&buffer, buffer.count, "%.15g", arguments)
  }
  var text = String(decoding: buffer[0..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  if let exponent = text.firstIndex(of: "e") {
    if !text[..<exponent].contains(".") { text.insert(contentsOf: ".0", at: exponent) }
  } else if !text.contains(".") {
    text += ".0"
  }
  return text
}

extension Value {
  /// The value as plain text, `nil` for NULL: integers in full, reals as SQLite prints them,
  /// booleans `true`/`false`.
  var plainText: String? {
    switch self {
    case .null: nil
    case .integer(let integer): String(integer)
    case .real(let real): sqliteText(real)
    case .text(let text): text
    case .boolean(let boolean): boolean ? "true" : "false"
    }
  }

  /// Whether the value is a number (right-aligned in tables).
  var isNumber: Bool {
    switch self {
    case .integer, .real: true
    default: false
    }
  }

  /// Whether a data format (csv, tsv, json) writes the value as NULL: NULL itself, and reals
  /// that are not finite, which JSON cannot hold.
  var isNullForData: Bool {
    switch self {
    case .null: true
    case .real(let real): !real.isFinite
    default: false
    }
  }
}

extension ResultSet {
  /// Whether column `index` holds numbers: declared so, or computed with only numbers in it.
  func isNumericColumn(_ index: Int) -> Bool {
    switch columns[index].type {
    case .integer, .real: return true
    case .text, .boolean: return false
    case .any:
      var sawNumber = false
      for row in 0..<rowCount {
        let value = self[row, index]
        if value.isNumber {
          sawNumber = true
        } else if value != .null {
          return false
        }
      }
      return sawNumber
    }
  }
}

/// `text` with control characters escaped so it stays on one line: `\n` `\r` `\t`, and `\xHH`
/// (or `\u{HH}` above 0x7F) for the others.
func oneLine(_ text: String) -> String {
  guard text.unicodeScalars.contains(where: isControl) else { return text }
  var escaped = ""
  escaped.reserveCapacity(text.utf8.count + 8)
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\n": escaped += "\\n"
    case "\r": escaped += "\\r"
    case "\t": escaped += "\\t"
    case _ where isControl(scalar):
      let hex = String(scalar.value, radix: 16, uppercase: true)
      escaped += scalar.value < 0x80 ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{\(hex)}"
    default: escaped.unicodeScalars.append(scalar)
    }
  }
  return escaped
}

private func isControl(_ scalar: Unicode.Scalar) -> Bool {
  scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
}

extension ResultSet {
  /// Calls `text` with the UTF-8 bytes of a text cell (without building a `String` when the
  /// column holds dictionary codes), or `other` with any other value.
  @inline(__always)
  func withCell<R>(
    _ row: Int, _ column: Int, text: (UnsafeBufferPointer<UInt8>) -> R, other: (Value) -> R
  ) -> R {
    switch storage[column] {
    case .text(let codes, let dictionary):
      let code = codes[row]
      return code < 0 ? other(.null) : dictionary.withUTF8(Int(code), text)
    case .values(let values):
      guard case .text(var string) = values[row] else { return other(values[row]) }
      return string.withUTF8(text)
    }
  }
}

/// Whether a spreadsheet would read text starting with these bytes as a formula: `=` `+` `-`
/// `@`, a tab or CR.
func startsLikeFormula(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
  guard let first = utf8.first else { return false }
  return [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D]
    .contains(first)
}
