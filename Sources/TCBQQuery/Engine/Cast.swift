/// SQLite's `cast(x as T)` by the affinity of T.
enum Cast {
  static func apply(_ value: Value, _ affinity: CastType.Affinity) -> Value {
    if case .null = value { return .null }
    switch affinity {
    case .integer: return .integer(integer(value))
    case .real: return .real(real(value))
    case .text: return value.sqlText.map(Value.text) ?? .null
    case .numeric: return numeric(value)
    case .blob: return value
    }
  }

  private static func integer(_ value: Value) -> Int64 {
    switch value {
    case .integer(let i): return i
    case .boolean(let b): return b ? 1 : 0
    case .real(let r): return SQLiteNumbers.truncate(r)
    case .text(let s): return integerPrefix(s)
    case .null: return 0
    }
  }

  /// The leading integer of a text (blanks, a sign, digits), clamped to 64 bits; 0 when none.
  private static func integerPrefix(_ text: String) -> Int64 {
    var bytes = Array(text.utf8)[...]
    while let b = bytes.first, SQLiteNumbers.isSpace(b) { bytes = bytes.dropFirst() }
    var negative = false
    if let sign = bytes.first, sign == 0x2B || sign == 0x2D {
      negative = sign == 0x2D
      bytes = bytes.dropFirst()
    }
    var magnitude: UInt64 = 0
    var overflow = false
    for b in bytes {
      guard b >= 0x30, b <= 0x39 else { break }
      let (times, o1) = magnitude.multipliedReportingOverflow(by: 10)
      let (sum, o2) = times.addingReportingOverflow(UInt64(b - 0x30))
      if o1 || o2 { overflow = true }
      magnitude = sum
    }
    if negative {
      if overflow || magnitude > UInt64(Int64.max) + 1 { return .min }
      return magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude)
    }
    if overflow || magnitude > UInt64(Int64.max) { return .max }
    return Int64(magnitude)
  }

  private static func real(_ value: Value) -> Double {
    switch value {
    case .integer(let i): return Double(i)
    case .boolean(let b): return b ? 1 : 0
    case .real(let r): return r
    case .text(let s): return SQLiteNumbers.parse(s).real
    case .null: return 0
    }
  }

  /// Numbers stay; a text becomes its leading number, an integer when it is one exactly.
  private static func numeric(_ value: Value) -> Value {
    switch value {
    case .integer, .real: return value
    case .boolean(let b): return .integer(b ? 1 : 0)
    case .text(let s):
      let parsed = SQLiteNumbers.parse(s)
      guard parsed.hasPrefix else { return .integer(0) }
      if parsed.isIntegerSyntax, let i = parsed.integer { return .integer(i) }
      if let i = SQLiteNumbers.exactInteger(parsed.real) { return .integer(i) }
      return .real(parsed.real)
    case .null: return .null
    }
  }
}
