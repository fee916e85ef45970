import Foundation
import TCBQSandbox
import Testing

/// Writes from a query over loopback HTTP: exactly the pairs computed, in calls of at most the
/// batch size, one audit line per call, the `--max-writes` guard, unknown outcomes.
@Suite(.serialized) struct QueryWriteTests {
  typealias Data = DefaultDataset

  /// The rows of a CSV output without its header, split on commas (ids have none).
  static func rows(_ stdout: String) -> [[String]] {
    stdout.split(separator: "\r\n").dropFirst().map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
  }

  /// A sandbox of 400 apps whose first env is shared with every app that can take it.
  static func widelySharedEnv() async throws -> (SandboxProcess, TCBQRunner, env: String) {
    let sandbox = try await SandboxProcess.start(["--apps", "400", "--envs", "3", "--seed", "7"])
    let tcbq = try TCBQRunner.against(sandbox)
    let envs = try tcbq.run([
      "--format", "csv", "--no-header", "-c", "select env_id from envs order by env_id limit 1",
    ])
    let env = envs.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    _ = try tcbq.run([
      "--yes", "--max-writes", "1000", "-v", "env=\(env)", "-c",
      "share :env with (select appid from apps)",
    ])
    try SandboxLog.reset(sandbox)
    try? FileManager.default.removeItem(at: tcbq.auditLog)
    return (sandbox, tcbq, env)
  }

