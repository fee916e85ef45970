import Testing

@testable import TCBQQuery

@Suite struct PlannerDiagnosticsTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var sql: String
    var message: String
    /// The source text the diagnostic points at.
    var at: String
    var suggestion: String?
    var testDescription: String { sql }
  }

  static let cases: [Case] = [
    Case(
      sql: "select stauts from envs", message: "unknown column 'stauts' in table envs",
      at: "stauts", suggestion: "did you mean 'status'?"),
    Case(
      sql: "select e.stauts from envs e", message: "unknown column 'stauts' in table envs",
      at: "stauts", suggestion: "did you mean 'status'?"),
    Case(
      sql: "select * from env", message: "unknown table 'env'", at: "env",
      suggestion: "did you mean 'envs'?"),
    Case(
      sql: "select * from envs e join sharez s on s.env_id = e.env_id",
      message: "unknown table 'sharez'", at: "sharez", suggestion: "did you mean 'shares'?"),
    Case(
      sql: "select x.status from envs e", message: "unknown table or alias 'x'", at: "x",
      suggestion: nil),
    Case(
      sql: "select ee.status from envs e join shares s on s.env_id = e.env_id",
      message: "unknown table or alias 'ee'", at: "ee", suggestion: nil),
    Case(
      sql: "select envz.status from envs join shares s on s.env_id = envs.env_id",
      message: "unknown table or alias 'envz'", at: "envz", suggestion: "did you mean 'envs'?"),
    Case(
      sql: "select envs.status from envs e", message: "unknown table or alias 'envs'",
      at: "envs", suggestion: "the table is aliased as 'e'"),
    Case(
      sql: "select lowr(alias) from envs", message: "unknown function 'lowr'", at: "lowr",
      suggestion: "did you mean 'lower'?"),
    Case(
      sql: "select env_id from envs e join shares s on s.env_id = e.env_id",
      message: "ambiguous column name 'env_id'", at: "env_id",
      suggestion: "qualify it: e.env_id or s.env_id"),
    Case(
      sql: "select env_id from envs where count(*) > 1",
      message: "aggregate function count() is not allowed in WHERE", at: "count(*)",
      suggestion: nil),
    Case(
      sql: "select sum(count(*)) from envs",
      message: "aggregate function count() cannot be nested inside sum()", at: "count(*)",
      suggestion: nil),
    Case(
      sql: "select status from envs group by max(alias)",
      message: "aggregate function max() is not allowed in GROUP BY", at: "max(alias)",
      suggestion: nil),
    Case(
      sql: "select e.env_id from envs e join shares s on count(*) = 1",
      message: "aggregate function count() is not allowed in ON", at: "count(*)", suggestion: nil),
    Case(
      sql: "select substr(alias) from envs",
      message: "wrong number of arguments to function substr() (expected 2 or 3, got 1)",
      at: "substr(alias)", suggestion: nil),
    Case(
      sql: "select trim(alias, 'a', 'b') from envs",
      message: "wrong number of arguments to function trim() (expected 1 or 2, got 3)",
      at: "trim(alias, 'a', 'b')", suggestion: nil),
    Case(
      sql: "select coalesce(alias) from envs",
      message: "wrong number of arguments to function coalesce() (expected at least 2, got 1)",
      at: "coalesce(alias)", suggestion: nil),
    Case(
      sql: "select count(alias, status) from envs",
      message: "wrong number of arguments to function count() (expected 1, got 2)",
      at: "count(alias, status)", suggestion: nil),
    Case(
      sql: "select q.* from envs e", message: "unknown table or alias 'q' in q.*", at: "q",
      suggestion: nil),
    Case(
      sql: "select * from envs limit 'x'", message: "LIMIT must be an integer", at: "'x'",
      suggestion: nil),
    Case(
      sql: "select * from envs limit 1.5", message: "LIMIT must be an integer", at: "1.5",
      suggestion: nil),
    Case(
      sql: "select * from envs limit 2 offset status", message: "OFFSET must be an integer",
      at: "status", suggestion: nil),
    Case(
      sql: "select env_id, status from envs order by 3",
      message: "ORDER BY term out of range - should be between 1 and 2", at: "3", suggestion: nil),
    Case(
      sql: "select * from envs e join shares e on 1 = 1",
      message: "duplicate table name or alias 'e'", at: "e",
      suggestion: "give each use of a table its own alias"),
    Case(
      sql: "select lower(distinct alias) from envs",
      message: "distinct is only allowed in aggregate functions, not in lower()",
      at: "lower(distinct alias)", suggestion: nil),
  ]

  @Test(arguments: cases)
  func diagnostic(_ c: Case) throws {
    let diagnostics = try EngineTest.diagnostics(c.sql)
    let d = try #require(diagnostics.first, "no diagnostic for \(c.sql)")
    #expect(d.message == c.message)
    #expect(d.suggestion == c.suggestion)
    #expect(EngineTest.text(c.sql, at: d.range) == c.at)
    #expect(d.range.start.line == 1)
    #expect(d.range.start.column == c.sql.distance(to: c.at, from: d.range.start.offset) + 1)
  }

  @Test func positionsOnLaterLines() throws {
    let sql = "select env_id,\n  stauts\nfrom envs"
    let d = try #require(try EngineTest.diagnostics(sql).first)
    #expect(d.range.start.line == 2)
    #expect(d.range.start.column == 3)
  }

  @Test func everyProblemIsReported() throws {
    let diagnostics = try EngineTest.diagnostics("select stauts, lowr(alias), e.x from envs")
    #expect(
      diagnostics.map(\.message) == [
        "unknown column 'stauts' in table envs", "unknown function 'lowr'",
        "unknown table or alias 'e'",
      ])
  }

  @Test(arguments: [
    "select alias, count(*) from envs group by status",
    "select status as s, count(*) from envs group by s having count(*) > 1",
    "select length(alias) as n from envs where n > 3 order by n",
    "select count(*) from envs having count(*) > 0",
    "select e.*, s.appid from envs e left join shares s on s.env_id = e.env_id",
    "select ENV_ID, Status from ENVS where STATUS = 'NORMAL'",
    "select max(alias, status), min(1, 2, 3) from envs",
    "select * from envs limit -1 offset -5",
  ])
  func plans(_ sql: String) throws {
    #expect(try EngineTest.diagnostics(sql).isEmpty)
  }

  @Test func resolveTableSuggests() throws {
    let name = Identifier(
      name: "app",
      range: SourceRange(
        start: SourceLocation(line: 1, column: 10, offset: 9),
        end: SourceLocation(line: 1, column: 13, offset: 12)))
    #expect(throws: PlanError.self) { try Catalog.standard.resolveTable(name) }
    do {
      _ = try Catalog.standard.resolveTable(name)
    } catch {
      #expect(error.diagnostics.first?.suggestion == "did you mean 'apps'?")
      #expect(error.diagnostics.first?.range == name.range)
    }
  }
}

extension String {
  /// Characters from the start to the byte offset (the column of an ASCII-only line), checked
  /// against the expected text.
  fileprivate func distance(to text: String, from offset: Int) -> Int {
    String(decoding: Array(utf8)[0..<offset], as: UTF8.self).unicodeScalars.count
  }
}
