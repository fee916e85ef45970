#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// SQLite's text-to-number rules, over UTF-8 bytes, without Foundation.
enum SQLiteNumbers {
  /// What a text holds as a number.
  struct Parsed {
    /// Some prefix (after leading blanks) is a number.
    var hasPrefix: Bool
    /// The whole text (but surrounding blanks) is the number.
    var isPure: Bool
    /// The number has neither `.` nor an exponent.
    var isIntegerSyntax: Bool
    /// The integer value, when integer syntax and in 64-bit range.
    var integer: Int64?
    var real: Double
  }

  @inline(__always)
  static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

  static func parse(_ text: String) -> Parsed {
    var text = text
    return text.withUTF8 { parse($0) }
  }

  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Parsed {
    let n = bytes.count
    var i = 0
    while i < n, isSpace(bytes[i]) { i += 1 }
    let start = i
    if i < n, bytes[i] == 0x2B || bytes[i] == 0x2D { i += 1 }
    var digits = 0
    while i < n, bytes[i] >= 0x30, bytes[i] <= 0x39 {
      i += 1
      digits += 1
    }
    var integerSyntax = true
    if i < n, bytes[i] == 0x2E {
      var j = i + 1
      var fraction = 0
      while j < n, bytes[j] >= 0x30, bytes[j] <= 0x39 {
        j += 1
        fraction += 1
      }
      if digits + fraction > 0 {
        integerSyntax = false
        digits += fraction
        i = j
      }
    }
    guard digits > 0 else {
      return Parsed(hasPrefix: false, isPure: false, isIntegerSyntax: false, integer: nil, real: 0)
    }
    if i < n, bytes[i] == 0x65 || bytes[i] == 0x45 {
      var j = i + 1
      if j < n, bytes[j] == 0x2B || bytes[j] == 0x2D { j += 1 }
      var exp = 0
      while j < n, bytes[j] >= 0x30, bytes[j] <= 0x39 {
        j += 1
        exp += 1
      }
      if exp > 0 {
        integerSyntax = false
        i = j
      }
    }
    let end = i
    while i < n, isSpace(bytes[i]) { i += 1 }
    let pure = i == n
    let slice = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    var integer: Int64?
    if integerSyntax {
      integer = Int64(slice) ?? Int64(slice.dropFirst(slice.hasPrefix("+") ? 1 : 0))
    }
    let real = Double(slice) ?? 0
    return Parsed(
      hasPrefix: true, isPure: pure, isIntegerSyntax: integerSyntax, integer: integer, real: real)
  }

  /// The number arithmetic reads from a text: the longest numeric prefix (0 when none), an
  /// integer when written as one and in range.
  static func arithmeticValue(_ text: String) -> Value {
    let p = parse(text)
    guard p.hasPrefix else { return .integer(0) }
    if p.isIntegerSyntax, let i = p.integer { return .integer(i) }
    return .real(p.real)
  }

  /// Numeric affinity: a text that is entirely a number becomes that number; others stay text.
  static func numericAffinity(_ text: String) -> Value? {
    let p = parse(text)
    guard p.hasPrefix, p.isPure else { return nil }
    if p.isIntegerSyntax, let i = p.integer { return .integer(i) }
    let r = p.real
    if let i = exactInteger(r) { return .integer(i) }
    return .real(r)
  }

  /// `r` as an integer when it is one exactly and in range.
  @inline(__always)
  static func exactInteger(_ r: Double) -> Int64? {
    guard r >= -9.223372036854775808e18, r < 9.223372036854775808e18 else { return nil }
    let i = Int64(r)
    return Double(i) == r ? i : nil
  }

  /// SQLite's cast of a real to an integer: truncation, clamped to the 64-bit range.
  @inline(__always)
  static func truncate(_ r: Double) -> Int64 {
    if r.isNaN { return 0 }
    if r <= -9.223372036854775808e18 { return .min }
    if r >= 9.223372036854775807e18 { return .max }
    return Int64(r)
  }

  /// SQLite's text of a real (`%!.15g`): `1.0`, `0.3`, `1.0e+20`.
  static func format(_ r: Double) -> String {
    if r.isNaN { return "NaN" }
    if r.isInfinite { return r < 0 ? "-Inf" : "Inf" }
    var buffer = [CChar](repeating: 0, count: 40)
    _ = buffer.withUnsafeMutableBufferPointer { b in
      withVaList([r]) { vsnprintf(b.baseAddress, 40, "%.15g", $0) }
    }
    var text = String(
      decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    if !text.contains(".") {
      if let e = text.firstIndex(of: "e") {
        text.insert(contentsOf: ".0", at: e)
      } else {
        text += ".0"
      }
    }
    return text
  }
}
