/// How tightly operators bind, loosest first, as in SQLite.
enum Precedence: Int, Comparable {
  case or = 1
  case and
  case not
  /// `= == != <> is [not] null [not] in [not] like [not] between`
  case equality
  /// `< <= > >=`
  case comparison
  case additive
  case multiplicative
  case concat
  case prefix
  case primary

  static func < (a: Precedence, b: Precedence) -> Bool { a.rawValue < b.rawValue }
  var tighter: Precedence { Precedence(rawValue: rawValue + 1) ?? .primary }
}

/// An expression and the height of its tree.
struct ParsedExpr {
  var expr: Expr
  var height: Int
}

/// An operator that follows an operand.
enum InfixOperator {
  case binary(BinaryOperator, Precedence)
  case isNull
  case match(MatchOperator, negated: Bool)
  case between(negated: Bool)
  case `in`(negated: Bool)
}

/// Expressions by precedence climbing: the operators of one level loop, so that a long chain
/// does not deepen the stack; only parentheses, prefix operators and right operands recurse.
///
/// The functions on the recursive path are kept small (one job each, errors built in helpers)
/// because debug builds give every temporary of a function its own stack slot.
extension Parser {
  mutating func parseExpression() throws -> Expr {
    try expression(.or).expr
  }

  /// An expression whose operators bind at least as tightly as `minimum`.
  mutating func expression(_ minimum: Precedence) throws -> ParsedExpr {
    try enterNesting()
    defer { depth -= 1 }
    var left = try prefixExpression()
    while let infix = infixOperator(atLeast: minimum) {
      left = try apply(infix, to: left)
      try checkHeight(left)
    }
    return left
  }

  /// The operator at the current token if it binds at least as tightly as `minimum`.
  private mutating func infixOperator(atLeast minimum: Precedence) -> InfixOperator? {
    let token = current
    switch token.kind {
    case .symbol(let symbol):
      guard let (op, level) = Parser.binaryOperator(symbol), level >= minimum else { return nil }
      return .binary(op, level)
    case .word:
      let negated = token.keyword == .not
      let keyword = negated ? peek().keyword : token.keyword
      let infix: InfixOperator? =
        switch keyword {
        case .or where !negated: .binary(.or, .or)
        case .and where !negated: .binary(.and, .and)
        case .is where !negated: .isNull
        case .like: .match(.like, negated: negated)
        case .glob: .match(.glob, negated: negated)
        case .regexp: .match(.regexp, negated: negated)
        case .between: .between(negated: negated)
        case .in: .in(negated: negated)
        default: nil
        }
      guard let infix else {
        expected.append(contentsOf: [.and, .or, .not, .is, .in, .like, .glob, .regexp, .between])
        return nil
      }
      let level: Precedence =
        switch infix {
        case .binary(_, let level): level
        default: .equality
        }
      return level >= minimum ? infix : nil
    default:
      return nil
    }
  }

  private mutating func apply(_ infix: InfixOperator, to left: ParsedExpr) throws -> ParsedExpr {
    switch infix {
    case .binary(let op, let level): try binary(op, level, left)
    case .isNull: try isNull(left)
    case .match(let op, let negated): try match(op, left, negated: negated)
    case .between(let negated): try between(left, negated: negated)
    case .in(let negated): try inList(left, negated: negated)
    }
  }

  private mutating func binary(_ op: BinaryOperator, _ level: Precedence, _ left: ParsedExpr)
    throws -> ParsedExpr
  {
    advance()
    let right = try expression(level.tighter)
    return node(.binary(op, left.expr, right.expr), from: left, max(left.height, right.height))
  }

  private mutating func isNull(_ left: ParsedExpr) throws -> ParsedExpr {
    advance()
    let negated = accept(.not)
    try expect(.null, negated ? "'null' after 'is not'" : "'null' or 'not null' after 'is'")
    return node(.isNull(left.expr, negated: negated), from: left, left.height)
  }

  /// `like p [escape c]`, `glob p`, `regexp p`.
  private mutating func match(_ op: MatchOperator, _ left: ParsedExpr, negated: Bool) throws
    -> ParsedExpr
  {
    advanceOperator(negated)
    let pattern = try expression(.comparison)
    var height = max(left.height, pattern.height)
    var escape: Expr?
    if op == .like, accept(.escape) {
      let parsed = try expression(.comparison)
      height = max(height, parsed.height)
      escape = parsed.expr
    }
    return node(
      .match(op, left.expr, pattern: pattern.expr, escape: escape, negated: negated), from: left,
      height)
  }

