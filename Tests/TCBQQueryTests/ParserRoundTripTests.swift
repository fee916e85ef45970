import TCBQQuery
import Testing

/// A seeded random number generator (SplitMix64), so failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Random well-formed statements, in the shapes the parser produces.
struct StatementGenerator {
  var random: SeededGenerator

  static let names = [
    "env_id", "status", "region", "a", "B", "x1", "_y", "select", "from", "my col", "状态", "tables",
    "share", "he said \"hi\"", "",
  ]
  static let functions = ["lower", "upper", "length", "substr", "coalesce", "ifnull", "sum", "max"]
  static let words = [
    "wx1a2b3c4d5e6f7a8b", "prod-3fa9c1", "test-1", "a_b", "123", "with space", "it's", "a--b",
    "-x", "",
  ]
  static let strings = ["", "NORMAL", "it's", "a\nselect b", "%ap-%", "状态", "''", "-- no comment"]
  static let decimals = ["1.5", ".5", "1.", "1e3", "2.5E-3", "99999999999999999999", "0.0"]

  private mutating func int(_ range: ClosedRange<Int>) -> Int {
    Int.random(in: range, using: &random)
  }
  private mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }
  private mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }

  mutating func identifier() -> Identifier { Identifier(name: pick(Self.names), range: .zero) }

  mutating func expr(depth: Int) -> Expr {
    let kind: Expr.Kind
    if depth <= 0 || chance(25) {
      switch int(0...5) {
      case 0: kind = .literal(.integer(Int64(int(0...1_000_000))))
      case 1:
        let text = pick(Self.decimals)
        kind = .literal(.real(Double(text)!, text: text))
      case 2: kind = .literal(.string(pick(Self.strings)))
      case 3: kind = .literal(pick([.null, .boolean(true), .boolean(false)]))
      default: kind = .column(table: chance(30) ? identifier() : nil, name: identifier())
      }
      return Expr(kind, range: .zero)
    }
    let next = depth - 1
    switch int(0...11) {
    case 0:
      kind = .unary(pick([.negate, .plus, .not]), expr(depth: next))
    case 1, 2:
      let ops: [BinaryOperator] = [
        .add, .subtract, .multiply, .divide, .remainder, .concat, .equal, .notEqual, .less,
        .lessEqual, .greater, .greaterEqual, .and, .or,
      ]
      kind = .binary(pick(ops), expr(depth: next), expr(depth: next))
    case 3:
      let op = pick([MatchOperator.like, .glob, .regexp])
      kind = .match(
        op, expr(depth: next), pattern: expr(depth: next),
        escape: op == .like && chance(30) ? expr(depth: next) : nil, negated: chance(50))
    case 7:
      kind = .caseWhen(
        operand: chance(50) ? expr(depth: next) : nil,
        whens: (0..<int(1...3)).map { _ in
          WhenClause(condition: expr(depth: next), result: expr(depth: next))
        },
        otherwise: chance(50) ? expr(depth: next) : nil)
    case 9 where chance(30):
      kind = pick([
        .subquery(core()), .exists(core()),
        .inSubquery(expr(depth: next), core(), negated: chance(50)),
      ])
    case 8:
      kind = .cast(
        expr(depth: next),
        CastType(name: pick(["integer", "real", "text", "numeric", "varchar(20)"])))
    case 4:
      kind = .inList(
        expr(depth: next), (0..<int(0...3)).map { _ in expr(depth: next) }, negated: chance(50))
    case 5:
      kind = .between(
        expr(depth: next), low: expr(depth: next), high: expr(depth: next), negated: chance(50))
    case 6:
      kind = .isNull(expr(depth: next), negated: chance(50))
    default:
      if chance(20) {
        kind = .call(
          name: Identifier(name: "count", range: .zero), arguments: [], distinct: false, star: true)
      } else {
        let arguments = (0..<int(0...3)).map { _ in expr(depth: next) }
        kind = .call(
          name: Identifier(name: pick(Self.functions), range: .zero), arguments: arguments,
          distinct: !arguments.isEmpty && chance(20), star: false)
      }
    }
    return Expr(kind, range: .zero)
  }

  mutating func select() -> SelectStatement {
    let items: [SelectItem] = (0..<int(1...4)).map { _ in
      switch int(0...5) {
      case 0: .star(.zero)
      case 1: .tableStar(identifier())
      default: .expression(expr(depth: 3), alias: chance(40) ? identifier() : nil)
      }
    }
    func table(_ generator: inout StatementGenerator) -> TableRef {
      TableRef(
        name: generator.identifier(), alias: generator.chance(50) ? generator.identifier() : nil)
    }
    var statement = SelectStatement(
      distinct: chance(20), items: items, from: table(&self), range: .zero)
    statement.joins = (0..<int(0...3)).map { _ in join(table(&self)) }
    if chance(60) { statement.whereClause = expr(depth: 4) }
    if chance(30) { statement.groupBy = (0..<int(1...3)).map { _ in expr(depth: 2) } }
    if chance(20) { statement.having = expr(depth: 2) }
    if chance(40) {
      statement.orderBy = (0..<int(1...3)).map { _ in
        OrderItem(expr: expr(depth: 2), descending: chance(50))
      }
    }
    if chance(40) {
      statement.limit = expr(depth: 1)
      if chance(50) { statement.offset = expr(depth: 1) }
    }
    if chance(15) {
      statement.compound = (0..<int(1...2)).map { _ in
        CompoundTerm(op: pick([.union, .unionAll, .intersect, .except]), query: .select(core()))
      }
    }
    if chance(10) {
      statement.with = [
        CommonTableExpression(
          name: identifier(), columns: chance(50) ? [identifier()] : [], query: .select(core()))
      ]
    }
    if chance(10) {
      // The parser names a subquery after its alias.
      let alias = identifier()
      statement.from = TableRef(name: alias, alias: alias, subquery: .select(core()))
    }
    if chance(8) {
      // A select without `from` takes no joins.
      statement.from = .noTable(at: .zero)
      statement.joins = []
    }
    statement.withIsRecursive = !statement.with.isEmpty && chance(30)
    return statement
  }

  /// A join of any kind with any constraint it can take (a comma takes none).
  mutating func join(_ table: TableRef) -> Join {
    let kind: Join.Kind = pick([.inner, .left, .cross, .comma])
    guard kind != .comma else {
      return Join(kind: kind, table: table, constraint: .none, range: .zero)
    }
    let constraint: Join.Constraint =
      switch int(0...5) {
      case 0: .natural
      case 1: .using((0..<int(1...2)).map { _ in identifier() })
      case 2: .none
      default: .on(expr(depth: 2))
      }
    return Join(kind: kind, table: table, constraint: constraint, range: .zero)
  }

  /// A small select without order, limit or compound: a compound's term, a `with` table, a
  /// subquery.
  mutating func core() -> SelectStatement {
    var select = SelectStatement(
      items: [.expression(expr(depth: 1), alias: nil)],
      from: TableRef(name: identifier(), alias: nil), range: .zero)
    if chance(50) { select.whereClause = expr(depth: 1) }
    return select
  }

  mutating func word() -> Word { Word(text: pick(Self.words), range: .zero) }

  mutating func statement() -> Statement {
    switch int(0...12) {
    case 0: .explain(select())
    case 1: .sharesOf((0..<int(1...3)).map { _ in word() })
    case 2: .share(env: word(), appids: (0..<int(1...3)).map { _ in word() })
    case 3: .unshare(env: word(), appids: (0..<int(1...3)).map { _ in word() })
    case 4: .showTables
    case 5: .describe(identifier())
    case 6: .refresh(chance(50) ? identifier() : nil)
    case 7:
      .dot(
        DotCommand(
          name: pick(["mode", "headers", "read", "output", "schema"]),
          arguments: (0..<int(0...2)).map { _ in
            pick(["csv", "on", "my file.sql", "it's", "x;", "", "a\"b"])
          },
          range: .zero))
    default: .select(select())
    }
  }
}

