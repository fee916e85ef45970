import Foundation
import TCBQSandbox
import Testing

/// The real `tcbq` binary against a real `tcbq-sandbox` over loopback HTTP: scripts, formats,
/// exit statuses, pushdown, writes.
@Suite(.serialized) struct CLITests {
  typealias Data = DefaultDataset

  @Test func selectOverHTTP() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let result = try tcbq.run([
      "-c", "select env_id, status from envs where status = 'UNAVAILABLE' order by env_id",
      "--format", "csv",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout == "env_id,status\r\nprod-77a0d2,UNAVAILABLE\r\ntest-06d9b4,UNAVAILABLE\r\n")
    let requests = try SandboxLog.requests(sandbox)
    #expect(requests.map(\.path) == ["/componenttcb/describecloudbaserunenvs"])
  }

  @Test func scriptOnStandardInputOneStatementPerLine() async throws {
    let tcbq = try TCBQRunner()
    let script = """
      -- a support script
      select count(*) as n from envs
      select env_id
      from envs
      where status = 'UNAVAILABLE'
      order by env_id
      shares of \(Data.appSharingThree)
      """
    let result = try tcbq.run(["--format", "jsonl"], stdin: script)
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == #"{"n":12}"# || lines.first?.hasPrefix(#"{"n":"#) == true)
    #expect(lines.contains(#"{"env_id":"prod-77a0d2"}"#))
    #expect(lines.filter { $0.contains(Data.appSharingThree) }.count == 3)
  }

