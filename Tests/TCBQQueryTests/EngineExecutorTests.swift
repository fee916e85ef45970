import TCBQCore
import Testing

@testable import TCBQQuery

@Suite struct EngineExecutorTests {
  let tables = Fixture.tables

  @Test func columnNamesAsSQLiteNamesThem() throws {
    let result = try EngineTest.run(
      "select e.ENV_ID, count(*), lower( alias ) , alias as a, 1+2 from envs e group by e.env_id",
      tables)
    #expect(result.columns.map(\.name) == ["env_id", "count(*)", "lower( alias )", "a", "1+2"])
    #expect(result.columns.map(\.type) == [.text, .integer, .text, .text, .integer])
  }

  @Test func namesWithoutTheSourceAreCanonical() throws {
    let sql = "select LOWER( alias ), count( * ) from envs"
    let select = try EngineTest.select(sql)
    let names = try Planner.plan(select, catalog: .standard).columns.map(\.name)
    #expect(names == [select.items.expressionText(0), select.items.expressionText(1)])
    #expect(!names[0].contains("( "))
    let wrongSource = try Planner.plan(select, catalog: .standard, source: "select 1")
    #expect(wrongSource.columns.map(\.name) == names)
  }

  @Test func starExpandsEveryTable() throws {
    let result = try EngineTest.run(
      "select s.*, e.* from shares s join envs e on e.env_id = s.env_id", tables)
    #expect(result.columns.count == 2 + 13)
    #expect(result.rowCount == 3)
  }

  @Test func booleansKeepTheirType() throws {
    let result = try EngineTest.run(
      "select is_default, is_default + 0, status = 'NORMAL', true from envs order by env_id", tables
    )
    #expect(
      EngineTest.rows(result)[0] == [.boolean(true), .integer(1), .boolean(true), .boolean(true)])
    #expect(EngineTest.rows(result)[2] == [.null, .null, .null, .boolean(true)])
    #expect(result.columns.map(\.type) == [.boolean, .integer, .boolean, .boolean])
  }

  @Test func leftJoinFillsNulls() throws {
    let result = try EngineTest.run(
      "select a.appid, s.env_id from apps a left join shares s on s.appid = a.appid order by 1, 2",
      tables)
    #expect(
      EngineTest.rows(result) == [
        [.text("wx1"), .text("env-a")], [.text("wx1"), .text("env-b")], [.text("wx2"), .null],
        [.text("wx3"), .text("env-a")], [.text("wx3"), .text("env-x")],
      ])
  }

  @Test func joinOnComputedKeysUsesTheGenericHash() throws {
    let result = try EngineTest.run(
      "select a.appid, b.appid from apps a join apps b on upper(a.appid) = upper(b.appid) and a.appid != b.appid",
      tables)
    #expect(result.rowCount == 0)
    let all = try EngineTest.run(
      "select count(*) from apps a join apps b on upper(a.appid) = upper(b.appid)", tables)
    #expect(all.values[0] == [.integer(3)])
  }

  @Test func topNEqualsFullSort() throws {
    var rows: [Authorizer] = []
    for i in 0..<5000 {
      rows.append(Authorizer(appid: "wx\(i)", authTime: Int64((i * 7919) % 1000)))
    }
    let big = ["apps": Tables.fromAuthorizers(rows)]
    let full = try EngineTest.run(
      "select appid, auth_time from apps order by auth_time desc, appid", big)
    let top = try EngineTest.run(
      "select appid, auth_time from apps order by auth_time desc, appid limit 10 offset 5", big)
    #expect(EngineTest.rows(top) == Array(EngineTest.rows(full)[5..<15]))
  }

  @Test func groupsComeOutInKeyOrderWithoutOrderBy() throws {
    let result = try EngineTest.run("select region, count(*) from envs group by region", tables)
    #expect(
      EngineTest.rows(result) == [
        [.text("ap-guangzhou"), .integer(1)], [.text("ap-shanghai"), .integer(2)],
      ])
  }

  @Test func bareColumnComesFromTheMaxRow() throws {
    let result = try EngineTest.run("select appid, max(auth_time) from apps", tables)
    #expect(EngineTest.rows(result) == [[.text("wx1"), .integer(100)]])
  }

  @Test func missingRowsAndNullValuesGroupTogether() throws {
    // env-c has no shares and no is_default; env-x (shared by wx3) is no env at all.
    let result = try EngineTest.run(
      "select e.is_default, count(*) from shares s left join envs e on e.env_id = s.env_id "
        + "group by e.is_default", tables)
    #expect(
      EngineTest.rows(result) == [
        [.null, .integer(1)], [.boolean(false), .integer(1)], [.boolean(true), .integer(2)],
      ])
  }

  @Test func aggregatesOverNoRows() throws {
    let result = try EngineTest.run(
      "select count(*), count(alias), sum(length(alias)), avg(1), min(alias) from envs where 0",
      tables)
    #expect(EngineTest.rows(result) == [[.integer(0), .integer(0), .null, .null, .null]])
  }

  @Test func sumOverflowIsAnError() throws {
    let rows = [Authorizer(appid: "a", authTime: .max), Authorizer(appid: "b", authTime: 1)]
    #expect(throws: ExecutionError.self) {
      try EngineTest.run("select sum(auth_time) from apps", ["apps": Tables.fromAuthorizers(rows)])
    }
    let avg = try EngineTest.run(
      "select avg(auth_time) from apps", ["apps": Tables.fromAuthorizers(rows)])
    #expect(avg.values[0] == [.real(4.611686018427388e18)])
  }

  @Test func missingTableIsAnError() throws {
    #expect(throws: ExecutionError.self) {
      try EngineTest.run("select * from envs", [:])
    }
  }

  @Test func emptyTables() throws {
    let empty = ["shares": Tables.fromShares([]), "apps": Tables.fromAuthorizers([])]
    let result = try EngineTest.run(
      "select a.appid, count(s.env_id) from apps a left join shares s on s.appid = a.appid group by a.appid",
      empty)
    #expect(result.rowCount == 0)
    #expect(result.columns.count == 2)
  }

  @Test func realFormatting() throws {
    let result = try EngineTest.run(
      "select 1.0 || '', (0.1 + 0.2) || '', 1e20 || '', (100 / 3.0) || '', -0.5 || '' from apps limit 1",
      tables)
    #expect(
      EngineTest.rows(result)[0] == [
        .text("1.0"), .text("0.3"), .text("1.0e+20"), .text("33.3333333333333"), .text("-0.5"),
      ])
  }

  @Test func cancellationStopsTheScan() async throws {
    var rows: [Authorizer] = []
    for i in 0..<10_000 { rows.append(Authorizer(appid: "wx\(i)", authTime: Int64(i))) }
    let big = ["apps": Tables.fromAuthorizers(rows)]
    let plan = try EngineTest.plan("select appid from apps where auth_time % 2 = 0 order by appid")
    let task = Task {
      while !Task.isCancelled { await Task.yield() }
      return try Executor.execute(plan, tables: big)
    }
    task.cancel()
    await #expect(throws: CancellationError.self) { try await task.value }
  }
}

extension [SelectItem] {
  fileprivate func expressionText(_ i: Int) -> String {
    if case .expression(let e, _) = self[i] { return e.sourceText }
    return ""
  }
}
