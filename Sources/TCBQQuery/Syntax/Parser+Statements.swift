extension Parser {
  /// Parses the whole statement; every token must be used.
  mutating func parseStatement() throws -> ParsedStatement {
    let first = current
    let start = first.range.start
    guard first.kind == .word, let keyword = first.keyword, keyword.startsStatement else {
      throw unknownStatement()
    }
    advance()
    let statement: Statement
    switch keyword {
    case .select:
      statement = .select(try parseSelect(start: start))
    case .with:
      statement = .select(try parseWith(start: start))
    case .values:
      statement = .select(try parseCompound(try parseValuesCore(start: start), start: start))
    case .explain:
      statement = .explain(
        try parseQuery(start: start, what: "'select', 'with' or 'values' after 'explain'"))
    case .shares:
      try expect(.of, "'of' after 'shares'")
      statement = .sharesOf(try parseWords(what: "an appid"))
    case .share:
      statement = try parseWrite(.share)
    case .unshare:
      statement = try parseWrite(.unshare)
    case .create:
      try expect(.table, "'table' after 'create'")
      let name = try parseName(what: "a table name after 'create table'")
      try expect(.as, "'as' after the table name")
      let query = try parseQuery(
        start: current.range.start, what: "'select', 'with' or 'values' after 'as'")
      statement = .createTable(name, query)
    case .drop:
      try expect(.table, "'table' after 'drop'")
      statement = .dropTable(try parseName(what: "a table name after 'drop table'"))
    case .show:
      try expect(.tables, "'tables' after 'show'")
      statement = .showTables
    case .describe:
      statement = .describe(try parseName(what: "a table name after 'describe'"))
    case .refresh:
      statement = .refresh(isAtEnd ? nil : try parseName(what: "a table name or the end"))
    default:
      throw unknownStatement()
    }
    guard isAtEnd else { throw failure(expected: "end of statement") }
    return ParsedStatement(statement: statement, range: range(from: start))
  }

  private func unknownStatement() -> ParseFailure {
    let token = current
    if let problem = token.problem { return failure(problem, token) }
    guard token.kind == .word else { return failure(expected: "a statement") }
    let keywords = Keyword.statementKeywords.map(\.rawValue)
    return failure(
      ParseMessage.unknownStatement(ParseMessage.clipped(token.text)), at: token.range,
      suggestion: Suggestions.closest(to: token.text, among: keywords).map(
        Suggestions.didYouMean))
  }

  // MARK: select

  /// A query starting at the current token: `select …`, `with …` or `values …`.
  mutating func parseQuery(start: SourceLocation, what: String) throws -> SelectStatement {
    if accept(.with) { return try parseWith(start: start) }
    if accept(.values) { return try parseCompound(try parseValuesCore(start: start), start: start) }
    try expect(.select, what)
    return try parseSelect(start: start)
  }

  /// A select, or a compound of selects, with the `order by` and `limit` of the whole; the
  /// `select` is taken.
  mutating func parseSelect(start: SourceLocation) throws -> SelectStatement {
    try parseCompound(try parseSelectCore(start: start), start: start)
  }

  /// The rest of a compound after its first select (`first`), then the `order by` and
  /// `limit` of the whole.
  private mutating func parseCompound(_ first: SelectStatement, start: SourceLocation) throws
    -> SelectStatement
  {
    var select = first
    while let op = compoundOperator() {
      let termStart = current.range.start
      let term: SelectStatement
      if accept(.values) {
        term = try parseValuesCore(start: termStart)
      } else {
        try expect(.select, "'select' or 'values' after '\(op.rawValue)'")
        term = try parseSelectCore(start: termStart)
      }
      select.compound.append(CompoundTerm(op: op, query: .select(term)))
    }
    if accept(.order) {
      try expect(.by, "'by' after 'order'")
      select.orderBy = [try parseOrderItem()]
      while accept(.comma) { select.orderBy.append(try parseOrderItem()) }
    }
    if accept(.limit) {
      select.limit = try parseExpression()
      if accept(.offset) {
        select.offset = try parseExpression()
      } else if accept(.comma) {
        // SQLite's `limit OFFSET, COUNT`.
        select.offset = select.limit
        select.limit = try parseExpression()
      }
    }
    select.range = range(from: start)
    return select
  }

  /// `union [all]`, `intersect` or `except`, taken; nil when none follows.
  private mutating func compoundOperator() -> CompoundOperator? {
    if accept(.union) { return accept(.all) ? .unionAll : .union }
    if accept(.intersect) { return .intersect }
    if accept(.except) { return .except }
    return nil
  }

  /// `select … [from …] [where] [group by] [having]`.
  private mutating func parseSelectCore(start: SourceLocation) throws -> SelectStatement {
    let distinct = accept(.distinct)
    var items = [try parseSelectItem()]
    while accept(.comma) { items.append(try parseSelectItem()) }
    let from: TableRef
    if accept(.from) {
      from = try parseTableRef()
    } else if endsSelectWithoutFrom {
      from = .noTable(at: current.range)
    } else {
      throw failure(expected: "',' or 'from' after a select item")
    }
    var select = SelectStatement(
      distinct: distinct, items: items, from: from, range: range(from: start))
    if !from.isNoTable {
      while let join = try parseJoin() { select.joins.append(join) }
    }
    if accept(.where) { select.whereClause = try parseExpression() }
    if accept(.group) {
      try expect(.by, "'by' after 'group'")
      select.groupBy = try parseExpressionList()
    }
    if accept(.having) { select.having = try parseExpression() }
    select.range = range(from: start)
    return select
  }

  /// Whether the select list may end here without `from` (`select 1 + 1`, `select 1 where …`).
  private var endsSelectWithoutFrom: Bool {
    let enders: [Keyword] = [.where, .group, .having, .order, .limit, .union, .intersect, .except]
    return isAtEnd || current.isSymbol(.rightParen) || enders.contains(where: current.isKeyword)
  }

  /// `values (…), (…)`, the `values` taken: one row is a select without `from` of columns
  /// `column1`, `column2`, …; more rows are the `union all` of those, as a table of the select.
  private mutating func parseValuesCore(start: SourceLocation) throws -> SelectStatement {
    var rows: [[Expr]] = []
    repeat {
      let rowStart = current.range
      try expect(.leftParen, "'(' and the values of a row")
      let row = try parseExpressionList()
      try expect(.rightParen, "',' or ')' after a value")
      if let width = rows.first?.count, width != row.count {
        throw failure(
          "all VALUES must have the same number of terms (this row has \(row.count), the first \(width))",
          at: rowStart)
      }
      rows.append(row)
    } while accept(.comma)
    let selects = rows.map { row in
      SelectStatement(
        items: row.enumerated().map { index, expr in
          .expression(expr, alias: Identifier(name: "column\(index + 1)", range: expr.range))
        }, from: .noTable(at: current.range), range: range(from: start))
    }
    guard selects.count > 1 else { return selects[0] }
    var union = selects[0]
    union.compound = selects.dropFirst().map { CompoundTerm(op: .unionAll, query: .select($0)) }
    let table = TableRef(
      name: Identifier(name: "(subquery)", range: range(from: start)), alias: nil,
      subquery: .select(union))
    return SelectStatement(
      items: [.star(range(from: start))], from: table, range: range(from: start))
  }

  private mutating func parseSelectItem() throws -> SelectItem {
    if current.isSymbol(.star) {
      let star = try take()
      return .star(star.range)
    }
    if isName(current), peek().isSymbol(.dot), peek(2).isSymbol(.star) {
      let table = try parseName(what: "a table name")
      advance()
      advance()
      return .tableStar(table)
    }
    let expr = try parseExpression()
    let alias = try parseAlias(followers: [.from], followingSymbols: [.comma])
    return .expression(expr, alias: alias)
  }

  private mutating func parseTableRef() throws -> TableRef {
    let followers: [Keyword] = [
      .where, .group, .having, .order, .limit, .join, .inner, .left, .cross, .natural, .on, .using,
    ]
    if current.isSymbol(.leftParen) {
      let open = current.range
      let query = try parseParenthesizedSelect()
      let alias = try parseAlias(followers: followers, followingSymbols: [])
      // Without an alias the subquery's columns are reached unqualified.
      let name = alias ?? Identifier(name: "(subquery)", range: open)
      return TableRef(name: name, alias: alias, subquery: .select(query))
    }
    let name = try parseName(what: "a table name or '(select …)'")
    let alias = try parseAlias(followers: followers, followingSymbols: [])
    return TableRef(name: name, alias: alias)
  }

  /// `(select …)`, the current token being the `(`.
  mutating func parseParenthesizedSelect() throws -> SelectStatement {
    try expect(.leftParen, "'('")
    try enterNesting()
    defer { depth -= 1 }
    let start = current.range.start
    let query = try parseQuery(start: start, what: "'select' in '(select …)'")
    try expect(.rightParen, "')' after the subquery")
    return query
  }

  /// `with name [(columns)] as (select …), … select …`, after the `with`.
  mutating func parseWith(start: SourceLocation) throws -> SelectStatement {
    let recursive = accept(.recursive)
    var ctes: [CommonTableExpression] = []
    repeat {
      let name = try parseName(what: "a name for the 'with' table")
      var columns: [Identifier] = []
      if accept(.leftParen) {
        repeat { columns.append(try parseName(what: "a column name")) } while accept(.comma)
        try expect(.rightParen, "',' or ')' after the column names")
      }
      try expect(.as, "'as' after the name of the 'with' table")
      let query = try parseParenthesizedSelect()
      ctes.append(CommonTableExpression(name: name, columns: columns, query: .select(query)))
    } while accept(.comma)
    let bodyStart = current.range.start
    var select: SelectStatement
    if accept(.values) {
      select = try parseCompound(try parseValuesCore(start: bodyStart), start: bodyStart)
    } else {
      try expect(.select, "',' or 'select' after the 'with' tables")
      select = try parseSelect(start: bodyStart)
    }
    select.with = ctes
    select.withIsRecursive = recursive
    select.range = range(from: start)
    return select
  }

  /// `, t`, or `[natural] [inner|left [outer]|cross] join t [on expr|using (col, …)]`.
  private mutating func parseJoin() throws -> Join? {
    let start = current.range.start
    if accept(.comma) {
      let table = try parseTableRef()
      return Join(kind: .comma, table: table, constraint: .none, range: range(from: start))
    }
    let natural = accept(.natural)
    let kind: Join.Kind
    if accept(.join) {
      kind = .inner
    } else if accept(.inner) {
      try expect(.join, "'join' after 'inner'")
      kind = .inner
    } else if accept(.left) {
      _ = accept(.outer)
      try expect(.join, "'join' after 'left'")
      kind = .left
    } else if accept(.cross) {
      try expect(.join, "'join' after 'cross'")
      kind = .cross
    } else {
      if natural { throw failure(expected: "'join' after 'natural'") }
      return nil
    }
    let table = try parseTableRef()
    let constraint = try parseJoinConstraint(natural: natural)
    return Join(kind: kind, table: table, constraint: constraint, range: range(from: start))
  }

  /// `on expr`, `using (col, …)` or nothing; a natural join takes neither.
  private mutating func parseJoinConstraint(natural: Bool) throws -> Join.Constraint {
    if natural {
      if current.isKeyword(.on) || current.isKeyword(.using) {
        throw failure("a natural join may not have an ON or USING clause", at: current.range)
      }
      return .natural
    }
    if accept(.on) { return .on(try parseExpression()) }
    guard accept(.using) else { return .none }
    try expect(.leftParen, "'(' and column names after 'using'")
    var names = [try parseName(what: "a column name")]
    while accept(.comma) { names.append(try parseName(what: "a column name")) }
    try expect(.rightParen, "',' or ')' after the column names")
    return .using(names)
  }

  private mutating func parseOrderItem() throws -> OrderItem {
    let expr = try parseExpression()
    if accept(.desc) { return OrderItem(expr: expr, descending: true) }
    _ = accept(.asc)
    return OrderItem(expr: expr, descending: false)
  }

  mutating func parseExpressionList() throws -> [Expr] {
    var list = [try parseExpression()]
    while accept(.comma) { list.append(try parseExpression()) }
    return list
  }

  // MARK: Names

  /// Whether the token can name a table, column or alias: a word that is no reserved keyword,
  /// or a double-quoted name.
  func isName(_ token: Token) -> Bool {
    switch token.kind {
    case .word: token.keyword.map { !$0.isReserved } ?? true
    case .quotedIdentifier: true
    default: false
    }
  }

  mutating func parseName(what: String) throws -> Identifier {
    guard isName(current) else { throw failure(expected: what) }
    let token = try take()
    return Identifier(name: token.value, range: token.range)
  }

  /// `[as] name`. Without `as`, a word is an alias unless it looks like a misspelt keyword
  /// that belongs here (`form` before a table name, `oder` before `by`) or a misspelt statement
  /// word at the start of a line, and what follows could not follow an alias.
  private mutating func parseAlias(followers: [Keyword], followingSymbols: [Token.Symbol])
    throws -> Identifier?
  {
    if accept(.as) {
      if current.kind == .string {
        let token = try take()
        return Identifier(name: token.value, range: token.range)
      }
      return try parseName(what: "an alias after 'as'")
    }
    let candidate = current
    guard isName(candidate), candidate.problem == nil else { return nil }
    let next = peek()
    let nextFits =
      next.kind == .endOfInput || followingSymbols.contains(where: next.isSymbol)
      || followers.contains(where: next.isKeyword)
    if candidate.kind == .word {
      let statementWords = Keyword.statementKeywords.map(\.rawValue)
      if candidate.isFirstOnLine,
        Suggestions.closest(to: candidate.text, among: statementWords) != nil
      {
        return nil
      }
      if !nextFits,
        Suggestions.closest(to: candidate.text, among: followers.map(\.rawValue)) != nil
      {
        expected.append(contentsOf: followers)
        return nil
      }
    }
    advance()
    return Identifier(name: candidate.value, range: candidate.range)
  }
}