  @Test func fileOptionScriptArgumentAndCommandsRunInOrder() throws {
    let tcbq = try TCBQRunner()
    let first = try tcbq.file("first.tcbq", "select 'first' as step from envs limit 1;")
    let second = try tcbq.file("second.tcbq", "select 'second' as step from envs limit 1")
    let result = try tcbq.run([
      "--format", "csv", "--no-header", "-c", "select 'c1' from envs limit 1", "-f", first,
      "-c", "select 'c2' from envs limit 1", second,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "c1\r\nfirst\r\nc2\r\nsecond\r\n")
  }

  @Test func syntaxErrorNamesLineColumnAndCaretAndRunsNothing() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let script = "select count(*) from envs\nselect env_id\n  from envs where stauts = 'NORMAL'\n"
    let result = try tcbq.run([], stdin: script)
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr.contains(
        "error: line 3, column 19: unknown column 'stauts' in table envs (did you mean 'status'?)"))
    #expect(result.stderr.contains("  from envs where stauts = 'NORMAL'"))
    #expect(result.stderr.contains("                  ^~~~~~"))
    // Checked before anything ran: not even the first statement's call was made.
    #expect(try SandboxLog.requests(sandbox).isEmpty)
  }

  @Test func severalSyntaxErrorsAreAllReported() throws {
    let tcbq = try TCBQRunner()
    let result = try tcbq.run(["-c", "selct * from envs;\nselect * form envs;\nselect * from evns"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("line 1, column 1"))
    #expect(result.stderr.contains("did you mean 'select'?"))
    #expect(result.stderr.contains("line 2"))
    #expect(result.stderr.contains("line 3"))
    #expect(result.stderr.contains("did you mean 'envs'?"))
  }

  @Test func keepGoingRunsTheSoundStatements() throws {
    let tcbq = try TCBQRunner()
    let result = try tcbq.run(
      ["--keep-going", "--format", "csv", "--no-header"],
      stdin: "select 'a' from envs limit 1\nselect nope from envs\nselect 'b' from envs limit 1\n")
    #expect(result.status == 1)
    #expect(result.stdout == "a\r\nb\r\n")
    #expect(result.stderr.contains("unknown column 'nope'"))
  }

  @Test(arguments: [
    (["--format", "yaml", "-c", "show tables"], "yaml"),
    (["--bogus"], "--bogus"),
    (["-f", "/nonexistent/script.tcbq"], "/nonexistent/script.tcbq"),
    (["--batch-size", "0", "-c", "show tables"], "batch-size"),
  ])
  func usageErrorsExitTwo(arguments: [String], mentioned: String) throws {
    let result = try TCBQRunner().run(arguments)
    #expect(result.status == 2)
    #expect(result.stderr.contains(mentioned))
    #expect(result.stdout.isEmpty)
  }

  @Test func configFileThatIsNotTOMLExitsTwo() throws {
    var tcbq = try TCBQRunner()
    let path = try tcbq.file("config.toml", "this is = = not toml [")
    tcbq.environment["TCBQ_CONFIG"] = path
    let result = try tcbq.run(["-c", "show tables"])
    #expect(result.status == 2)
    #expect(result.stderr.contains(path))
  }

  @Test func endpointWithoutCredentialsIsAUsageError() throws {
    let result = try TCBQRunner().run(["--endpoint", "http://127.0.0.1:9", "-c", "show tables"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("TCBQ_ACCESS_TOKEN"))
  }

  @Test func anAppWithoutCloudDevelopmentIsNamedWithItsKindNotAsAFailure() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let result = try tcbq.run([
      "--format", "csv", "-c",
      "shares of \(Data.appSharingThree), \(Data.appWithoutPrivilege), \(Data.officialAccount)",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.split(separator: "\r\n").count == 4)  // header + 3 shares
    #expect(
      result.stderr == """
        note: \(Data.appWithoutPrivilege) has no cloud development (no qbase privilege): it shares nothing
        note: \(Data.officialAccount) is not a mini program (appid is not a mini program): it shares nothing

        """)
  }

  @Test func partialFailureExitsThreeAndNamesTheApp() async throws {
    // batchgetenvid's quota lasts one call: the second app's call is refused (45009).
    let sandbox = try await SandboxProcess.start([
      "--daily-limit", "/componenttcb/batchgetenvid=1",
    ])
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let result = try tcbq.run([
      "--format", "csv", "--batch-size", "1", "--concurrency", "1", "-c",
      "shares of \(Data.appSharingThree), \(Data.appSharingNothing)",
    ])
    #expect(result.status == 3)
    #expect(result.stdout.split(separator: "\r\n").count == 4)  // header + 3 shares
    #expect(result.stderr.contains("\(Data.appSharingNothing): "), "\(result.stderr)")
    #expect(result.stderr.contains("45009"))
  }

  @Test func appSharingNothingIsNamed() throws {
    let result = try TCBQRunner().run([
      "--format", "json", "-c", "shares of \(Data.appSharingNothing)",
    ])
    #expect(result.status == 0)
    #expect(result.stdout.contains(#""env_id":null"#))
    #expect(result.stderr.contains("\(Data.appSharingNothing) shares no environment"))
  }

  @Test func appidFilterOnSharesIsPushedDown() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let result = try tcbq.run([
      "-c",
      "select * from shares where appid in ('\(Data.appSharingThree)', '\(Data.appSharingNothing)') and env_id like 'prod-%'",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let requests = try SandboxLog.requests(sandbox)
    #expect(requests.map(\.path) == ["/componenttcb/batchgetenvid"])
    #expect(Set(requests.first?.appids ?? []) == [Data.appSharingThree, Data.appSharingNothing])
  }

  @Test func sharesWithoutAFilterWalksTheApps() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let result = try tcbq.run(["--batch-size", "7", "-c", "select count(*) from shares"])
    // Some apps answer 85088 or are official accounts: facts, not failures.
    #expect(result.status == 0, "\(result.stderr)")
    let requests = try SandboxLog.requests(sandbox)
    #expect(requests.first?.path == "/cgi-bin/component/api_get_authorizer_list")
    let batches = requests.filter { $0.path == "/componenttcb/batchgetenvid" }
    #expect(batches.allSatisfy { $0.appids.count <= 7 })
    #expect(batches.count == (40 + 6) / 7)
  }

  @Test func explainMakesNoCall() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let result = try tcbq.run([
      "-c", "explain select * from shares s join envs e on e.env_id = s.env_id",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("batchgetenvid"))
    #expect(try SandboxLog.requests(sandbox).isEmpty)
  }

  @Test func writeIsRefusedWithoutYes() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let result = try tcbq.run(["-c", "share \(Data.unsharedEnvID) with \(Data.appSharingNothing)"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("nothing sent"))
    #expect(!(try SandboxLog.requests(sandbox)).contains { $0.path.contains("batchshareenv") })
    #expect(tcbq.auditLines().isEmpty)
  }

  @Test func dryRunPrintsTheRequestAndSendsNothing() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let result = try tcbq.run([
      "--dry-run", "-c",
      "unshare \(Data.unavailableEnvID) from \(Data.appSharingThree), 'wx00000000000000aa'",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("/componenttcb/batchunshareenv"))
    #expect(result.stdout.contains(#""env":"\#(Data.unavailableEnvID)""#))
    #expect(!result.stdout.contains("sandbox-token") && !result.stderr.contains("sandbox-token"))
    #expect(!(try SandboxLog.requests(sandbox)).contains { $0.path.contains("unshare") })
    #expect(tcbq.auditLines().isEmpty)
  }

  @Test func confirmedShareIsSentExactlyAuditedAndVisible() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let script = """
      shares of \(Data.appSharingNothing)
      share \(Data.unsharedEnvID) with \(Data.appSharingNothing)
      shares of \(Data.appSharingNothing)
      """
    let result = try tcbq.run(["--yes", "--format", "csv", "--no-header"], stdin: script)
    #expect(result.status == 0, "\(result.stderr)")
    // Before: nothing (a NULL env), then the write's row, then the share (fetched again, not
    // from the cache the write invalidated).
    let lines = result.stdout.split(separator: "\r\n").map(String.init)
    #expect(lines.first == "\(Data.appSharingNothing),")
    #expect(lines.contains { $0.hasPrefix("\(Data.unsharedEnvID),\(Data.appSharingNothing),ok,") })
    #expect(lines.last == "\(Data.appSharingNothing),\(Data.unsharedEnvID)")
    let writes = try SandboxLog.requests(sandbox).filter {
      $0.path == "/componenttcb/batchshareenv"
    }
    #expect(writes.count == 1)
    #expect(writes.first?.appids == [Data.appSharingNothing])
    #expect(writes.first?.envs == [Data.unsharedEnvID])
    let audit = tcbq.auditLines()
    #expect(audit.count == 1)
    #expect(audit.first?["env"] as? String == Data.unsharedEnvID)
    #expect(audit.first?["appids"] as? [String] == [Data.appSharingNothing])
    #expect(audit.first?["endpoint"] as? String == "/componenttcb/batchshareenv")
    #expect((audit.first?["errcode"] as? NSNumber)?.intValue == 0)
    let auditText = try String(contentsOf: tcbq.auditLog, encoding: .utf8)
    #expect(!auditText.contains("sandbox-token"))
  }

  @Test func csvFileReadsBackWithPython() async throws {
    let tcbq = try TCBQRunner()
    let out = tcbq.home.appendingPathComponent("envs.csv").path
    let result = try tcbq.run([
      "--format", "csv", "-o", out, "-c",
      "select env_id, alias, package_name, is_default from envs order by env_id",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    let json = try tcbq.run([
      "--format", "json", "-c",
      "select env_id, alias, package_name, is_default from envs order by env_id",
    ])
    let python = try #require(TestBinaries.onPath("python3"))
    let process = Process()
    process.executableURL = python
    process.arguments = [
      "-c",
      "import csv, json, sys; rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8'))); print(json.dumps(rows, ensure_ascii=False))",
      out,
    ]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let parsed =
      try JSONSerialization.jsonObject(with: pipe.fileHandleForReading.readDataToEndOfFile())
      as? [[String: String]]
    process.waitUntilExit()
    let expected =
      try JSONSerialization.jsonObject(with: Foundation.Data(json.stdout.utf8)) as? [[String: Any]]
    #expect(parsed?.count == expected?.count)
    for (row, want) in zip(parsed ?? [], expected ?? []) {
      #expect(row["env_id"] == want["env_id"] as? String)
      #expect(row["package_name"] == ((want["package_name"] as? String) ?? ""))
      #expect(
        row["is_default"] == ((want["is_default"] as? Bool).map { $0 ? "true" : "false" } ?? ""))
    }
  }

  @Test func verboseLogsCallsButNeverTheToken() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let result = try tcbq.run(["--verbose", "-c", "select count(*) from apps"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("api_get_authorizer_list"))
    #expect(!result.stderr.contains("sandbox-token"))
    #expect(!result.stdout.contains("sandbox-token"))
  }

  @Test func interruptDuringASlowFetchExits130() async throws {
    let sandbox = try await SandboxProcess.start(["--latency-ms", "5000"])
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let running = try tcbq.start(["--verbose", "-c", "select * from envs"])
    // tcbq starts in well under a second; the call then waits 5 s in the sandbox.
    try await Task.sleep(for: .seconds(1))
    kill(running.process.processIdentifier, SIGINT)
    running.process.waitUntilExit()
    let result = running.result()
    #expect(result.status == 130)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("interrupted"))
  }
}

