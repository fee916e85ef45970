import TCBQQuery
import Testing

/// Every statement form, checked through its tree and its canonical text.
struct ParserStatementTests {
  /// Source → canonical text (which shows how it was understood).
  @Test(arguments: [
    ("select * from envs", "select * from envs"),
    ("SELECT * FROM envs;", "select * from envs"),
    ("select distinct region from envs", "select distinct region from envs"),
    (
      "select e.* , t.key from envs e join tags t on t.env_id = e.env_id",
      "select e.*, t.key from envs as e join tags as t on t.env_id = e.env_id"
    ),
    (
      "select env_id as id, status s, count(*) n from envs",
      "select env_id as id, status as s, count(*) as n from envs"
    ),
    (
      "select env_id as 'the id', alias \"select\" from envs",
      "select env_id as \"the id\", alias as \"select\" from envs"
    ),
    ("select * from envs as e", "select * from envs as e"),
    ("select * from \"envs\" e", "select * from envs as e"),
    (
      "select * from envs e inner join tags t on e.env_id = t.env_id left join databases d on d.env_id = e.env_id left outer join storages s on s.env_id = e.env_id",
      "select * from envs as e join tags as t on e.env_id = t.env_id left join databases as d on d.env_id = e.env_id left join storages as s on s.env_id = e.env_id"
    ),
    (
      "select * from envs where status = 'NORMAL' and region like 'ap-%'",
      "select * from envs where status = 'NORMAL' and region like 'ap-%'"
    ),
    (
      "select status, count(*) from envs group by status having count(*) > 1",
      "select status, count(*) from envs group by status having count(*) > 1"
    ),
    ("select * from envs group by a, b", "select * from envs group by a, b"),
    (
      "select * from envs order by region asc, env_id desc, 3",
      "select * from envs order by region, env_id desc, 3"
    ),
    ("select * from envs limit 10", "select * from envs limit 10"),
    ("select * from envs limit 10 offset 20", "select * from envs limit 10 offset 20"),
    ("select * from envs limit 20, 10", "select * from envs limit 10 offset 20"),
    (
      "select * from envs where a = 1 group by b having c order by d limit 1 offset 2",
      "select * from envs where a = 1 group by b having c order by d limit 1 offset 2"
    ),
    (
      "explain select * from shares where appid in ('wx1', 'wx2')",
      "explain select * from shares where appid in ('wx1', 'wx2')"
    ),
    ("shares of wx1a2b3c4d5e6f7a8b", "shares of wx1a2b3c4d5e6f7a8b"),
    ("shares of wx1, 'wx2' , \"wx3\",wx4", "shares of wx1, wx2, wx3, wx4"),
    (
      "share prod-3fa9c1 with wx1a2b3c4d5e6f7a8b, wx2",
      "share prod-3fa9c1 with wx1a2b3c4d5e6f7a8b, wx2"
    ),
    ("share 'env with space' with wx1", "share 'env with space' with wx1"),
    ("unshare prod-3fa9c1 from wx1", "unshare prod-3fa9c1 from wx1"),
    ("UNSHARE test-1a2b from 'wx1'", "unshare test-1a2b from wx1"),
    ("show tables", "show tables"),
    ("SHOW TABLES;", "show tables"),
    ("describe envs", "describe envs"),
    ("describe \"log_services\"", "describe log_services"),
    ("refresh", "refresh"),
    ("refresh shares", "refresh shares"),
    (".mode csv", ".mode csv"),
    (".headers on", ".headers on"),
    (".read 'my file.sql'", ".read 'my file.sql'"),
    (".output \"/tmp/it's here.csv\"", ".output \"/tmp/it's here.csv\""),
    (".tables;", ".tables"),
    ("  .quit  ", ".quit"),
  ])
  func canonicalText(_ source: String, _ expected: String) {
    #expect(parseOne(source)?.sourceText == expected)
  }