  private mutating func between(_ left: ParsedExpr, negated: Bool) throws -> ParsedExpr {
    advanceOperator(negated)
    let low = try expression(.comparison)
    try expect(.and, "'and' in 'between … and …'")
    let high = try expression(.comparison)
    return node(
      .between(left.expr, low: low.expr, high: high.expr, negated: negated), from: left,
      max(left.height, low.height, high.height))
  }

  /// `(a, b, …)` after `in`; the list may be empty, as in SQLite.
  private mutating func inList(_ left: ParsedExpr, negated: Bool) throws -> ParsedExpr {
    advanceOperator(negated)
    if [.select, .with, .values].contains(where: peek().isKeyword), current.isSymbol(.leftParen) {
      let query = try parseParenthesizedSelect()
      return node(.inSubquery(left.expr, query, negated: negated), from: left, left.height)
    }
    try expect(.leftParen, "'(' after 'in'")
    var items: [Expr] = []
    var height = left.height
    if !current.isSymbol(.rightParen) {
      repeat {
        let item = try expression(.or)
        height = max(height, item.height)
        items.append(item.expr)
      } while accept(.comma)
    }
    try expect(.rightParen, items.isEmpty ? "an expression or ')'" : "',' or ')'")
    return node(.inList(left.expr, items, negated: negated), from: left, height)
  }

  /// `-x`, `+x`, `not x`, or a primary expression. As in SQLite, `not` may stand where any
  /// operand may (`a = not b`), and takes everything that binds tighter than itself.
  private mutating func prefixExpression() throws -> ParsedExpr {
    guard let op = prefixOperator() else { return try primary() }
    let start = current.range.start
    advance()
    let operand = try expression(op == .not ? .not : .prefix)
    return ParsedExpr(
      expr: Expr(.unary(op, operand.expr), range: range(from: start)), height: operand.height + 1)
  }

  private func prefixOperator() -> UnaryOperator? {
    switch current.kind {
    case .symbol(.minus): .negate
    case .symbol(.plus): .plus
    case .word where current.keyword == .not: .not
    default: nil
    }
  }

  private mutating func primary() throws -> ParsedExpr {
    switch current.kind {
    case .symbol(.leftParen): try parenthesized()
    case .word, .quotedIdentifier: try wordExpression()
    default: try literal()
    }
  }

  private mutating func parenthesized() throws -> ParsedExpr {
    let start = current.range.start
    if [.select, .with, .values].contains(where: peek().isKeyword) {
      let query = try parseParenthesizedSelect()
      return ParsedExpr(expr: Expr(.subquery(query), range: range(from: start)), height: 1)
    }
    advance()
    let inner = try expression(.or)
    try expect(.rightParen, "')'")
    // The parentheses belong to the range; the tree is the inner expression's.
    return ParsedExpr(expr: Expr(inner.expr.kind, range: range(from: start)), height: inner.height)
  }

  /// A number or string literal.
  private mutating func literal() throws -> ParsedExpr {
    let token = current
    let literal: Literal
    switch token.kind {
    case .integer:
      // Too large for 64 bits: a real, as in SQLite.
      literal =
        Int64(token.text).map(Literal.integer)
        ?? .real(Double(token.text) ?? .infinity, text: token.text)
    case .decimal:
      literal = .real(Double(token.text) ?? 0, text: token.text)
    case .string:
      literal = .string(token.value)
    default:
      try fail(expected: "an expression")
    }
    _ = try take()
    return ParsedExpr(expr: Expr(.literal(literal), range: token.range), height: 1)
  }

  /// `null`, `true`, `false`, `column`, `table.column` or `function(…)`.
  private mutating func wordExpression() throws -> ParsedExpr {
    let token = current
    switch token.keyword {
    case .null, .true, .false:
      advance()
      let literal: Literal = token.keyword == .null ? .null : .boolean(token.keyword == .true)
      return ParsedExpr(expr: Expr(.literal(literal), range: token.range), height: 1)
    case .case:
      return try caseExpression()
    case .cast where peek().isSymbol(.leftParen):
      return try castExpression()
    case .exists:
      advance()
      guard current.isSymbol(.leftParen) else { try fail(expected: "'(select …)' after 'exists'") }
      let query = try parseParenthesizedSelect()
      return ParsedExpr(
        expr: Expr(.exists(query), range: range(from: token.range.start)), height: 1)
    default:
      break
    }
    let name = try parseName(what: "an expression")
    if current.isSymbol(.leftParen) { return try call(name) }
    var table: Identifier?
    var column = name
    if accept(.dot) {
      table = name
      column = try parseName(what: "a column name after '\(name.name).'")
    }
    let expr = Expr(.column(table: table, name: column), range: range(from: token.range.start))
    return ParsedExpr(expr: expr, height: 1)
  }

