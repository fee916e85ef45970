#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Three-valued truth: false, true, unknown (NULL).
enum Truth: UInt8 {
  case no = 0, yes = 1, unknown = 2

  @inline(__always) init(_ b: Bool) { self = b ? .yes : .no }

  var value: Value {
    switch self {
    case .no: .boolean(false)
    case .yes: .boolean(true)
    case .unknown: .null
    }
  }

  @inline(__always) var negated: Truth {
    switch self {
    case .no: .yes
    case .yes: .no
    case .unknown: .unknown
    }
  }
}

/// The affinity an expression carries into a comparison (SQLite: only column references have
/// one).
enum Affinity: Sendable, Hashable {
  case none, text, numeric

  /// The affinity applied to both operands of a comparison.
  static func forComparison(_ a: Affinity, _ b: Affinity) -> Affinity {
    if a != .none && b != .none { return (a == .numeric || b == .numeric) ? .numeric : .none }
    return a != .none ? a : b
  }

  @inline(__always)
  func apply(_ v: Value) -> Value {
    switch self {
    case .none: return v
    case .numeric:
      if case .text(let s) = v, let n = SQLiteNumbers.numericAffinity(s) { return n }
      return v
    case .text:
      switch v {
      case .integer, .real, .boolean: return .text(v.sqlText!)
      default: return v
      }
    }
  }
}

extension Value {
  @inline(__always) var isNull: Bool {
    if case .null = self { return true }
    return false
  }

  /// The text SQLite makes of the value (`||`, text functions, text affinity); nil for NULL.
  var sqlText: String? {
    switch self {
    case .null: nil
    case .text(let s): s
    case .integer(let i): String(i)
    case .real(let r): SQLiteNumbers.format(r)
    case .boolean(let b): b ? "1" : "0"
    }
  }

  /// The number arithmetic reads from the value; nil for NULL.
  @inline(__always) var arithmetic: Value? {
    switch self {
    case .null: nil
    case .integer, .real: self
    case .boolean(let b): .integer(b ? 1 : 0)
    case .text(let s): SQLiteNumbers.arithmeticValue(s)
    }
  }

  /// The value as a real (for avg, sum of reals); nil for NULL.
  var realValue: Double? {
    switch arithmetic {
    case .integer(let i): Double(i)
    case .real(let r): r
    default: nil
    }
  }

  /// The value as an integer (function arguments such as substr's start).
  var integerValue: Int64? {
    switch arithmetic {
    case .integer(let i): i
    case .real(let r): SQLiteNumbers.truncate(r)
    default: nil
    }
  }

  /// Truth in a WHERE, ON, HAVING or logical operator.
  @inline(__always) var truth: Truth {
    switch self {
    case .null: return .unknown
    case .boolean(let b): return Truth(b)
    case .integer(let i): return Truth(i != 0)
    case .real(let r): return Truth(r != 0)
    case .text(let s):
      switch SQLiteNumbers.arithmeticValue(s) {
      case .integer(let i): return Truth(i != 0)
      case .real(let r): return Truth(r != 0)
      default: return .no
      }
    }
  }

  /// The rank of the storage class in ordering: NULL < numbers < text.
  @inline(__always) var classRank: Int {
    switch self {
    case .null: 0
    case .integer, .real, .boolean: 1
    case .text: 2
    }
  }
}

/// SQLite's ordering of two values (no affinity): NULL < numbers < text (bytewise); booleans are
/// 0 and 1. Returns <0, 0, >0.
@inline(__always)
func sqlCompare(_ a: Value, _ b: Value) -> Int {
  switch (a, b) {
  case (.integer(let x), .integer(let y)): return x < y ? -1 : (x == y ? 0 : 1)
  case (.text(let x), .text(let y)): return compareText(x, y)
  case (.null, .null): return 0
  case (.null, _): return -1
  case (_, .null): return 1
  default: break
  }
  let ra = a.classRank, rb = b.classRank
  if ra != rb { return ra < rb ? -1 : 1 }
  return compareNumbers(a, b)
}

/// Compares two numeric values (integer, real, boolean) exactly.
@inline(__always)
func compareNumbers(_ a: Value, _ b: Value) -> Int {
  switch (numberParts(a), numberParts(b)) {
  case (.integer(let x), .integer(let y)): return x < y ? -1 : (x == y ? 0 : 1)
  case (.real(let x), .real(let y)): return x < y ? -1 : (x == y ? 0 : 1)
  case (.integer(let x), .real(let y)): return -compareRealInteger(y, x)
  case (.real(let x), .integer(let y)): return compareRealInteger(x, y)
  default: return 0
  }
}

@inline(__always)
private func numberParts(_ v: Value) -> Value {
  if case .boolean(let b) = v { return .integer(b ? 1 : 0) }
  return v
}

/// Compares a real with an integer without losing precision.
@inline(__always)
func compareRealInteger(_ r: Double, _ i: Int64) -> Int {
  if r.isNaN { return -1 }
  if r < -9.223372036854775808e18 { return -1 }
  if r >= 9.223372036854775808e18 { return 1 }
  let t = Int64(r)
  if t != i { return t < i ? -1 : 1 }
  let frac = r - Double(t)
  return frac < 0 ? -1 : (frac > 0 ? 1 : 0)
}

/// Bytewise (SQLite BINARY) comparison of two texts.
@inline(__always)
func compareText(_ a: String, _ b: String) -> Int {
  let fast = a.utf8.withContiguousStorageIfAvailable { x in
    b.utf8.withContiguousStorageIfAvailable { y in compareBytes(x, y) }
  }
  if let fast, let result = fast { return result }
  var a = a, b = b
  return a.withUTF8 { x in b.withUTF8 { y in compareBytes(x, y) } }
}

/// A value normalised for grouping, DISTINCT, hash joins and `in (…)` lists: equal keys are
/// SQLite-equal values (1, 1.0 and true are one key; '1' is another). Texts are equal when their
/// bytes are, as SQLite's BINARY collation has it: not by Swift's `String ==`, which would make
/// 'é' and 'e' + U+0301 one key.
enum GroupKey: Hashable, Sendable {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)

  @inline(__always) init(_ v: Value) {
    switch v {
    case .null: self = .null
    case .integer(let i): self = .integer(i)
    case .boolean(let b): self = .integer(b ? 1 : 0)
    case .real(let r):
      if let i = SQLiteNumbers.exactInteger(r) { self = .integer(i) } else { self = .real(r) }
    case .text(let s): self = .text(s)
    }
  }

  static func == (a: GroupKey, b: GroupKey) -> Bool {
    switch (a, b) {
    case (.null, .null): true
    case (.integer(let x), .integer(let y)): x == y
    case (.real(let x), .real(let y)): x == y
    case (.text(let x), .text(let y)): compareText(x, y) == 0
    default: false
    }
  }

  func hash(into hasher: inout Hasher) {
    switch self {
    case .null: hasher.combine(0 as UInt8)
    case .integer(let i):
      hasher.combine(1 as UInt8)
      hasher.combine(i)
    case .real(let r):
      hasher.combine(2 as UInt8)
      hasher.combine(r)
    case .text(var s):
      hasher.combine(3 as UInt8)
      s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
  }
}
