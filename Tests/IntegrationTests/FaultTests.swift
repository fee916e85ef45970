import Foundation
import TCBQSandbox
import Testing

/// The fault matrix over real HTTP (issue 6): `tcbq` against `tcbq-sandbox`'s fault knobs. For
/// each fault: no row lost, none duplicated (the rows equal a fault-free run's), the contract's
/// exit status, and a message saying what failed and what to do.
@Suite(.serialized) struct FaultTests {
  typealias Data = DefaultDataset

  static let walk = [
    "--format", "csv", "--no-header", "--batch-size", "10", "-c",
    "select appid, env_id from shares",
  ]

  /// The rows of `select appid, env_id from shares` on a fault-free sandbox, in the order printed.
  static func faultFreeRows() async throws -> (rows: [String], result: TCBQResult) {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let result = try TCBQRunner.against(sandbox).run(walk)
    return (lines(result.stdout), result)
  }

  static func lines(_ csv: String) -> [String] {
    csv.split(separator: "\r\n").map(String.init)
  }

  /// The `fault` field of each request the sandbox logged (nil where none was injected).
  static func injectedFaults(_ sandbox: SandboxProcess) throws -> [String] {
    let result = try Curl.run("GET", sandbox.baseURL + "/__sandbox/requests")
    let array = (try? JSONSerialization.jsonObject(with: result.body)) as? [[String: Any]] ?? []
    return array.compactMap { $0["fault"] as? String }
  }

  @Test(arguments: [
    (["--busy-first", "2"], "busy"),
    (["--http500-first", "2"], "http500"),
    (["--truncate-first", "1"], "truncated"),
  ])
  func aTransientFaultIsRetriedAndLosesNoRow(faultArguments: [String], fault: String) async throws {
    let expected = try await Self.faultFreeRows()
    #expect(expected.rows.count > 10)
    let sandbox = try await SandboxProcess.start(faultArguments)
    defer { sandbox.stop() }
    let result = try TCBQRunner.against(sandbox).run(Self.walk)
    let rows = Self.lines(result.stdout)
    #expect(rows.sorted() == expected.rows.sorted())
    #expect(Set(rows).count == rows.count)  // no duplicate
    // The same per-app err_list entries as without faults: facts, so exit 0 and the same note.
    #expect(result.status == expected.result.status)
    #expect(result.status == 0)
    #expect(result.stderr == expected.result.stderr)
    // The fault did happen.
    #expect(try Self.injectedFaults(sandbox).filter { $0 == fault }.count == Int(faultArguments[1]))
  }

  /// describecloudbaserunenvs is read as it streams in (3,000 envs: about 3 MB, many network
  /// reads); cut short, it is asked again and no env is lost or doubled.
  @Test func aTruncatedEnvListIsReadAgainWithoutLoss() async throws {
    let generated = ["--envs", "3000", "--apps", "100", "--seed", "7"]
    let query = [
      "--format", "csv", "--no-header", "-c", "select env_id, status, update_time from envs",
    ]
    let clean = try await SandboxProcess.start(generated)
    let expected = Self.lines(try TCBQRunner.against(clean).run(query).stdout)
    clean.stop()
    #expect(expected.count == 3000)

    let sandbox = try await SandboxProcess.start(generated + ["--truncate-first", "1"])
    defer { sandbox.stop() }
    let result = try TCBQRunner.against(sandbox).run(query)
    #expect(result.status == 0)
    #expect(Self.lines(result.stdout) == expected)
    #expect(try Self.injectedFaults(sandbox) == ["truncated"])
  }