  /// `name(args)`, `name(distinct arg)`, `count(*)`.
  private mutating func call(_ name: Identifier) throws -> ParsedExpr {
    advance()
    var arguments: [Expr] = []
    var distinct = false
    var star = false
    var height = 0
    if current.isSymbol(.star), peek().isSymbol(.rightParen) {
      advance()
      star = true
    } else if !current.isSymbol(.rightParen) {
      distinct = accept(.distinct)
      repeat {
        let argument = try expression(.or)
        height = max(height, argument.height)
        arguments.append(argument.expr)
      } while accept(.comma)
    }
    try expect(.rightParen, arguments.isEmpty ? "an argument or ')'" : "',' or ')'")
    let expr = Expr(
      .call(name: name, arguments: arguments, distinct: distinct, star: star),
      range: range(from: name.range.start))
    return ParsedExpr(expr: expr, height: height + 1)
  }

  /// `case [operand] when c then r … [else e] end`.
  private mutating func caseExpression() throws -> ParsedExpr {
    let start = current.range.start
    advance()
    var height = 0
    var operand: Expr?
    if !current.isKeyword(.when) {
      let parsed = try expression(.or)
      height = parsed.height
      operand = parsed.expr
    }
    var whens: [WhenClause] = []
    while accept(.when) {
      let condition = try expression(.or)
      try expect(.then, "'then' after the condition of 'when'")
      let result = try expression(.or)
      height = max(height, condition.height, result.height)
      whens.append(WhenClause(condition: condition.expr, result: result.expr))
    }
    guard !whens.isEmpty else { try fail(expected: "'when' in 'case'") }
    var otherwise: Expr?
    if accept(.else) {
      let parsed = try expression(.or)
      height = max(height, parsed.height)
      otherwise = parsed.expr
    }
    try expect(.end, otherwise == nil ? "'when', 'else' or 'end'" : "'end' after 'else'")
    let expr = Expr(
      .caseWhen(operand: operand, whens: whens, otherwise: otherwise), range: range(from: start))
    return ParsedExpr(expr: expr, height: height + 1)
  }

  /// `cast(x as type name)`: the type is one or more words, then an optional `(n[, m])`.
  private mutating func castExpression() throws -> ParsedExpr {
    let start = current.range.start
    advance()
    advance()
    let value = try expression(.or)
    try expect(.as, "'as' in 'cast(… as type)'")
    var words: [String] = []
    while current.kind == .word, !current.isSymbol(.rightParen), words.count < 8 {
      words.append(try take().text)
    }
    guard !words.isEmpty else { try fail(expected: "a type name after 'as'") }
    if accept(.leftParen) {
      var size = ""
      while !current.isSymbol(.rightParen), current.kind != .endOfInput {
        size += try take().text
      }
      try expect(.rightParen, "')' after the size of the type")
      words[words.count - 1] += "(\(size))"
    }
    try expect(.rightParen, "')' after the type of 'cast'")
    let expr = Expr(
      .cast(value.expr, CastType(name: words.joined(separator: " "))), range: range(from: start))
    return ParsedExpr(expr: expr, height: value.height + 1)
  }

  // MARK: Helpers

  private mutating func advanceOperator(_ negated: Bool) {
    if negated { advance() }
    advance()
  }

  private func node(_ kind: Expr.Kind, from left: ParsedExpr, _ childHeight: Int) -> ParsedExpr {
    ParsedExpr(expr: Expr(kind, range: range(from: left.expr.range.start)), height: childHeight + 1)
  }

  mutating func enterNesting() throws {
    depth += 1
    if depth > Parser.maximumNestingDepth {
      throw failure(
        ParseMessage.tooDeeplyNested(Parser.maximumNestingDepth), at: current.range)
    }
  }

  private func checkHeight(_ expr: ParsedExpr) throws {
    if expr.height > Parser.maximumExpressionHeight {
      throw failure(ParseMessage.tooLong(Parser.maximumExpressionHeight), at: expr.expr.range)
    }
  }

  static func binaryOperator(_ symbol: Token.Symbol) -> (BinaryOperator, Precedence)? {
    switch symbol {
    case .equal, .doubleEqual: (.equal, .equality)
    case .notEqual, .lessGreater: (.notEqual, .equality)
    case .less: (.less, .comparison)
    case .lessEqual: (.lessEqual, .comparison)
    case .greater: (.greater, .comparison)
    case .greaterEqual: (.greaterEqual, .comparison)
    case .plus: (.add, .additive)
    case .minus: (.subtract, .additive)
    case .star: (.multiply, .multiplicative)
    case .slash: (.divide, .multiplicative)
    case .percent: (.remainder, .multiplicative)
    case .concat: (.concat, .concat)
    default: nil
    }
  }
}
