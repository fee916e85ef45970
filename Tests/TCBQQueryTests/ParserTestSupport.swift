import TCBQQuery
import Testing

/// Parses exactly one statement that must parse; records an issue otherwise.
func parseOne(_ source: String, sourceLocation: Testing.SourceLocation = #_sourceLocation)
  -> Statement?
{
  let result = Script.parse(source)
  #expect(
    result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))",
    sourceLocation: sourceLocation)
  #expect(result.statements.count == 1, sourceLocation: sourceLocation)
  return result.statements.first?.statement
}

/// Parses `select EXPR from t` and returns EXPR.
func parseExpr(_ source: String, sourceLocation: Testing.SourceLocation = #_sourceLocation)
  -> Expr?
{
  guard
    case .select(let select) = parseOne("select \(source) from t", sourceLocation: sourceLocation),
    case .expression(let expr, _) = select.items.first
  else { return nil }
  return expr
}

/// An expression with parentheses around every operation, to show how it was grouped.
func grouped(_ expr: Expr) -> String {
  switch expr.kind {
  case .literal, .column: return expr.sourceText
  case .unary(let op, let operand):
    return op == .not ? "(not \(grouped(operand)))" : "(\(op.rawValue)\(grouped(operand)))"
  case .binary(let op, let left, let right):
    return "(\(grouped(left)) \(op.rawValue) \(grouped(right)))"
  case .match(let op, let value, let pattern, let escape, let negated):
    return "(\(grouped(value)) \(negated ? "not " : "")\(op.rawValue) \(grouped(pattern))"
      + (escape.map { " escape \(grouped($0))" } ?? "") + ")"
  case .caseWhen(let operand, let whens, let otherwise):
    return "(case" + (operand.map { " " + grouped($0) } ?? "")
      + whens.map { " when \(grouped($0.condition)) then \(grouped($0.result))" }.joined()
      + (otherwise.map { " else " + grouped($0) } ?? "") + " end)"
  case .cast(let value, let type):
    return "cast(\(grouped(value)) as \(type.name))"
  case .subquery(let query):
    return "(\(query.sourceText))"
  case .inSubquery(let value, let query, let negated):
    return "(\(grouped(value)) \(negated ? "not in" : "in") (\(query.sourceText)))"
  case .exists(let query):
    return "exists (\(query.sourceText))"
  case .inList(let value, let list, let negated):
    return
      "(\(grouped(value)) \(negated ? "not in" : "in") [\(list.map(grouped).joined(separator: ", "))])"
  case .between(let value, let low, let high, let negated):
    return
      "(\(grouped(value)) \(negated ? "not between" : "between") \(grouped(low)) and \(grouped(high)))"
  case .isNull(let value, let negated):
    return "(\(grouped(value)) \(negated ? "is not null" : "is null"))"
  case .call(let name, let arguments, let distinct, let star):
    if star { return "\(name.name)(*)" }
    return
      "\(name.name)(\(distinct ? "distinct " : "")\(arguments.map(grouped).joined(separator: ", ")))"
  }
}
