import TCBQQuery
import Testing

/// Operators group as in SQLite: OR < AND < NOT < (= == != <> IS IN LIKE BETWEEN) < (< <= > >=)
/// < (+ -) < (* / %) < || < prefix - +.
struct ParserPrecedenceTests {
  @Test(arguments: [
    ("a or b and c", "(a or (b and c))"),
    ("a and b or c", "((a and b) or c)"),
    ("not a and b", "((not a) and b)"),
    ("not a = b", "(not (a = b))"),
    ("not not a", "(not (not a))"),
    ("a = not b", "(a = (not b))"),
    ("a = b < c", "(a = (b < c))"),
    ("a < b = c", "((a < b) = c)"),
    ("a = b = c", "((a = b) = c)"),
    ("a < b + c", "(a < (b + c))"),
    ("a + b * c", "(a + (b * c))"),
    ("a * b + c", "((a * b) + c)"),
    ("a - b - c", "((a - b) - c)"),
    ("a / b % c * d", "(((a / b) % c) * d)"),
    ("a * b || c", "(a * (b || c))"),
    ("a || b || c", "((a || b) || c)"),
    ("-a || b", "((-a) || b)"),
    ("-a * -b", "((-a) * (-b))"),
    ("- - a", "(-(-a))"),
    ("+a - -1", "((+a) - (-1))"),
    ("a == b", "(a = b)"),
    ("a <> b", "(a != b)"),
    ("a != b and c >= d", "((a != b) and (c >= d))"),
    ("a <= b or c > d", "((a <= b) or (c > d))"),
    ("(a or b) and c", "((a or b) and c)"),
    ("a between 1 and 2 and c", "((a between 1 and 2) and c)"),
    ("a between 1 + 1 and 2 * 3", "(a between (1 + 1) and (2 * 3))"),
    ("a not between b and c or d", "((a not between b and c) or d)"),
    ("a between b and c = d", "((a between b and c) = d)"),
    ("a like 'x%' or b not like '_y'", "((a like 'x%') or (b not like '_y'))"),
    ("a || 'x' like b || '%'", "((a || 'x') like (b || '%'))"),
    ("not a like b", "(not (a like b))"),
    ("a in (1, 2) and b not in ('x')", "((a in [1, 2]) and (b not in ['x']))"),
    ("a + 1 in (2, 3 + 4)", "((a + 1) in [2, (3 + 4)])"),
    ("a in ()", "(a in [])"),
    ("a is null and b is not null", "((a is null) and (b is not null))"),
    ("a = b is null", "((a = b) is null)"),
    ("a + b is not null", "((a + b) is not null)"),
    ("not a is null", "(not (a is null))"),
    ("a < b is null", "((a < b) is null)"),
    ("count(*) > 1", "(count(*) > 1)"),
    ("count(distinct a) + sum(b * 2)", "(count(distinct a) + sum((b * 2)))"),
    ("coalesce(a, b, 'x') || lower(t.c)", "(coalesce(a, b, 'x') || lower(t.c))"),
    ("f()", "f()"),
  ])
  func grouping(_ source: String, _ expected: String) {
    guard let expr = parseExpr(source) else { return }
    #expect(grouped(expr) == expected)
  }

  @Test func keywordsIgnoreCase() {
    guard let expr = parseExpr("A NoT BeTwEeN 1 AND 2 Or B IS NOT NULL") else { return }
    #expect(grouped(expr) == "((A not between 1 and 2) or (B is not null))")
  }

  @Test func literals() {
    let cases: [(String, Literal)] = [
      ("null", .null), ("NULL", .null), ("true", .boolean(true)), ("FALSE", .boolean(false)),
      ("42", .integer(42)), ("007", .integer(7)),
      ("9223372036854775807", .integer(.max)),
      ("9223372036854775808", .real(9223372036854775808, text: "9223372036854775808")),
      ("1.5", .real(1.5, text: "1.5")), (".5", .real(0.5, text: ".5")),
      ("1e3", .real(1000, text: "1e3")), ("2.5E-1", .real(0.25, text: "2.5E-1")),
      ("1.", .real(1, text: "1.")),
      ("'it''s'", .string("it's")), ("''", .string("")), ("'a\nb'", .string("a\nb")),
      ("'状态'", .string("状态")),
    ]
    for (source, literal) in cases {
      #expect(parseExpr(source)?.kind == .literal(literal), "\(source)")
    }
  }

  @Test func columnsAndQuotedNames() {
    #expect(grouped(parseExpr("e.env_id")!) == "e.env_id")
    guard case .column(let table, let name) = parseExpr("\"my table\".\"select\"")?.kind else {
      Issue.record("not a column")
      return
    }
    #expect(table?.name == "my table")
    #expect(name.name == "select")
    // Statement words and `tables` are names inside expressions.
    guard case .column(nil, let share) = parseExpr("share")?.kind else {
      Issue.record("not a column")
      return
    }
    #expect(share.name == "share")
    #expect(share.key == "share")
  }

  @Test func callShapes() {
    #expect(
      parseExpr("count(*)")?.withoutRanges.kind
        == .call(
          name: Identifier(name: "count", range: .zero), arguments: [], distinct: false, star: true)
    )
    guard
      case .call(let name, let arguments, let distinct, let star) = parseExpr("COUNT(DISTINCT a)")?
        .kind
    else {
      Issue.record("not a call")
      return
    }
    #expect(name.name == "COUNT")
    #expect(name.key == "count")
    #expect(arguments.count == 1)
    #expect(distinct)
    #expect(!star)
  }

  @Test func expressionRanges() {
    let source = "select (a + 1) * b from t"
    guard case .select(let select) = Script.parse(source).statements.first?.statement,
      case .expression(let expr, _) = select.items.first,
      case .binary(.multiply, let left, let right) = expr.kind
    else {
      Issue.record("unexpected tree")
      return
    }
    #expect(expr.range.start.column == 8)
    #expect(expr.range.end.column == 19)
    // The parentheses belong to the left operand's range.
    #expect(left.range.start.column == 8)
    #expect(left.range.end.column == 15)
    #expect(right.range.start.column == 18)
  }
}
