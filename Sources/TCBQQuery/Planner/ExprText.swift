/// Source text of expressions: the text as written when the source is known, else a rendering.
struct ExprText {
  var source: String?

  func text(_ range: SourceRange, fallback: @autoclosure () -> String) -> String {
    guard let source else { return fallback() }
    let utf8 = source.utf8
    guard range.start.offset >= 0, range.end.offset <= utf8.count,
      range.start.offset < range.end.offset
    else { return fallback() }
    let start = utf8.index(utf8.startIndex, offsetBy: range.start.offset)
    let end = utf8.index(utf8.startIndex, offsetBy: range.end.offset)
    return String(decoding: utf8[start..<end], as: UTF8.self)
  }

  func text(_ expr: Expr) -> String {
    text(expr.range, fallback: Self.render(expr))
  }

  /// A rendering of an expression in the language's syntax.
  static func render(_ expr: Expr) -> String {
    switch expr.kind {
    case .literal(let l):
      switch l {
      case .null: return "null"
      case .integer(let i): return String(i)
      case .real(_, let text): return text
      case .string(let s): return "'" + s.doublingQuotes + "'"
      case .boolean(let b): return b ? "true" : "false"
      }
    case .column(let table, let name):
      return table.map { "\($0.name).\(name.name)" } ?? name.name
    case .unary(let op, let e):
      return op == .not ? "not \(wrapped(e))" : "\(op.rawValue)\(wrapped(e))"
    case .binary(let op, let a, let b):
      return "\(wrapped(a)) \(op.rawValue) \(wrapped(b))"
    case .like(let a, let p, let negated):
      return "\(wrapped(a)) \(negated ? "not like" : "like") \(wrapped(p))"
    case .inList(let e, let list, let negated):
      return "\(wrapped(e)) \(negated ? "not in" : "in") (\(list.map(render).joined(separator: ", ")))"
    case .between(let e, let lo, let hi, let negated):
      return "\(wrapped(e)) \(negated ? "not between" : "between") \(wrapped(lo)) and \(wrapped(hi))"
    case .isNull(let e, let negated):
      return "\(wrapped(e)) is \(negated ? "not null" : "null")"
    case .call(let name, let args, let distinct, let star):
      if star { return "\(name.name)(*)" }
      return "\(name.name)(\(distinct ? "distinct " : "")\(args.map(render).joined(separator: ", ")))"
    }
  }

  private static func wrapped(_ e: Expr) -> String {
    switch e.kind {
    case .literal, .column, .call: render(e)
    default: "(\(render(e)))"
    }
  }
}

extension String {
  fileprivate var doublingQuotes: String {
    split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''")
  }
}