  @Test func perAppErrListEntriesAreCountedInANoteAndListedInShareErrors() async throws {
    let expected = try await Self.faultFreeRows()
    #expect(expected.result.status == 0)
    #expect(
      expected.result.stderr
        == "note: 4 apps have no cloud development and 3 are not mini programs; select * from share_errors lists them\n"
    )
    // Every app share_errors names is one whose shares are absent.
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let errors = try TCBQRunner.against(sandbox).run([
      "--format", "csv", "--no-header", "-c", "select appid, kind from share_errors order by appid",
    ])
    #expect(errors.status == 0, "\(errors.stderr)")
    let named = Self.lines(errors.stdout)
    #expect(named.contains("\(Data.appWithoutPrivilege),no_cloud_development"))
    #expect(named.contains("\(Data.officialAccount),not_mini_program"))
    #expect(named.count == 7)
    for line in named {
      let appid = line.prefix(18)
      #expect(!expected.rows.contains { $0.hasPrefix(appid + ",") })
    }
    #expect(expected.rows.contains { $0.hasPrefix(Data.appSharingThree + ",") })
  }

  @Test func maxAppidsBelowTheBatchSizeSplitsWithoutLoss() async throws {
    let expected = try await Self.faultFreeRows()
    let sandbox = try await SandboxProcess.start(["--max-appids", "3"])
    defer { sandbox.stop() }
    let result = try TCBQRunner.against(sandbox).run(Self.walk)
    let rows = Self.lines(result.stdout)
    #expect(rows.sorted() == expected.rows.sorted())
    #expect(Set(rows).count == rows.count)
    #expect(result.status == 0)
    #expect(result.stderr == expected.result.stderr)
    let batches = try SandboxLog.requests(sandbox).filter {
      $0.path == "/componenttcb/batchgetenvid"
    }
    #expect(batches.contains { $0.errcode == 40097 })
    // Every accepted call was within the limit, and every app was asked for in an accepted call.
    let accepted = batches.filter { $0.errcode == 0 }
    #expect(accepted.allSatisfy { $0.appids.count <= 3 })
    #expect(Set(accepted.flatMap(\.appids)).count == 40)
    #expect(accepted.flatMap(\.appids).count == 40)  // no app asked for twice once accepted
  }

  @Test func latencyBeyondTheTimeoutIsAClearError() async throws {
    let sandbox = try await SandboxProcess.start(["--latency-ms", "1500"])
    defer { sandbox.stop() }
    var tcbq = try TCBQRunner.against(sandbox)
    tcbq.environment["TCBQ_CONFIG"] = try tcbq.file("config.toml", "timeout = 1\n")
    let result = try tcbq.run(["--format", "csv", "-c", "select env_id from envs"])
    #expect(result.status == 1)  // no row could be fetched
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("no answer from the API within the timeout"))
    #expect(result.stderr.contains("'timeout' in the config file"))
  }

  @Test func latencyBeyondTheTimeoutNamesTheAppNotFetched() async throws {
    let sandbox = try await SandboxProcess.start(["--latency-ms", "1500"])
    defer { sandbox.stop() }
    var tcbq = try TCBQRunner.against(sandbox)
    tcbq.environment["TCBQ_CONFIG"] = try tcbq.file("config.toml", "timeout = 1\n")
    let result = try tcbq.run([
      "--format", "csv", "-c", "shares of \(Data.appSharingThree)",
    ])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty || result.stdout == "appid,env_id\r\n")
    #expect(result.stderr.contains(Data.appSharingThree))
    #expect(result.stderr.contains("within the timeout"))
  }

  @Test func connectionRefusedSaysWhereToLook() throws {
    // Port 9 (discard) on loopback: nothing listens there in the test environment.
    let tcbq = try TCBQRunner(extra: [
      "TCBQ_ENDPOINT": "http://127.0.0.1:9", "TCBQ_ACCESS_TOKEN": "sandbox-token",
      "TCBQ_COMPONENT_APPID": "wx0123456789abcdef",
    ])
    let result = try tcbq.run(["--format", "csv", "-c", "select env_id from envs"])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("connection refused"))
    #expect(result.stderr.contains("--endpoint") || result.stderr.contains("TCBQ_ENDPOINT"))
  }

  @Test func tokenExpiryMidWalkIsMintedAgainWithoutLoss() async throws {
    let expected = try await Self.faultFreeRows()
    let sandbox = try await SandboxProcess.start(["--expire-token-after", "3"])
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner(extra: [
      "TCBQ_ENDPOINT": sandbox.baseURL,
      "TCBQ_COMPONENT_APPID": "wx0123456789abcdef",
      "TCBQ_COMPONENT_APPSECRET": "sandbox-secret",
      "TCBQ_COMPONENT_VERIFY_TICKET": "sandbox-ticket",
    ])
    let result = try tcbq.run(Self.walk)
    let rows = Self.lines(result.stdout)
    #expect(rows.sorted() == expected.rows.sorted())
    #expect(Set(rows).count == rows.count)
    #expect(result.status == 0)
    #expect(result.stderr == expected.result.stderr)
    let requests = try SandboxLog.requests(sandbox)
    #expect(requests.contains { $0.errcode == 42001 })
    #expect(requests.filter { $0.path == "/cgi-bin/component/api_component_token" }.count >= 2)
  }

  @Test func tokenExpiryWithAStaticTokenNames42001AndWhatToDo() async throws {
    let sandbox = try await SandboxProcess.start(["--expire-token-after", "3"])
    defer { sandbox.stop() }
    let result = try TCBQRunner.against(sandbox).run(Self.walk)
    #expect(result.status == 1 || result.status == 3)
    #expect(result.stderr.contains("42001"))
    #expect(result.stderr.contains("TCBQ_ACCESS_TOKEN"))
    // Whatever was printed is a subset of the true rows, without duplicates.
    let expected = try await Self.faultFreeRows()
    let rows = Self.lines(result.stdout)
    #expect(Set(rows).isSubset(of: Set(expected.rows)))
    #expect(Set(rows).count == rows.count)
  }

  @Test func aBurstLongerThanTheRetriesNamesTheAppAndTheCause() async throws {
    let sandbox = try await SandboxProcess.start(["--busy-rate", "1"])
    defer { sandbox.stop() }
    let result = try TCBQRunner.against(sandbox).run([
      "--format", "csv", "-c", "shares of \(Data.appSharingThree)",
    ])
    #expect(result.status == 1)  // nothing fetched: 1, not 3
    #expect(result.stderr.contains(Data.appSharingThree))
    #expect(result.stderr.contains("errcode -1"))
    #expect(result.stderr.contains("busy"))
    // Bounded: tcbq gave up after its attempts.
    #expect(try SandboxLog.requests(sandbox).count == 5)
  }
}

