import TCBQCore
import Testing

@testable import TCBQQuery

@Suite struct PlannerExplainTests {
  static let uncached = CostContext(calls: CallEstimator(batchSize: 100))

  func lines(_ sql: String, _ context: CostContext = uncached) throws -> [String] {
    try EngineTest.plan(sql).explainLines(context: context)
  }

  @Test func operatorTree() throws {
    let sql =
      "select e.status, count(*) from envs e join shares s on s.env_id = e.env_id "
      + "where e.region = 'ap-shanghai' and s.appid in ('a','b') group by e.status "
      + "order by 2 desc limit 5"
    #expect(
      try lines(sql) == [
        "limit 5",
        "  project: e.status, count(*)",
        "    top-N (5 rows, heap) by count(*) desc",
        "      hash aggregate group by e.status: count(*)",
        "        hash inner join on s.env_id = e.env_id",
        "          scan envs as e filter: e.region = 'ap-shanghai'",
        "          scan shares as s (appid in: 'a', 'b') filter: s.appid in ('a', 'b')",
        "api calls:",
        "  describecloudbaserunenvs: 1 (all environments in one call)",
        "  batchgetenvid: 1 (2 of 2 appids not cached, batches of 100)",
        "  total: 2",
      ])
  }

  @Test func nestedLoopAndSort() throws {
    let out = try lines(
      "select distinct a.appid from apps a left join shares s on s.appid < a.appid "
        + "where s.env_id is null order by a.appid")
    #expect(
      Array(out.prefix(7)) == [
        "project: a.appid",
        "  sort by a.appid",
        "    distinct",
        "      filter: s.env_id is null",
        "        nested loop left join on s.appid < a.appid",
        "          scan apps as a",
        "          scan shares as s",
      ])
  }

  @Test func uncachedSharesNeedTheAppCount() throws {
    let out = try lines("select * from shares")
    #expect(
      out.contains("  api_get_authorizer_list: floor(apps/500)+1 (pages of 500 until a short page)")
    )
    #expect(out.contains("  batchgetenvid: ceil(apps/100) (every authorized app, batches of 100)"))
    #expect(out.last == "  total: floor(apps/500)+1 + ceil(apps/100)")
  }

  @Test func cachedAppsMakeTheCountKnown() throws {
    let context = CostContext(
      cachedTables: [.apps], appCount: 1234, calls: CallEstimator(batchSize: 100))
    let plan = try EngineTest.plan("select * from shares")
    let calls = plan.estimatedCalls(context: context)
    #expect(calls.map(\.endpoint) == [.authorizerList, .batchGetEnvID])
    #expect(calls.map(\.count) == [.known(0), .known(13)])
    #expect(plan.explainLines(context: context).last == "  total: 13")
  }

  @Test func knownAppCountWithoutCachedApps() throws {
    let context = CostContext(appCount: 1000, calls: CallEstimator(batchSize: 50))
    let calls = try EngineTest.plan("select * from apps").estimatedCalls(context: context)
    #expect(calls.map(\.count) == [.known(3)])  // pages 500, 500, 0: until a short page
  }

  @Test func cachedSharesCostNothing() throws {
    let context = CostContext(cachedTables: [.shares, .envs], calls: CallEstimator(batchSize: 10))
    let calls = try EngineTest.plan(
      "select * from envs e join shares s on s.env_id = e.env_id"
    ).estimatedCalls(context: context)
    #expect(calls.map(\.count) == [.known(0), .known(0)])
  }

  @Test(arguments: [
    (["a", "b", "c", "d", "e"], Set<String>(), 2, 3),
    (["a", "b", "c"], Set(["a"]), 2, 1),
    (["a"], Set(["a"]), 10, 0),
  ])
  func pushedDownAppidsAreBatched(
    _ appids: [String], _ cached: Set<String>, _ batch: Int, _ calls: Int
  ) throws {
    let list = appids.map { "'\($0)'" }.joined(separator: ", ")
    let plan = try EngineTest.plan("select * from shares where appid in (\(list))")
    let estimate = plan.estimatedCalls(
      context: CostContext(cachedShareAppids: cached, calls: CallEstimator(batchSize: batch)))
    #expect(estimate.map(\.count) == [.known(calls)])
    #expect(!estimate.contains { $0.endpoint == .authorizerList })
  }

  @Test func nestedEnvTablesShareOneCall() throws {
    let plan = try EngineTest.plan(
      "select * from envs e join tags t on t.env_id = e.env_id left join databases d on d.env_id = e.env_id"
    )
    #expect(plan.estimatedCalls(context: Self.uncached).map(\.count) == [.known(1)])
    #expect(plan.requirements.map(\.table) == ["envs", "tags", "databases"])
    let cached = CostContext(
      cachedTables: [.envs, .tags, .databases], calls: CallEstimator(batchSize: 100))
    #expect(plan.estimatedCalls(context: cached).map(\.count) == [.known(0)])
  }

  @Test func quotaCallsPerPath() throws {
    #expect(
      try EngineTest.plan("select * from quota").estimatedCalls(context: Self.uncached).map(\.count)
        == [.known(Catalog.defaultQuotaPaths.count)])
    #expect(
      try EngineTest.plan("select * from quota where cgi_path in ('/a', '/b')")
        .estimatedCalls(context: Self.uncached).map(\.count) == [.known(2)])
  }
}