  @Test func queryDrivenUnshareOf250PairsSendsExactlyThemInChunks() async throws {
    let (sandbox, tcbq, env) = try await Self.widelySharedEnv()
    defer { sandbox.stop() }
    let query = "select appid from shares where env_id = :env order by appid limit 250"
    let before = try tcbq.run(["-v", "env=\(env)", "--format", "csv", "--no-header", "-c", query])
    let expected = before.stdout.split(separator: "\r\n").map(String.init)
    try #require(expected.count == 250, "the sandbox should share \(env) with 250 apps")
    try SandboxLog.reset(sandbox)

    let statement = "unshare :env from (\(query))"
    let result = try tcbq.run([
      "--max-writes", "300", "--yes", "--batch-size", "80", "-v", "env=\(env)", "--format", "csv",
      "-c", statement,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let rows = Self.rows(result.stdout)
    #expect(rows.count == 250)
    #expect(rows.allSatisfy { $0[0] == env && $0[2] == "ok" })
    #expect(Set(rows.map { $0[1] }) == Set(expected))

    let writes = try SandboxLog.requests(sandbox).filter {
      $0.path == "/componenttcb/batchunshareenv"
    }
    #expect(writes.count == 4, "ceil(250/80) calls")
    #expect(writes.map(\.appids.count) == [80, 80, 80, 10])
    #expect(writes.flatMap(\.appids).sorted() == expected.sorted())
    #expect(writes.allSatisfy { $0.envs == [env] })

    let audit = tcbq.auditLines()
    #expect(audit.count == 4)
    #expect(audit.allSatisfy { $0["outcome"] as? String == "sent" })
    #expect(audit.allSatisfy { $0["statement"] as? String == statement })
    #expect(audit.flatMap { $0["appids"] as? [String] ?? [] }.sorted() == expected.sorted())

    let after = try tcbq.run(["-v", "env=\(env)", "--format", "csv", "--no-header", "-c", query])
    let left = after.stdout.split(separator: "\r\n").map(String.init)
    #expect(Set(left).isDisjoint(with: expected), "every pair sent was removed")
  }

  @Test func theGuardRefuses21PairsAtTheDefault() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let result = try tcbq.run([
      "--yes", "-c",
      "share \(Data.unsharedEnvID) with (select appid from apps order by appid limit 21)",
    ])
    #expect(result.status == 1)
    #expect(
      result.stderr.contains(
        "refused: this share would send 21 pairs, more than the limit of 20 (--max-writes"),
      "\(result.stderr)")
    #expect(!(try SandboxLog.requests(sandbox)).contains { $0.path.contains("shareenv") })
    #expect(tcbq.auditLines().isEmpty)
    // 20 pass the guard.
    let twenty = try tcbq.run([
      "--yes", "--format", "csv", "-c",
      "share \(Data.unsharedEnvID) with (select appid from apps order by appid limit 20)",
    ])
    #expect(Self.rows(twenty.stdout).count == 20, "\(twenty.stderr)")
    #expect(
      try SandboxLog.requests(sandbox).filter { $0.path.contains("batchshareenv") }.count == 1)
  }

  @Test func theQueryOfAWriteIsCheckedBeforeAnythingRuns() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let result = try tcbq.run([
      "--yes", "-c", "select count(*) from envs\nunshare x from (select appid from evns)",
    ])
    #expect(result.status == 1)
    #expect(result.stderr.contains("line 2, column 35: unknown table 'evns'"), "\(result.stderr)")
    #expect(try SandboxLog.requests(sandbox).isEmpty)
  }

  @Test func maxWritesFromTheProfileAndDotCommand() async throws {
    var tcbq = try TCBQRunner()
    tcbq.environment["TCBQ_CONFIG"] = try tcbq.file("config.toml", "max_writes = 2\n")
    let share = "share \(Data.unsharedEnvID) with (select appid from apps order by appid limit 3)"
    let refused = try tcbq.run(["--yes", "-c", share])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("3 pairs, more than the limit of 2"))
    let raised = try tcbq.run(["--yes", "--format", "csv", "-c", ".maxwrites 3\n" + share])
    #expect(Self.rows(raised.stdout).count == 3, "\(raised.stderr)")
  }

  @Test func aTruncatedSecondCallStopsThereAndNamesTheUnknownPairs() async throws {
    let sandbox = try await SandboxProcess.start([
      "--apps", "300", "--envs", "3", "--seed", "7", "--truncate-write", "2",
    ])
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let env = try tcbq.run([
      "--format", "csv", "--no-header", "-c", "select env_id from envs order by env_id limit 1",
    ]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    let result = try tcbq.run([
      "--yes", "--max-writes", "300", "--batch-size", "60", "--format", "csv", "-v", "env=\(env)",
      "-c", "share :env with (select appid from apps order by appid limit 250)",
    ])
    #expect(result.status == 1)
    let writes = try await FaultWriteTests.writes(sandbox, path: "/componenttcb/batchshareenv")
    #expect(writes.count == 2, "stopped at the unknown call, nothing re-sent")
    try #require(writes.count == 2)
    let rows = Self.rows(result.stdout)
    #expect(rows.count == 250)
    let unknown = rows.filter { $0[2] == "unknown" }.map { $0[1] }
    #expect(unknown == writes[1].appids)
    #expect(writes[1].appids.count == 60)
    let notSent = rows.filter { $0[2] == "not sent" && $0[3].contains("outcome is unknown") }
    let unchanged = rows.filter { $0[2] == "not sent" && $0[3] == "already shared" }
    #expect(notSent.count == 250 - unchanged.count - 120)
    #expect(Set(notSent.map { $0[1] }).isDisjoint(with: writes.flatMap(\.appids)))
    #expect(result.stderr.contains("the outcome of call 2 of"))
    #expect(result.stderr.contains("The 60 pairs whose state is unknown:"))
    for appid in writes[1].appids { #expect(result.stderr.contains("share \(env) with \(appid)")) }
    #expect(result.stderr.contains("\(notSent.count) pairs were not sent"))
    let audit = tcbq.auditLines()
    #expect(audit.map { $0["outcome"] as? String } == ["sent", "unknown"])
    #expect(audit.last?["appids"] as? [String] == writes[1].appids)
  }

  @Test func dryRunPrintsTheCallsAndSendsNothing() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let result = try tcbq.run([
      "--dry-run", "--batch-size", "10", "-c",
      "share \(Data.unsharedEnvID) with (select appid from apps order by appid limit 25)",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let posts = result.stdout.components(
      separatedBy: "POST /componenttcb/batchshareenv?access_token=REDACTED")
    #expect(posts.count - 1 == 3, "\(result.stdout)")
    #expect(result.stdout.contains("25 pairs to send in 3 calls"))
    #expect(result.stderr.contains("more than the limit of 20"))
    #expect(!(try SandboxLog.requests(sandbox)).contains { $0.path.contains("shareenv") })
    #expect(tcbq.auditLines().isEmpty)
  }

  @Test func pairsFormGroupsEnvsInOneCallAndSkipsWhatWouldChangeNothing() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let app = Data.appSharingThree
    let result = try tcbq.run([
      "--yes", "--format", "csv", "-v", "app=\(app)", "-c",
      "unshare (select env_id, appid from shares where appid = :app)\n"
        + "unshare \(Data.unsharedEnvID) from (select appid from apps where appid = :app)",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let writes = try SandboxLog.requests(sandbox).filter { $0.path.contains("unshareenv") }
    #expect(writes.count == 1)
    #expect(writes.first?.envs.count == 3)
    #expect(writes.first?.appids == [app, app, app])
    #expect(result.stdout.contains("\(Data.unsharedEnvID),\(app),not sent,not shared now"))
    #expect(result.stderr.contains("1 pair would change nothing and was not sent"))
    let audit = tcbq.auditLines()
    #expect(audit.count == 1)
    #expect((audit.first?["data"] as? [[String: Any]])?.count == 3)
  }
}
