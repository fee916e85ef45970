import Foundation
import Synchronization
import TCBQCore
import Testing

@testable import TCBQQuery

/// `app_info` and `app_permissions` (api_get_authorizer_info, one call per app) and
/// `share_errors` (the err_list entries of the shares calls), over the in-memory API.
@Suite struct AppInfoSessionTests {
  func session(_ api: FakeAPI, ttl: Double = 600, maxCalls: Int? = nil, clock: Clock = Clock())
    -> Session
  {
    Session(
      api: api, settings: SessionSettings(cacheTTL: ttl, maxCalls: maxCalls),
      confirmer: FixedConfirmer(answer: false), audit: AuditLog(url: nil), now: { clock.date })
  }

  func run(_ session: Session, _ text: String) async throws -> StatementResult {
    let parsed = Script.parse(text)
    #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
    return try await session.run(try #require(parsed.statements.first).statement, source: text)
  }

  func values(_ result: StatementResult) -> [[Value]] {
    guard let rows = result.rows else { return [] }
    return (0..<rows.rowCount).map { r in (0..<rows.columns.count).map { rows[r, $0] } }
  }

  func explainLines(_ session: Session, _ query: String) async throws -> [String] {
    values(try await run(session, "explain " + query)).compactMap {
      if case .text(let line) = $0.first { return line }
      return nil
    }
  }

  func world() -> FakeAPI {
    FakeAPI(
      envs: ["prod-a"], apps: ["wxA", "wxB", "wxC"], shares: ["wxA": ["prod-a"], "wxB": []])
  }

  func asked(_ api: FakeAPI) -> [String] { api.state.withLock { $0.infoAskedFor } }

  // MARK: app_info and app_permissions

  @Test func aKeyFilterAsksOnlyTheNamedAppsAndTheCacheServesThemAgain() async throws {
    let api = world()
    let s = session(api)
    let result = try await run(
      s, "select appid, nick_name, principal_name from app_info where appid in ('wxC', 'wxA')")
    #expect(
      values(result) == [
        [.text("wxC"), .text("app wxC"), .text("P")], [.text("wxA"), .text("app wxA"), .text("P")],
      ])
    #expect(result.failures.isEmpty)
    _ = try await run(s, "select * from app_info where appid = 'wxA'")
    _ = try await run(s, "select * from app_permissions where appid in ('wxA', 'wxC')")
    #expect(asked(api) == ["wxC", "wxA"])
    #expect(!api.calls.contains("api_get_authorizer_list"))
  }

