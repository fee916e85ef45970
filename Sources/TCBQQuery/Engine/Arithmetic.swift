/// Arithmetic and concatenation with SQLite's typing.
enum Arithmetic {
  static func apply(_ op: BinaryOperator, _ a: Value, _ b: Value) -> Value {
    if op == .concat {
      guard let x = a.sqlText, let y = b.sqlText else { return .null }
      return .text(x + y)
    }
    guard let x = a.arithmetic, let y = b.arithmetic else { return .null }
    if case .integer(let i) = x, case .integer(let j) = y {
      switch op {
      case .add:
        let (r, o) = i.addingReportingOverflow(j)
        return o ? .real(Double(i) + Double(j)) : .integer(r)
      case .subtract:
        let (r, o) = i.subtractingReportingOverflow(j)
        return o ? .real(Double(i) - Double(j)) : .integer(r)
      case .multiply:
        let (r, o) = i.multipliedReportingOverflow(by: j)
        return o ? .real(Double(i) * Double(j)) : .integer(r)
      case .divide:
        if j == 0 { return .null }
        if i == .min, j == -1 { return .real(Double(i) / Double(j)) }
        return .integer(i / j)
      case .remainder:
        if j == 0 { return .null }
        if j == -1 { return .integer(0) }
        return .integer(i % j)
      default:
        return .null
      }
    }
    let r = real(x), s = real(y)
    let result: Double
    switch op {
    case .add: result = r + s
    case .subtract: result = r - s
    case .multiply: result = r * s
    case .divide:
      if s == 0 { return .null }
      result = r / s
    case .remainder:
      let i = SQLiteNumbers.truncate(r)
      var j = SQLiteNumbers.truncate(s)
      if j == 0 { return .null }
      if j == -1 { j = 1 }
      result = Double(i % j)
    default: return .null
    }
    return result.isNaN ? .null : .real(result)
  }

  @inline(__always)
  private static func real(_ v: Value) -> Double {
    switch v {
    case .integer(let i): Double(i)
    case .real(let r): r
    default: 0
    }
  }

  static func negate(_ v: Value) -> Value {
    switch v.arithmetic {
    case nil: return .null
    case .integer(let i)?: return i == .min ? .real(-Double(i)) : .integer(-i)
    case .real(let r)?: return .real(-r)
    default: return .null
    }
  }
}
