import Foundation
import TCBQSandbox
import Testing

/// `app_info`, `app_permissions` and `share_errors` with the real `tcbq` against a real
/// `tcbq-sandbox` over loopback HTTP (issue 20): the key column, the walk's cost, exit statuses.
@Suite(.serialized) struct AppInfoCLITests {
  typealias Data = DefaultDataset
  static let infoPath = "/cgi-bin/component/api_get_authorizer_info"
  static let listPath = "/cgi-bin/component/api_get_authorizer_list"

  func requests(_ sandbox: SandboxProcess, to path: String) throws -> [SandboxLog.Request] {
    try SandboxLog.requests(sandbox).filter { $0.path == path }
  }

  @Test func theKeyColumnAsksOnlyTheNamedApps() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let result = try tcbq.run([
      "--format", "csv", "-c",
      "select appid, nick_name, account_status from app_info where appid in ('\(Data.bannedApp)', '\(Data.frozenApp)') order by appid",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout
        == "appid,nick_name,account_status\r\n\(Data.bannedApp),云栈抽奖,16\r\n\(Data.frozenApp),云栈旅行,19\r\n"
    )
    let asked = try requests(sandbox, to: Self.infoPath)
    #expect(
      asked.map(\.appids).sorted { $0.first! < $1.first! } == [[Data.bannedApp], [Data.frozenApp]])
    #expect(try requests(sandbox, to: Self.listPath).isEmpty)
  }

  /// `explain`'s count is the number of requests the sandbox sees: as a formula before the list
  /// is known, as a number after.
  @Test func theWalksCallCountIsExplains() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let query = "select count(*) from app_permissions where funcscope_id = 49"
    let explained = try tcbq.run(["--format", "csv", "--no-header", "-c", "explain " + query])
    #expect(
      explained.stdout.contains(
        "  api_get_authorizer_info: apps (every authorized app, one call per app)"),
      "\(explained.stdout)")
    #expect(explained.stdout.contains("  total: floor(apps/500)+1 + apps"))
    #expect(try SandboxLog.requests(sandbox).isEmpty)

    let result = try tcbq.run(["--format", "csv", "--no-header", "-c", query])
    #expect(result.status == 0, "\(result.stderr)")
    // Every app with cloud development grants set 49: those batchgetenvid answers for.
    #expect(result.stdout == "33\r\n")
    let apps = Data.dataset.apps.count
    #expect(try requests(sandbox, to: Self.listPath).count == apps / 500 + 1)
    let infos = try requests(sandbox, to: Self.infoPath)
    #expect(infos.count == apps)
    #expect(Set(infos.flatMap(\.appids)) == Set(Data.dataset.apps.map(\.appid)))

    // In one session, once the list is cached, explain gives the number.
    try SandboxLog.reset(sandbox)
    let script = "select count(*) from apps\nexplain \(query)\n\(query)\n"
    let session = try tcbq.run(["--format", "csv", "--no-header"], stdin: script)
    #expect(
      session.stdout.contains(
        "  api_get_authorizer_info: \(apps) (\(apps) apps not cached, one call per app)"),
      "\(session.stdout)")
    #expect(try requests(sandbox, to: Self.infoPath).count == apps)
  }

  @Test func aWalkWhoseOnlyErrListEntriesAreFactsExitsZeroWithOneNote() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let result = try tcbq.run([
      "--format", "csv", "--no-header", "-c", "select count(*) from shares",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stderr
        == "note: 4 apps have no cloud development and 3 are not mini programs; select * from share_errors lists them\n"
    )
    let errors = try tcbq.run([
      "--format", "csv", "--no-header", "-c",
      "select appid, kind from share_errors where kind = 'no_cloud_development' order by appid",
    ])
    #expect(errors.status == 0, "\(errors.stderr)")
    #expect(
      errors.stdout.split(separator: "\r\n").contains(
        "\(Data.appWithoutPrivilege),no_cloud_development"))
  }

  @Test func anUnauthorizedAppIsAFailureNamedWithItsErrcode() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let result = try tcbq.run([
      "--format", "csv", "--no-header", "-c",
      "select nick_name from app_info where appid in ('\(Data.appSharingThree)', 'wxffffffffffffffff')",
    ])
    #expect(result.status == 3)
    #expect(result.stdout == "云栈商城\r\n")
    #expect(
      result.stderr.contains(
        "wxffffffffffffffff: component is not authorized by this account (errcode 61003"),
      "\(result.stderr)")
  }

  @Test func aSharesWalkWithARealFailureExitsThree() async throws {
    // batchgetenvid's quota lasts one call: the other batches are refused (45009).
    let sandbox = try await SandboxProcess.start(["--daily-limit", "/componenttcb/batchgetenvid=1"])
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let result = try tcbq.run([
      "--batch-size", "10", "--concurrency", "1", "--format", "csv", "--no-header", "-c",
      "select count(*) from shares",
    ])
    #expect(result.status == 3, "\(result.stderr)")
    #expect(result.stderr.contains("were not fetched"), "\(result.stderr)")
    #expect(result.stderr.contains("45009"))
  }
}