/// The config file: profiles and the warning for a readable secret.
@Suite struct ConfigFileTests {
  @Test func aProfileSetsTheEndpointCredentialsAndBatchSize() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    var tcbq = try TCBQRunner()
    let config = try tcbq.file(
      "config.toml",
      """
      batch_size = 50
      [profiles.local]
      endpoint = "\(sandbox.baseURL)"
      component_appid = "wx0123456789abcdef"
      token_command = "printf sandbox-token"
      batch_size = 9
      """)
    tcbq.environment["TCBQ_CONFIG"] = config
    let result = try tcbq.run(["--profile", "local", "-c", "select count(*) from shares"])
    #expect(result.status == 0, "\(result.stderr)")
    let batches = try SandboxLog.requests(sandbox).filter {
      $0.path == "/componenttcb/batchgetenvid"
    }
    #expect(batches.count == 5)  // 40 apps in batches of 9
    #expect(!result.stderr.contains("readable by others"))
  }

  @Test func aReadableFileHoldingASecretIsWarnedAbout() throws {
    var tcbq = try TCBQRunner()
    let config = try tcbq.file(
      "config.toml", "access_token = \"tok-SECRET-123\"\nendpoint = \"http://127.0.0.1:9\"\n")
    chmod(config, 0o644)
    tcbq.environment["TCBQ_CONFIG"] = config
    let result = try tcbq.run(["--sandbox", "-c", "show tables"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("readable by others"))
    #expect(result.stderr.contains("chmod 600"))
    #expect(!result.stderr.contains("tok-SECRET-123"))
    chmod(config, 0o600)
    let quiet = try tcbq.run(["--sandbox", "-c", "show tables"])
    #expect(!quiet.stderr.contains("readable by others"))
  }

  @Test func anUnknownProfileIsAUsageError() throws {
    var tcbq = try TCBQRunner()
    tcbq.environment["TCBQ_CONFIG"] = try tcbq.file(
      "config.toml", "[profiles.prod]\nbatch_size = 5\n")
    let result = try tcbq.run(["--profile", "prdo", "-c", "show tables"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("no profile 'prdo'"))
  }
}