  @Test func selectTree() {
    guard
      case .select(let select) = parseOne(
        "select distinct e.env_id, count(*) n, t.* from envs e left join tags t on t.env_id = e.env_id where e.status = 'NORMAL' group by e.env_id having n > 1 order by n desc limit 5 offset 10"
      )
    else {
      Issue.record("not a select")
      return
    }
    #expect(select.distinct)
    #expect(select.items.count == 3)
    guard case .expression(let first, nil) = select.items[0],
      case .column(let table, let name) = first.kind
    else {
      Issue.record("first item")
      return
    }
    #expect(table?.name == "e")
    #expect(name.name == "env_id")
    guard case .expression(_, let alias) = select.items[1] else {
      Issue.record("second item")
      return
    }
    #expect(alias?.name == "n")
    guard case .tableStar(let star) = select.items[2] else {
      Issue.record("third item")
      return
    }
    #expect(star.name == "t")
    #expect(select.from.name.name == "envs")
    #expect(select.from.alias?.name == "e")
    #expect(select.joins.count == 1)
    #expect(select.joins[0].kind == .left)
    #expect(select.joins[0].table.name.name == "tags")
    #expect(select.whereClause != nil)
    #expect(select.groupBy.count == 1)
    #expect(select.having != nil)
    #expect(select.orderBy.map(\.descending) == [true])
    #expect(select.limit?.kind == .literal(.integer(5)))
    #expect(select.offset?.kind == .literal(.integer(10)))
  }

  @Test func sqliteLimitCommaMeansOffsetThenCount() {
    guard case .select(let select) = parseOne("select * from envs limit 3, 7") else { return }
    #expect(select.limit?.kind == .literal(.integer(7)))
    #expect(select.offset?.kind == .literal(.integer(3)))
  }

  @Test func bareWordsKeepTheirSource() {
    guard
      case .share(let env, let appids) = parseOne(
        "share prod-3fa9c1 with wx1a2b3c4d5e6f7a8b,'wx 2'")
    else { return }
    #expect(env.text == "prod-3fa9c1")
    #expect(env.range.start.column == 7)
    #expect(env.range.end.column == 18)
    #expect(appids.map(\.text) == ["wx1a2b3c4d5e6f7a8b", "wx 2"])
    // Words that lex oddly are still one word each.
    guard case .sharesOf(let odd) = parseOne("shares of 3fa9c1-x.y, a--b") else { return }
    #expect(odd.map(\.text) == ["3fa9c1-x.y", "a"])
  }

  @Test func dotCommandArguments() {
    guard case .dot(let command) = parseOne(".schema   envs  'a b'\"c d\" x") else { return }
    #expect(command.name == "schema")
    #expect(command.arguments == ["envs", "a bc d", "x"])
    #expect(command.range.start.column == 1)
    guard case .dot(let output) = parseOne(".output 'x;'") else { return }
    #expect(output.arguments == ["x;"])
    guard case .dot(let bare) = parseOne(".help") else { return }
    #expect(bare.arguments.isEmpty)
  }

  @Test func statementRangesCoverTheirText() {
    let source = "  select *\n  from envs ;  show tables"
    let units = Script.parse(source).units
    #expect(units.map(\.text) == ["select *\n  from envs", "show tables"])
    #expect(units[0].range.start == TCBQQuery.SourceLocation(line: 1, column: 3, offset: 2))
    #expect(units[0].range.end == TCBQQuery.SourceLocation(line: 2, column: 12, offset: 22))
    #expect(units[0].statement?.range == units[0].range)
    #expect(units[1].range.start.column == 16)
  }

  @Test func refreshWithoutTable() {
    #expect(parseOne("refresh") == .refresh(nil))
    let result = Script.parse("refresh\nselect * from envs")
    #expect(result.statements.map(\.statement.sourceText) == ["refresh", "select * from envs"])
  }

  @Test func implicitAliasesAndKeywords() {
    // A word that could be a misspelt clause keyword is still an alias when what follows fits.
    #expect(parseOne("select a form from t")?.sourceText == "select a as form from t")
    #expect(parseOne("select * from envs were")?.sourceText == "select * from envs as were")
    #expect(
      parseOne("select * from envs e where e.x = 1")?.sourceText
        == "select * from envs as e where e.x = 1")
    // Non-reserved keywords are names.
    #expect(
      parseOne("select tables, of, with from show")?.sourceText
        == "select tables, of, with from show")
  }
}