/// Writes whose outcome is unknown (a timeout, a truncated answer) are not re-sent; the user is
/// told how to check, and the audit log says `unknown`.
@Suite(.serialized) struct FaultWriteTests {
  typealias Data = DefaultDataset

  /// Waits (bounded) until the sandbox has logged a call to `path`, then a little longer so a
  /// re-send would show too.
  static func writes(_ sandbox: SandboxProcess, path: String) async throws -> [SandboxLog.Request] {
    for _ in 0..<60 {
      if try SandboxLog.requests(sandbox).contains(where: { $0.path == path }) { break }
      try await Task.sleep(for: .milliseconds(100))
    }
    try await Task.sleep(for: .milliseconds(1800))
    return try SandboxLog.requests(sandbox).filter { $0.path == path }
  }

  func checkUnknownOutcome(_ result: TCBQResult, _ tcbq: TCBQRunner, appid: String, env: String) {
    #expect(result.status == 1)
    #expect(result.stderr.contains("unknown"))
    #expect(result.stderr.contains("not re-sent"))
    #expect(result.stderr.contains("shares of \(appid)"))
    let audit = tcbq.auditLines()
    #expect(audit.count == 1)
    #expect(audit.first?["outcome"] as? String == "unknown")
    #expect(audit.first?["env"] as? String == env)
    #expect(audit.first?["appids"] as? [String] == [appid])
  }

  @Test func aTimedOutShareIsNotResent() async throws {
    let sandbox = try await SandboxProcess.start(["--latency-ms", "1500"])
    defer { sandbox.stop() }
    var tcbq = try TCBQRunner.against(sandbox)
    tcbq.environment["TCBQ_CONFIG"] = try tcbq.file("config.toml", "timeout = 1\n")
    let result = try tcbq.run([
      "--yes", "-c", "share \(Data.unsharedEnvID) with \(Data.appSharingNothing)",
    ])
    checkUnknownOutcome(result, tcbq, appid: Data.appSharingNothing, env: Data.unsharedEnvID)
    let writes = try await Self.writes(sandbox, path: "/componenttcb/batchshareenv")
    #expect(writes.count == 1)
    #expect(writes.first?.appids == [Data.appSharingNothing])
    #expect(writes.first?.envs == [Data.unsharedEnvID])
  }

  @Test func aTruncatedShareAnswerIsNotResent() async throws {
    // Every answer is cut short: the pre-write read fails (and is reported as unknown), the
    // write itself is sent once, took effect, and its answer cannot be read.
    let sandbox = try await SandboxProcess.start(["--truncate-rate", "1"])
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let result = try tcbq.run([
      "--yes", "-c", "share \(Data.unsharedEnvID) with \(Data.appSharingNothing)",
    ])
    checkUnknownOutcome(result, tcbq, appid: Data.appSharingNothing, env: Data.unsharedEnvID)
    #expect(result.stderr.contains("could not be read"))
    let writes = try await Self.writes(sandbox, path: "/componenttcb/batchshareenv")
    #expect(writes.count == 1)
    #expect(writes.first?.appids == [Data.appSharingNothing])
  }

  @Test func aTruncatedUnshareAnswerIsNotResent() async throws {
    let sandbox = try await SandboxProcess.start(["--truncate-rate", "1"])
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let result = try tcbq.run([
      "--yes", "-c", "unshare \(Data.unavailableEnvID) from \(Data.appSharingThree)",
    ])
    #expect(result.status == 1)
    #expect(result.stderr.contains("unknown"))
    #expect(result.stderr.contains("shares of \(Data.appSharingThree)"))
    #expect(tcbq.auditLines().first?["outcome"] as? String == "unknown")
    let writes = try await Self.writes(sandbox, path: "/componenttcb/batchunshareenv")
    #expect(writes.count == 1)
  }

  @Test func aConfirmedShareUnderABusyBurstSendsExactlyThePairs() async throws {
    // Busy answers hit the reads before the write; the write itself is answered normally.
    let sandbox = try await SandboxProcess.start(["--busy-first", "2"])
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let result = try tcbq.run([
      "--yes", "--format", "csv", "-c",
      "share \(Data.unsharedEnvID) with \(Data.appSharingNothing)",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let writes = try SandboxLog.requests(sandbox).filter {
      $0.path == "/componenttcb/batchshareenv"
    }
    #expect(writes.count == 1)
    #expect(writes.first?.appids == [Data.appSharingNothing])
    #expect(writes.first?.envs == [Data.unsharedEnvID])
    let audit = tcbq.auditLines()
    #expect(audit.count == 1)
    #expect(audit.first?["outcome"] as? String == "sent")
    #expect(audit.first?["appids"] as? [String] == [Data.appSharingNothing])
  }
}
