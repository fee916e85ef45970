import Foundation
import Synchronization
import TCBQCore
import Testing

@testable import TCBQQuery

/// `_`: the last select's result, a table the session holds.
@Suite struct LastResultTests {
  let helper = SessionTests()

  func failure(_ session: Session, _ text: String) async -> String? {
    do {
      _ = try await helper.run(session, text)
      return nil
    } catch {
      return "\(error)"
    }
  }

  @Test func theLastResultIsQueriedWithoutAnAPICall() async throws {
    let api = FakeAPI(
      envs: ["prod-a", "prod-b"], apps: ["wxA", "wxB", "wxC"],
      shares: ["wxA": ["prod-a"], "wxB": ["prod-a", "prod-b"]])
    let s = helper.session(api)
    _ = try await helper.run(s, "select appid, env_id from shares where appid in ('wxA', 'wxB')")
    let callsBefore = api.calls.count
    let asked = api.state.withLock { $0.sharesAskedFor.count }
    let narrowed = try await helper.run(
      s, "select appid from _ where env_id = 'prod-b' order by appid")
    #expect(helper.values(narrowed) == [[.text("wxB")]])
    #expect(api.calls.count == callsBefore)
    #expect(api.state.withLock { $0.sharesAskedFor.count } == asked)
    // `_` is now the narrowed result.
    let again = try await helper.run(s, "select count(*) from _")
    #expect(helper.values(again) == [[.integer(1)]])
  }

  @Test func beforeAnySelectUnderscoreSaysThereIsNoResultYet() async throws {
    let s = helper.session(helper.world)
    let message = await failure(s, "select * from _")
    #expect(message?.contains("no result yet") == true, "\(message ?? "")")
  }

  @Test func columnsKeepTheirTypesAndRepeatedNamesGetSuffixes() async throws {
    let s = helper.session(helper.world)
    _ = try await helper.run(
      s,
      "select env_id, env_id, length(env_id) as n, length(env_id) / 2.0 as half, null as nothing from envs order by env_id"
    )
    let schema = try #require(await s.catalog.table(named: "_"))
    #expect(schema.columnNames == ["env_id", "env_id:1", "n", "half", "nothing"])
    #expect(schema.id == nil)
    // Text compares as text, integers as numbers, reals kept as reals.
    let rows = try await helper.run(
      s, "select \"env_id:1\", n + 1, half, nothing is null from _ where n = '6' and half > 2")
    #expect(
      helper.values(rows) == [
        [.text("prod-a"), .integer(7), .real(3), .boolean(true)],
        [.text("prod-b"), .integer(7), .real(3), .boolean(true)],
      ])
  }

  @Test func showTablesListsUnderscoreAndRefreshLeavesIt() async throws {
    let s = helper.session(helper.world)
    _ = try await helper.run(s, "select env_id from envs")
    let tables = try await helper.run(s, "show tables")
    let names = helper.values(tables).map { $0[0] }
    #expect(names.last == .text("_"))
    #expect(helper.values(tables).last?[1] == .text("tcbq"))
    let refreshed = try await helper.run(s, "refresh _")
    #expect(refreshed.notes.first?.contains("nothing to refresh") == true)
    let count = try await helper.run(s, "select count(*) from _")
    #expect(helper.values(count) == [[.integer(2)]])
  }

  @Test func aJoinOfUnderscoreWithAnAPITable() async throws {
    let s = helper.session(helper.world)
    _ = try await helper.run(s, "select appid from apps where appid <> 'wxC'")
    let joined = try await helper.run(
      s, "select _.appid, s.env_id from _ join shares s on s.appid = _.appid order by 1, 2")
    #expect(
      helper.values(joined) == [
        [.text("wxA"), .text("prod-a")], [.text("wxB"), .text("prod-a")],
        [.text("wxB"), .text("prod-b")],
      ])
  }
}
