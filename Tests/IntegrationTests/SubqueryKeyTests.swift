import Foundation
import Testing

/// Key columns fed by a subquery, over HTTP: `shares.appid in (select …)` runs the subquery
/// first and asks batchgetenvid only for the appids it yields.
@Suite struct SubqueryKeyTests {
  @Test func sharesOfTheAppsASubqueryYieldsAskOnlyForThem() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let expected = try tcbq.run([
      "--format", "csv", "--no-header", "-c",
      "select appid from apps where auth_time > 1670000000 order by appid",
    ])
    let appids = expected.stdout.split(separator: "\r\n").map(String.init)
    #expect(appids.count > 0 && appids.count < 40, "\(appids)")
    _ = try Curl.run("POST", sandbox.baseURL + "/__sandbox/reset-log")

    let result = try tcbq.run([
      "--format", "csv", "--no-header", "-c",
      "select distinct appid from shares where appid in (select appid from apps where auth_time > 1670000000) order by appid",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let requests = try SandboxLog.requests(sandbox)
    #expect(
      requests.map(\.path) == [
        "/cgi-bin/component/api_get_authorizer_list", "/componenttcb/batchgetenvid",
      ], "\(requests.map(\.path))")
    // batchgetenvid was asked for exactly the subquery's appids, not the 40 authorized apps.
    let asked = requests.filter { $0.path.hasSuffix("batchgetenvid") }.flatMap(\.appids)
    #expect(Set(asked) == Set(appids), "\(asked)")
    let shared = result.stdout.split(separator: "\r\n").map(String.init)
    #expect(Set(shared).isSubset(of: Set(appids)), "\(shared)")
  }

  @Test func explainSaysWhereTheAppidsComeFrom() throws {
    let tcbq = try TCBQRunner()
    let result = try tcbq.run([
      "-c",
      "explain select * from shares where appid in (select appid from apps where auth_time > 1)",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("appid in: the values of subquery 1"), "\(result.stdout)")
    #expect(result.stdout.contains("batchgetenvid: ceil(rows/100)"), "\(result.stdout)")
  }

  @Test func aJoinOnSharesAppidAsksOnlyForTheAppsTheOtherSideYields() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let expected = try tcbq.run([
      "--format", "csv", "--no-header", "-c",
      "select appid from apps where auth_time > 1670000000 order by appid",
    ])
    let appids = expected.stdout.split(separator: "\r\n").map(String.init)
    #expect(appids.count > 0 && appids.count < 40, "\(appids)")
    _ = try Curl.run("POST", sandbox.baseURL + "/__sandbox/reset-log")

    let result = try tcbq.run([
      "--format", "csv", "--no-header", "-c",
      "select distinct a.appid from apps a join shares s on s.appid = a.appid where a.auth_time > 1670000000 order by 1",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let requests = try SandboxLog.requests(sandbox)
    let asked = requests.filter { $0.path.hasSuffix("batchgetenvid") }.flatMap(\.appids)
    #expect(Set(asked) == Set(appids), "\(asked)")
    #expect(requests.filter { $0.path.hasSuffix("batchgetenvid") }.count == 1)
    // The same answer as the subquery form.
    let viaSubquery = try tcbq.run([
      "--format", "csv", "--no-header", "-c",
      "select distinct appid from shares where appid in (select appid from apps where auth_time > 1670000000) order by 1",
    ])
    #expect(result.stdout == viaSubquery.stdout)
  }

  @Test func aCorrelatedSubqueryOverHTTPGivesTheJoinsAnswer() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let correlated = try tcbq.run([
      "--format", "csv", "--no-header", "-c",
      "select e.env_id, (select count(*) from shares s where s.env_id = e.env_id) from envs e order by 1",
    ])
    let joined = try tcbq.run([
      "--format", "csv", "--no-header", "-c",
      "select e.env_id, count(s.appid) from envs e left join shares s using (env_id) group by e.env_id order by 1",
    ])
    #expect(correlated.status == 0 || correlated.status == 3, "\(correlated.stderr)")
    #expect(!correlated.stdout.isEmpty && correlated.stdout == joined.stdout)
  }
}
