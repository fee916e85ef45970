#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// SQLite's `printf`/`format`: `%d %i %u %x %X %o %f %e %E %g %G %s %z %q %Q %w %c %%` with the
/// flags `- + space 0 # ,`, a width and a precision (either may be `*`). `%f` rounds as SQLite
/// 3.40's printf does (half away from zero after a small upward nudge), which `round` uses too.
enum SQLitePrintf {
  static func format(_ args: [Value]) -> Value {
    guard let spec = args[0].sqlText else { return .null }
    var arguments = Arguments(values: Array(args.dropFirst()))
    var out = ""
    var scalars = spec.unicodeScalars[...]
    while let c = scalars.popFirst() {
      guard c == "%" else {
        out.unicodeScalars.append(c)
        continue
      }
      var directive = Directive()
      directive.parse(&scalars, &arguments)
      guard let conversion = scalars.popFirst() else { break }
      out += directive.render(conversion, &arguments)
    }
    return .text(out)
  }

  /// The arguments, taken in order; missing ones read as NULL.
  struct Arguments {
    var values: [Value]
    var next = 0
    mutating func take() -> Value {
      defer { next += 1 }
      return next < values.count ? values[next] : .null
    }
  }

  /// Flags, width and precision of one `%` directive.
  struct Directive {
    var leftAlign = false, plus = false, space = false, zero = false, alternate = false
    var thousands = false
    var width = 0
    var precision: Int?

    mutating func parse(_ s: inout Substring.UnicodeScalarView, _ args: inout Arguments) {
      while let c = s.first, "-+ 0#,!".unicodeScalars.contains(c) {
        switch c {
        case "-": leftAlign = true
        case "+": plus = true
        case " ": space = true
        case "0": zero = true
        case "#": alternate = true
        case ",": thousands = true
        default: break
        }
        s.removeFirst()
      }
      if s.first == "*" {
        s.removeFirst()
        let w = Int(clamping: args.take().integerValue ?? 0)
        if w < 0 { leftAlign = true }
        width = min(Swift.abs(w), 100_000)
      } else {
        width = Self.number(&s)
      }
      if s.first == "." {
        s.removeFirst()
        if s.first == "*" {
          s.removeFirst()
          let p = Int(clamping: args.take().integerValue ?? 0)
          precision = p < 0 ? nil : min(p, 100_000)
        } else {
          precision = Self.number(&s)
        }
      }
      // Length modifiers (`l`, `ll`) change nothing here.
      while s.first == "l" { s.removeFirst() }
    }

    private static func number(_ s: inout Substring.UnicodeScalarView) -> Int {
      var n = 0
      while let c = s.first, let d = Int(String(c)), c.isASCII {
        n = min(n * 10 + d, 100_000)
        s.removeFirst()
      }
      return n
    }

    func render(_ conversion: Unicode.Scalar, _ args: inout Arguments) -> String {
      switch conversion {
      case "%": return "%"
      case "d", "i": return signed(args.take().integerValue ?? 0)
      case "u", "x", "X", "o": return unsigned(args.take().integerValue ?? 0, conversion)
      case "f", "F", "e", "E", "g", "G":
        return real(args.take().realValue ?? 0, conversion)
      case "s", "z": return text(args.take().sqlText ?? "")
      case "q", "Q", "w": return quoted(args.take(), conversion)
      case "c":
        let first = args.take().sqlText?.unicodeScalars.first.map(String.init) ?? ""
        return pad(String(repeating: first, count: max(1, precision ?? 1)))
      default: return ""
      }
    }

    private func signed(_ n: Int64) -> String {
      var digits = String(n.magnitude)
      if let precision, digits.count < precision {
        digits = String(repeating: "0", count: precision - digits.count) + digits
      }
      if thousands { digits = Self.grouped(digits) }
      let sign = n < 0 ? "-" : plus ? "+" : space ? " " : ""
      return padNumber(sign, digits)
    }

    private func unsigned(_ n: Int64, _ conversion: Unicode.Scalar) -> String {
      let bits = UInt64(bitPattern: n)
      var digits: String
      var prefix = ""
      switch conversion {
      case "x":
        digits = String(bits, radix: 16)
        if alternate, bits != 0 { prefix = "0x" }
      case "X":
        digits = String(bits, radix: 16, uppercase: true)
        if alternate, bits != 0 { prefix = "0X" }
      case "o":
        digits = String(bits, radix: 8)
        if alternate, bits != 0 { prefix = "0" }
      default: digits = String(bits)
      }
      if let precision, digits.count < precision {
        digits = String(repeating: "0", count: precision - digits.count) + digits
      }
      return padNumber(prefix, digits)
    }