  @Test func withoutAFilterTheyWalkTheAppsOneCallPerApp() async throws {
    let api = world()
    let s = session(api)
    let result = try await run(s, "select count(*) from app_info")
    #expect(values(result) == [[.integer(3)]])
    #expect(
      api.calls == ["api_get_authorizer_list"]
        + Array(repeating: "api_get_authorizer_info", count: 3))
    // app_permissions comes from the same answers: no call.
    let permissions = try await run(s, "select appid, funcscope_id from app_permissions")
    #expect(values(permissions).count == 6)
    #expect(values(permissions).first == [.text("wxA"), .integer(18)])
    #expect(api.calls.count == 4)
  }

  @Test func theColumnsAreTheAnswersFieldsAsSent() async throws {
    let s = session(world())
    let result = try await run(
      s,
      "select appid, service_type, verify_type, account_status, is_mini_program, signature from app_info where appid = 'wxB'"
    )
    #expect(
      values(result) == [[.text("wxB"), .null, .null, .integer(1), .boolean(true), .null]])
    #expect(
      result.rows?.columns.map(\.name) == [
        "appid", "service_type", "verify_type", "account_status", "is_mini_program", "signature",
      ])
  }

  @Test func anAppAnswered61003HasNoRowIsNamedAndIsNotAskedAgain() async throws {
    let api = world()
    let s = session(api)
    let query = "select appid from app_info where appid in ('wxA', 'wxGone')"
    let first = try await run(s, query)
    #expect(values(first) == [[.text("wxA")]])
    #expect(first.failures.map(\.appid) == ["wxGone"])
    #expect(first.failures.first?.errcode == 61003)
    let again = try await run(s, query)
    #expect(values(again) == [[.text("wxA")]])
    #expect(again.failures.map(\.appid) == ["wxGone"])
    #expect(asked(api) == ["wxA", "wxGone"])
    let plan = try await explainLines(s, query)
    #expect(
      plan.contains("  api_get_authorizer_info: 0 (0 of 2 appids not cached, one call per app)"))
  }

  @Test func aCallThatFailedIsAFailureAndIsAskedAgain() async throws {
    let api = world()
    api.state.withLock { $0.infoBusy = ["wxB"] }
    let s = session(api)
    let first = try await run(s, "select appid from app_info order by appid")
    #expect(values(first) == [[.text("wxA")], [.text("wxC")]])
    #expect(first.failures.map(\.appid) == ["wxB"])
    api.state.withLock { $0.infoBusy = [] }
    let second = try await run(s, "select appid from app_info order by appid")
    #expect(values(second).count == 3)
    #expect(second.failures.isEmpty)
    #expect(asked(api) == ["wxA", "wxB", "wxC", "wxB"])
  }

  @Test func theCacheExpiresWithTheTTLAndRefreshForgetsIt() async throws {
    let api = world()
    let clock = Clock()
    let s = session(api, ttl: 60, clock: clock)
    let query = "select nick_name from app_info where appid = 'wxA'"
    _ = try await run(s, query)
    clock.advance(30)
    _ = try await run(s, query)
    #expect(asked(api) == ["wxA"])
    clock.advance(31)
    _ = try await run(s, query)
    #expect(asked(api) == ["wxA", "wxA"])
    let refreshed = try await run(s, "refresh app_info")
    #expect(refreshed.notes == ["app_info is fetched again on next use"])
    _ = try await run(s, "select * from app_permissions where appid = 'wxA'")
    #expect(asked(api) == ["wxA", "wxA", "wxA"])
  }

  @Test func explainCountsOneCallPerAppNotCachedAndTheRunMakesThem() async throws {
    let api = world()
    let s = session(api)
    let walk = "select count(*) from app_info"
    #expect(
      try await explainLines(s, walk).suffix(3) == [
        "  api_get_authorizer_list: floor(apps/500)+1 (pages of 500 until a short page)",
        "  api_get_authorizer_info: apps (every authorized app, one call per app)",
        "  total: floor(apps/500)+1 + apps",
      ])
    _ = try await run(s, "select * from app_info where appid = 'wxB'")
    _ = try await run(s, "select count(*) from apps")
    #expect(
      try await explainLines(s, walk).suffix(3) == [
        "  api_get_authorizer_list: 0 (cached)",
        "  api_get_authorizer_info: 2 (2 apps not cached, one call per app)",
        "  total: 2",
      ])
    let before = asked(api).count
    _ = try await run(s, walk)
    #expect(asked(api).count - before == 2)
    #expect(try await explainLines(s, walk).last == "  total: 0")
  }

  @Test func twoTablesOfTheSameCallsAreCountedOnce() async throws {
    let s = session(world())
    let lines = try await explainLines(
      s,
      "select i.nick_name, p.funcscope_id from app_info i join app_permissions p on p.appid = i.appid where i.appid = 'wxA' and p.appid in ('wxA', 'wxB')"
    )
    #expect(
      lines.contains("  api_get_authorizer_info: 2 (2 of 2 appids not cached, one call per app)"))
    #expect(lines.last == "  total: 2")
  }

  @Test func maxCallsRefusesAWalkWhoseCountIsKnownBeforeAnyCall() async throws {
    let api = world()
    let s = session(api, maxCalls: 2)
    _ = try await run(s, "select count(*) from apps")
    await #expect {
      _ = try await run(s, "select count(*) from app_info")
    } throws: { error in
      "\(error)".hasPrefix("refused: this statement needs 3 API calls (api_get_authorizer_info 3)")
    }
    #expect(asked(api).isEmpty)
  }

  @Test func completionKnowsTheNickNamesFetched() async throws {
    let s = session(world())
    #expect(await s.knownIdentifiers().nickNames.isEmpty)
    _ = try await run(s, "select * from app_info where appid in ('wxA', 'wxGone')")
    let known = await s.knownIdentifiers()
    #expect(known.nickNames == ["wxA": "app wxA"])
    #expect(known.appids == ["wxA"])
  }

  // MARK: share_errors

  func worldWithErrors() -> FakeAPI {
    let api = FakeAPI(
      envs: ["prod-a"], apps: ["wxA", "wxN1", "wxN2", "wxO", "wxX"], shares: ["wxA": ["prod-a"]])
    api.state.withLock {
      $0.noCloudDevelopment = ["wxN1", "wxN2"]
      $0.notMiniPrograms = ["wxO"]
    }
    return api
  }

  @Test func aWalkWhoseOnlyErrorsAreFactsHasNoFailuresAndOneNote() async throws {
    let s = session(worldWithErrors())
    let result = try await run(s, "select count(*) from shares")
    #expect(values(result) == [[.integer(1)]])
    #expect(result.failures.isEmpty)
    #expect(
      result.notes == [
        "note: 2 apps have no cloud development and 1 is not a mini program; select * from share_errors lists them"
      ])
  }

  @Test func shareErrorsListsTheEntriesOfTheSameCalls() async throws {
    let api = worldWithErrors()
    api.state.withLock { $0.otherErrors = ["wxX"] }
    let s = session(api)
    let shares = try await run(s, "select count(*) from shares")
    #expect(shares.failures.map(\.appid) == ["wxX"])
    let result = try await run(s, "select appid, kind from share_errors order by appid")
    #expect(
      values(result) == [
        [.text("wxN1"), .text("no_cloud_development")],
        [.text("wxN2"), .text("no_cloud_development")],
        [.text("wxO"), .text("not_mini_program")], [.text("wxX"), .text("failed")],
      ])
    // Only the `failed` entry is a failure; no extra call was made for share_errors.
    #expect(result.failures.map(\.appid) == ["wxX"])
    #expect(result.notes.isEmpty)
    #expect(api.calls == ["api_get_authorizer_list", "batchgetenvid"])
  }

  @Test func shareErrorsTakesAKeyFilterAsSharesDoes() async throws {
    let api = worldWithErrors()
    let s = session(api)
    let result = try await run(s, "select appid, errmsg from share_errors where appid = 'wxO'")
    #expect(values(result) == [[.text("wxO"), .text("appid is not a mini program")]])
    #expect(api.state.withLock { $0.sharesAskedFor } == [["wxO"]])
    let plan = try await explainLines(
      s, "select * from shares s join share_errors e on e.appid = s.appid")
    #expect(plan.filter { $0.contains("batchgetenvid") }.count == 1)
  }

  @Test func sharesOfNamesTheKindInsteadOfAFailure() async throws {
    let s = session(worldWithErrors())
    let result = try await run(s, "shares of wxA, wxN1, wxO")
    #expect(values(result) == [[.text("wxA"), .text("prod-a")]])
    #expect(result.failures.isEmpty)
    #expect(
      result.notes == [
        "note: wxN1 has no cloud development (no qbase privilege): it shares nothing",
        "note: wxO is not a mini program (appid is not a mini program): it shares nothing",
      ])
  }

  @Test(arguments: [
    (2, 0, "note: 2 apps have no cloud development; select * from share_errors lists them"),
    (1, 0, "note: 1 app has no cloud development; select * from share_errors lists it"),
    (0, 1, "note: 1 app is not a mini program; select * from share_errors lists it"),
    (0, 3, "note: 3 apps are not mini programs; select * from share_errors lists them"),
    (
      1, 1,
      "note: 1 app has no cloud development and 1 is not a mini program; select * from share_errors lists them"
    ),
  ])
  func theNoteCountsEachKind(noCloud: Int, notMini: Int, note: String) {
    let facts =
      (0..<noCloud).map {
        AppFailure(appid: "wxN\($0)", errcode: 85088, errmsg: "no qbase privilege", answered: true)
      }
      + (0..<notMini).map {
        AppFailure(appid: "wxO\($0)", errmsg: "appid is not a mini program", answered: true)
      }
    #expect(Session.shareErrorsNote(facts) == note)
    #expect(Session.shareErrorsNote([]) == nil)
  }
}
