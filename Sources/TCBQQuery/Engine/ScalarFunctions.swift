/// The scalar functions, with SQLite's rules.
enum ScalarFunctions {
  static func call(_ f: ScalarFunction, _ args: [Value]) -> Value {
    switch f {
    case .lower, .upper:
      guard let s = args[0].sqlText else { return .null }
      return .text(asciiCase(s, upper: f == .upper))
    case .length:
      switch args[0] {
      case .null: return .null
      case .text(let s): return .integer(Int64(s.unicodeScalars.count))
      default: return .integer(Int64(args[0].sqlText!.unicodeScalars.count))
      }
    case .substr:
      return substr(args)
    case .trim:
      guard let s = args[0].sqlText else { return .null }
      var set: Set<Unicode.Scalar> = [" "]
      if args.count == 2 {
        guard let chars = args[1].sqlText else { return .null }
        set = Set(chars.unicodeScalars)
      }
      let scalars = Array(s.unicodeScalars)
      var lo = 0, hi = scalars.count
      while lo < hi, set.contains(scalars[lo]) { lo += 1 }
      while hi > lo, set.contains(scalars[hi - 1]) { hi -= 1 }
      if lo == 0, hi == scalars.count { return .text(s) }
      var out = String.UnicodeScalarView()
      out.append(contentsOf: scalars[lo..<hi])
      return .text(String(out))
    case .coalesce, .ifnull:
      return args.first { !$0.isNull } ?? .null
    case .min, .max:
      var best = args[0]
      if best.isNull { return .null }
      for a in args.dropFirst() {
        if a.isNull { return .null }
        let c = sqlCompare(a, best)
        if f == .min ? c < 0 : c > 0 { best = a }
      }
      return best
    case .typeof, .abs, .round, .hex, .char, .nullif, .iif:
      return valueFunction(f, args)
    case .replace, .instr, .ltrim, .rtrim:
      return textFunction(f, args)
    case .printf, .format:
      return SQLitePrintf.format(args)
    }
  }

  static func asciiCase(_ s: String, upper: Bool) -> String {
    var bytes = Array(s.utf8)
    var changed = false
    for i in bytes.indices {
      let b = bytes[i]
      if upper, b >= 97, b <= 122 {
        bytes[i] = b - 32
        changed = true
      } else if !upper, b >= 65, b <= 90 {
        bytes[i] = b + 32
        changed = true
      }
    }
    return changed ? String(decoding: bytes, as: UTF8.self) : s
  }

  /// substr(X, Y[, Z]) over characters, with SQLite's rules for zero and negative Y and Z.
  static func substr(_ args: [Value]) -> Value {
    guard let s = args[0].sqlText, let y = args[1].integerValue else { return .null }
    var length: Int64?
    if args.count == 3 {
      guard let z = args[2].integerValue else { return .null }
      length = z
    }
    var text = s
    return text.withUTF8 { .text(substring($0, start: y, length: length)) }
  }

  /// SQLite's substrFunc on UTF-8 bytes (characters are the lead bytes).
  private static func substring(
    _ bytes: UnsafeBufferPointer<UInt8>, start y: Int64, length z: Int64?
  )
    -> String
  {
    var p1 = y
    var p2: Int64 = 1_000_000_000
    var negativeLength = false
    if let z {
      p2 = z
      if p2 < 0 {
        negativeLength = true
        p2 = p2 == .min ? .max : -p2
      }
    }
    let len = Int64(bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) })
    if p1 < 0 {
      p1 += len
      if p1 < 0 {
        p2 += p1
        if p2 < 0 { p2 = 0 }
        p1 = 0
      }
    } else if p1 > 0 {
      p1 -= 1
    } else if p2 > 0 {
      p2 -= 1
    }
    if negativeLength {
      p1 -= p2
      if p1 < 0 {
        p2 += p1
        p1 = 0
      }
    }
    guard p1 < len, p2 > 0 else { return "" }
    let end = p1 + min(p2, len - p1)
    // Byte offsets of characters p1 and end.
    var first = bytes.count, last = bytes.count
    var character: Int64 = 0
    for (i, b) in bytes.enumerated() where b & 0xC0 != 0x80 {
      if character == p1 { first = i }
      if character == end {
        last = i
        break
      }
      character += 1
    }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<last]), as: UTF8.self)
  }
}