    private func real(_ r: Double, _ conversion: Unicode.Scalar) -> String {
      let p = precision ?? 6
      var body: String
      if conversion == "f" || conversion == "F" {
        body = fixed(Swift.abs(r), precision: p)
        if alternate, p == 0 { body += "." }
      } else {
        let flags = alternate ? "#" : ""
        body = cFormat(Swift.abs(r), "%\(flags).\(p)\(conversion)")
      }
      let sign =
        r < 0 || (r == 0 && r.sign == .minus && body.contains(where: { $0 != "0" && $0 != "." }))
        ? "-" : plus ? "+" : space ? " " : ""
      return padNumber(r < 0 ? "-" : sign, body)
    }

    private func text(_ s: String) -> String {
      var shown = s
      if let precision, s.utf8.count > precision {
        shown = String(decoding: s.utf8.prefix(precision), as: UTF8.self)
      }
      return pad(shown)
    }

    private func quoted(_ value: Value, _ conversion: Unicode.Scalar) -> String {
      guard let s = value.sqlText else { return pad(conversion == "Q" ? "NULL" : "(NULL)") }
      let quote = conversion == "w" ? "\"" : "'"
      let escaped = s.replacingAll(quote, with: quote + quote)
      return pad(conversion == "Q" ? "'" + escaped + "'" : escaped)
    }

    private func pad(_ s: String) -> String {
      let count = s.utf8.count
      guard count < width else { return s }
      let fill = String(repeating: " ", count: width - count)
      return leftAlign ? s + fill : fill + s
    }

    private func padNumber(_ sign: String, _ digits: String) -> String {
      let count = sign.utf8.count + digits.utf8.count
      guard count < width else { return sign + digits }
      if leftAlign { return sign + digits + String(repeating: " ", count: width - count) }
      if zero { return sign + String(repeating: "0", count: width - count) + digits }
      return String(repeating: " ", count: width - count) + sign + digits
    }

    private static func grouped(_ digits: String) -> String {
      var out = ""
      for (i, c) in digits.enumerated() {
        if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(c)
      }
      return out
    }

    private func cFormat(_ r: Double, _ format: String) -> String {
      var buffer = [CChar](repeating: 0, count: 400)
      _ = buffer.withUnsafeMutableBufferPointer { b in
        withVaList([r]) { vsnprintf(b.baseAddress, 400, format, $0) }
      }
      return String(
        decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
  }

  #if arch(x86_64) || arch(i386)
    typealias LongDouble = Float80
  #else
    typealias LongDouble = Double
  #endif

  /// `%.Nf` of a non-negative `r` as SQLite 3.40's printf writes it: a rounder of half a unit
  /// of the last place (plus `r`·3e-16 when few digits are asked), then at most 16 significant
  /// digits read off a long double, the rest zeros.
  static func fixed(_ value: Double, precision: Int) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return "Inf" }
    let negative = value < 0
    var real = LongDouble(Swift.abs(value))
    var rounder = 0.5
    for _ in 0..<precision { rounder *= 0.1 }
    let exponent = Int((Swift.abs(value).bitPattern >> 52) & 0x7FF) - 1023
    if precision + exponent / 3 < 15 { rounder += Double(real) * 3e-16 }
    real += LongDouble(rounder)
    var exp = 0
    if real > 0 {
      var scale: LongDouble = 1
      while real >= 1e100 * scale, exp <= 350 {
        scale *= 1e100
        exp += 100
      }
      while real >= 1e10 * scale, exp <= 350 {
        scale *= 1e10
        exp += 10
      }
      while real >= 10 * scale, exp <= 350 {
        scale *= 10
        exp += 1
      }
      real /= scale
      while real < 1e-8 {
        real *= 1e8
        exp -= 8
      }
      while real < 1 {
        real *= 10
        exp -= 1
      }
    }
    var significant = 16
    func digit() -> Character {
      guard significant > 0 else { return "0" }
      significant -= 1
      let d = Int(real)
      real = (real - LongDouble(d)) * 10
      return Character(Unicode.Scalar(UInt8(48 + d)))
    }
    var out = negative ? "-" : ""
    if exp < 0 {
      out.append("0")
    } else {
      for _ in 0...exp { out.append(digit()) }
    }
    if precision > 0 { out.append(".") }
    var remaining = precision
    var e2 = exp + 1
    while e2 < 0, remaining > 0 {
      out.append("0")
      remaining -= 1
      e2 += 1
    }
    while remaining > 0 {
      out.append(digit())
      remaining -= 1
    }
    return out
  }
}

extension String {
  /// Every `target` replaced by `replacement`.
  func replacingAll(_ target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
