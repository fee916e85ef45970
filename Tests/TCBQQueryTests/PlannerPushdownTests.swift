import Testing

@testable import TCBQQuery

@Suite struct PlannerPushdownTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var sql: String
    var table: String
    var keys: [String]?
    var testDescription: String { sql }
  }

  static let cases: [Case] = [
    Case(sql: "select * from shares where appid = 'wx1'", table: "shares", keys: ["wx1"]),
    Case(sql: "select * from shares where 'wx1' = appid", table: "shares", keys: ["wx1"]),
    Case(
      sql: "select * from shares where appid in ('a', 'b', 'a')", table: "shares", keys: ["a", "b"]),
    Case(
      sql: "select * from shares where appid = 'a' and env_id = 'e'", table: "shares", keys: ["a"]),
    Case(
      sql: "select * from shares where env_id = 'e' and (appid = 'a')", table: "shares", keys: ["a"]
    ),
    Case(
      sql: "select * from shares where appid in ('a', 'b') and appid = 'b'", table: "shares",
      keys: ["b"]),
    Case(sql: "select * from shares where appid = 'a' and appid = 'b'", table: "shares", keys: []),
    Case(sql: "select * from shares where appid in ('a', null)", table: "shares", keys: ["a"]),
    // Repeats are by bytes, as in SQLite: 'é' precomposed and decomposed are two appids.
    Case(
      sql: "select * from shares where appid in ('\u{E9}', 'e\u{301}', '\u{E9}')", table: "shares",
      keys: ["\u{E9}", "e\u{301}"]),
    Case(
      sql: "select * from shares where appid in ('\u{E9}', 'x') and appid = 'e\u{301}'",
      table: "shares", keys: []),
    Case(sql: "select * from shares s where s.appid = 'x'", table: "shares", keys: ["x"]),
    Case(
      sql: "select * from shares s join apps a on a.appid = s.appid and s.appid = 'x'",
      table: "shares", keys: ["x"]),
    Case(
      sql: "select * from apps a left join shares s on s.appid = a.appid and s.appid = 'x'",
      table: "shares", keys: ["x"]),
    Case(
      sql: "select * from envs e join shares s on s.env_id = e.env_id where s.appid in ('p', 'q')",
      table: "shares", keys: ["p", "q"]),
    Case(sql: "select * from quota where cgi_path = '/a'", table: "quota", keys: ["/a"]),
    Case(
      sql: "select * from quota where cgi_path in ('/a', '/b')", table: "quota", keys: ["/a", "/b"]),
    // Must not push down.
    Case(sql: "select * from shares", table: "shares", keys: nil),
    Case(sql: "select * from shares where appid = 'x' or env_id = 'y'", table: "shares", keys: nil),
    Case(sql: "select * from shares where appid != 'a'", table: "shares", keys: nil),
    Case(sql: "select * from shares where appid not in ('a')", table: "shares", keys: nil),
    Case(sql: "select * from shares where not appid = 'a'", table: "shares", keys: nil),
    Case(sql: "select * from shares where appid like 'a%'", table: "shares", keys: nil),
    Case(sql: "select * from shares where appid = env_id", table: "shares", keys: nil),
    Case(sql: "select * from shares where upper(appid) = 'A'", table: "shares", keys: nil),
    Case(sql: "select * from shares where env_id = 'wx1'", table: "shares", keys: nil),
    Case(
      sql: "select * from shares s left join apps a on a.appid = s.appid and s.appid = 'x'",
      table: "shares", keys: nil),
    Case(
      sql: "select * from shares s join apps a on a.appid = s.appid where a.appid = 'x'",
      table: "shares", keys: nil),
    Case(
      sql: "select * from shares where appid = 'a' or appid = 'b'", table: "shares", keys: nil),
    Case(sql: "select * from quota where cgi_path > '/a'", table: "quota", keys: nil),
    Case(sql: "select * from quota", table: "quota", keys: nil),
  ]

  @Test(arguments: cases)
  func keys(_ c: Case) throws {
    let plan = try EngineTest.plan(c.sql)
    let requirement = try #require(plan.requirements.first { $0.table == c.table })
    #expect(requirement.keys == c.keys)
  }

  @Test func requirementsListEachTableOnce() throws {
    let plan = try EngineTest.plan(
      "select * from envs e join shares s on s.env_id = e.env_id join apps a on a.appid = s.appid "
        + "join shares t on t.env_id = e.env_id where s.appid = 'x' and t.appid = 'y'")
    #expect(plan.requirements.map(\.table) == ["envs", "shares", "apps"])
    #expect(plan.requirements[1].keys == ["x", "y"])
  }

  @Test func oneUnfilteredUseNeedsEverything() throws {
    let plan = try EngineTest.plan(
      "select * from shares s join shares t on t.env_id = s.env_id where s.appid = 'x'")
    #expect(plan.requirements == [TableRequirement(table: "shares", keys: nil, id: .shares)])
  }
}
