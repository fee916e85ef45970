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
    let written = text(expr.range, fallback: expr.sourceText)
    // A source that is not the one the ranges point into gives the canonical text instead.
    let key = written.lowercased()
    switch expr.kind {
    case .call(let name, _, _, _) where !key.hasPrefix(name.key):
      return expr.sourceText
    case .column(_, let name) where !key.hasSuffix(name.key):
      return expr.sourceText
    default:
      return written
    }
  }
}
