/// The scalar functions SQLite's query features add: on values (`typeof`, `abs`, `round`,
/// `hex`, `char`, `nullif`, `iif`) and on text (`replace`, `instr`, `ltrim`, `rtrim`).
extension ScalarFunctions {
  static func valueFunction(_ f: ScalarFunction, _ args: [Value]) -> Value {
    switch f {
    case .typeof: return .text(typeName(args[0]))
    case .abs: return abs(args[0])
    case .round: return round(args)
    case .hex:
      guard let text = args[0].sqlText else { return .text("") }
      return .text(text.utf8.map { hexDigits[Int($0 >> 4)] + hexDigits[Int($0 & 15)] }.joined())
    case .char:
      var scalars = String.UnicodeScalarView()
      for arg in args {
        let code = arg.integerValue ?? 0
        scalars.append(Unicode.Scalar(UInt32(clamping: max(0, code))) ?? "\u{FFFD}")
      }
      return .text(String(scalars))
    case .nullif:
      return !args[0].isNull && !args[1].isNull && sqlCompare(args[0], args[1]) == 0
        ? .null : args[0]
    case .iif:
      return args[0].truth == .yes ? args[1] : args[2]
    default:
      return .null
    }
  }

  private static let hexDigits = (0..<16).map { String($0, radix: 16, uppercase: true) }

  static func typeName(_ value: Value) -> String {
    switch value {
    case .null: "null"
    case .integer, .boolean: "integer"
    case .real: "real"
    case .text: "text"
    }
  }

  /// abs: integers stay integers; a text becomes a real (0.0 when not a number).
  private static func abs(_ value: Value) -> Value {
    switch value {
    case .null: return .null
    case .integer(let i): return i == .min ? .real(9.223372036854775808e18) : .integer(Swift.abs(i))
    case .boolean(let b): return .integer(b ? 1 : 0)
    case .real(let r): return .real(Swift.abs(r))
    case .text(let s): return .real(Swift.abs(SQLiteNumbers.parse(s).real))
    }
  }

  /// round(X[, N]) as SQLite 3.40 computes it: half away from zero for N = 0, else through
  /// its printf's `%.Nf` (which is why `round(2.675, 2)` is 2.68).
  private static func round(_ args: [Value]) -> Value {
    guard let x = args[0].realValue else { return .null }
    var digits: Int64 = 0
    if args.count == 2 {
      guard let n = args[1].integerValue else { return .null }
      digits = min(30, max(0, n))
    }
    if x < -4_503_599_627_370_496 || x > 4_503_599_627_370_496 { return .real(x) }
    if digits == 0 { return .real(Double(Int64(x + (x < 0 ? -0.5 : 0.5)))) }
    let text = SQLitePrintf.fixed(x, precision: Int(digits))
    return .real(Double(text) ?? x)
  }

  static func textFunction(_ f: ScalarFunction, _ args: [Value]) -> Value {
    switch f {
    case .replace:
      guard let s = args[0].sqlText, let from = args[1].sqlText, let to = args[2].sqlText else {
        return .null
      }
      if from.isEmpty { return .text(s) }
      return .text(replacing(s, from, to))
    case .instr:
      guard let s = args[0].sqlText, let needle = args[1].sqlText else { return .null }
      if needle.isEmpty { return .integer(1) }
      guard let range = Array(s.utf8).firstRange(of: Array(needle.utf8)) else { return .integer(0) }
      let before = s.utf8.prefix(range.lowerBound).reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
      return .integer(Int64(before + 1))
    case .ltrim, .rtrim:
      guard let s = args[0].sqlText else { return .null }
      var set: Set<Unicode.Scalar> = [" "]
      if args.count == 2 {
        guard let chars = args[1].sqlText else { return .null }
        set = Set(chars.unicodeScalars)
      }
      var scalars = Array(s.unicodeScalars)[...]
      if f == .ltrim {
        while let first = scalars.first, set.contains(first) { scalars = scalars.dropFirst() }
      } else {
        while let last = scalars.last, set.contains(last) { scalars = scalars.dropLast() }
      }
      var out = String.UnicodeScalarView()
      out.append(contentsOf: scalars)
      return .text(String(out))
    default:
      return .null
    }
  }

  /// Every occurrence of `from` replaced, comparing bytes (as SQLite does).
  private static func replacing(_ s: String, _ from: String, _ to: String) -> String {
    let bytes = Array(s.utf8), pattern = Array(from.utf8), replacement = Array(to.utf8)
    var out: [UInt8] = []
    var i = 0
    while i < bytes.count {
      if i + pattern.count <= bytes.count, bytes[i..<(i + pattern.count)].elementsEqual(pattern) {
        out += replacement
        i += pattern.count
      } else {
        out.append(bytes[i])
        i += 1
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