/// Printing a tree and parsing the text gives the same tree back (ranges aside).
struct ParserRoundTripTests {
  @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
  func randomStatementsRoundTrip(seed: UInt64) {
    var generator = StatementGenerator(random: SeededGenerator(seed: seed))
    for _ in 0..<200 {
      let statement = generator.statement()
      let text = statement.sourceText
      let result = Script.parse(text)
      #expect(result.diagnostics.isEmpty, "\(text)\n\(result.diagnostics.map(\.message))")
      #expect(result.statements.count == 1, "\(text)")
      guard let parsed = result.statements.first?.statement else { continue }
      #expect(parsed.withoutRanges == statement, "\(text)\nreparsed as \(parsed.sourceText)")
    }
  }

  @Test(arguments: [11, 12, 13] as [UInt64])
  func randomScriptsSplitIntoTheirStatements(seed: UInt64) {
    var generator = StatementGenerator(random: SeededGenerator(seed: seed))
    let statements = (0..<100).map { _ in generator.statement() }
    // One per line, no `;` — the way users write scripts.
    let script = statements.map(\.sourceText).joined(separator: "\n")
    let result = Script.parse(script)
    #expect(result.diagnostics.isEmpty)
    #expect(result.statements.map(\.statement.withoutRanges) == statements)
  }

  @Test func parsedTreesPrintAndParseToThemselves() {
    let sources = [
      "select distinct e.env_id, count(*) n from envs e left join tags t on t.env_id = e.env_id where not e.status = 'x' or e.region between 'a' and 'b' group by 1 having count(*) > 1 order by n desc limit 2, 3",
      "select -(-1), - -2, 1 - -1, (a or b) and c, (a = b) = c, a = (b = c), not (a and b) from t",
      "select a || (b || c), (a || b) || c, a * (b + c), -(a + b), (not a) = b from t",
      "select a between (b and c) and d, (a between b and c) between d and e, a like (b = c) from t",
    ]
    for source in sources {
      guard let statement = Script.parse(source).statements.first?.statement else {
        Issue.record("did not parse: \(source)")
        continue
      }
      let reparsed = Script.parse(statement.sourceText).statements.first?.statement
      #expect(reparsed?.withoutRanges == statement.withoutRanges, "\(statement.sourceText)")
      #expect(reparsed?.sourceText == statement.sourceText)
    }
  }
}
