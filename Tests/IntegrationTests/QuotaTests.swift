import Foundation
import TCBQSandbox
import Testing

/// Call accounting, cost estimates, the quota table, 45009 and the call budget, over real HTTP
/// against `tcbq-sandbox` (issue 10).
@Suite(.serialized) struct QuotaTests {
  typealias Data = DefaultDataset

  /// `Run Time: …, rows: N, calls: batchgetenvid 3, api_get_authorizer_list 1` → path → calls.
  func timerCalls(_ stderr: String) -> [[String: Int]] {
    stderr.split(separator: "\n").filter { $0.hasPrefix("Run Time:") }.map { line in
      guard let range = line.range(of: "calls: ") else { return [:] }
      var counts: [String: Int] = [:]
      for part in line[range.upperBound...].split(separator: ",") {
        let words = part.split(separator: " ")
        if words.count >= 2, let n = Int(words[1]) { counts[String(words[0])] = n }
      }
      return counts
    }
  }

  func sawCounts(_ sandbox: SandboxProcess) throws -> [String: Int] {
    var counts: [String: Int] = [:]
    for request in try SandboxLog.requests(sandbox) {
      counts[String(request.path.split(separator: "/").last ?? ""), default: 0] += 1
    }
    return counts
  }

  @Test func timerCountsEqualTheRequestsTheSandboxSaw() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let result = try tcbq.run(
      ["--batch-size", "6"],
      stdin:
        ".timer on\nselect count(*) from shares\nselect count(*) from envs\nselect count(*) from shares\n"
    )
    #expect(result.status == 0, "\(result.stderr)")
    let timers = timerCalls(result.stderr)
    #expect(timers.count == 3)
    var total: [String: Int] = [:]
    for timer in timers { total.merge(timer, uniquingKeysWith: +) }
    #expect(total == (try sawCounts(sandbox)))
    #expect(timers.first == ["api_get_authorizer_list": 1, "batchgetenvid": 7])
    #expect(timers.last?.isEmpty == true)  // everything cached: no call
  }

  @Test func explainsKnownCountsEqualTheCallsMade() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let appids = (0..<7).map { "'wx\(String(format: "%016x", $0 + 1))'" }.joined(separator: ", ")
    let query =
      "select * from shares s join envs e on e.env_id = s.env_id where s.appid in (\(appids))"
    let result = try tcbq.run(
      ["--batch-size", "3", "--format", "csv"], stdin: "explain \(query)\n\(query)\n")
    let plan = result.stdout
    #expect(plan.contains("batchgetenvid: 3"), "\(plan)")
    #expect(plan.contains("describecloudbaserunenvs: 1"), "\(plan)")
    #expect(try sawCounts(sandbox) == ["batchgetenvid": 3, "describecloudbaserunenvs": 1])
  }

  @Test func quotaUsedRisesByExactlyTheCallsMade() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let path = "/componenttcb/batchgetenvid"
    let read = "select used from quota where cgi_path = '\(path)'"
    let result = try tcbq.run(
      ["--batch-size", "4", "--format", "csv", "--no-header"],
      stdin:
        "\(read)\nshares of \(Data.appSharingThree), \(Data.appSharingNothing), wx0853964b50af03b9, wxd7e805da846a32c3, wxbb81e3c29b621792\n\(read)\n"
    )
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\r\n").map(String.init)
    let before = try #require(Int(lines.first ?? ""))
    let after = try #require(Int(lines.last ?? ""))
    #expect(after - before == 2)  // 5 appids in batches of 4
  }

  @Test func aRejectedPathIsNamedAndTheOthersPrinted() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let result = try tcbq.run([
      "--format", "csv", "-c",
      "select cgi_path, daily_limit from quota where cgi_path in ('/componenttcb/batchgetenvid', '/cgi-bin/no-such-api')",
    ])
    #expect(result.status == 3)
    #expect(result.stdout.contains("/componenttcb/batchgetenvid,100000"))
    #expect(result.stderr.contains("/cgi-bin/no-such-api"))
    #expect(result.stderr.contains("76021"))
    #expect(result.stderr.contains("rid"))
  }

  @Test func quota45009MidWalkStopsTheEndpointAndExitsThree() async throws {
    let sandbox = try await SandboxProcess.start(["--daily-limit", "/componenttcb/batchgetenvid=2"])
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let result = try tcbq.run([
      "--batch-size", "5", "--concurrency", "1", "-c", "select * from shares",
    ])
    #expect(result.status == 3)
    #expect(!result.stdout.isEmpty)
    #expect(result.stderr.contains("45009"))
    #expect(result.stderr.contains("select * from quota"))
    let batches = try SandboxLog.requests(sandbox).filter {
      $0.path == "/componenttcb/batchgetenvid"
    }
    // Two accepted, one answered 45009, and then no further call.
    #expect(batches.count == 3)
    #expect(batches.last?.errcode == 45009)
  }

  @Test func maxCallsRefusesAKnownCostBeforeAnyCall() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let appids = (0..<9).map { "'wx\(String(format: "%016x", $0 + 1))'" }.joined(separator: ", ")
    let result = try tcbq.run([
      "--batch-size", "3", "--max-calls", "2", "-c",
      "select * from shares where appid in (\(appids))",
    ])
    #expect(result.status == 1)
    #expect(result.stderr.contains("needs 3 API calls"))
    #expect(result.stderr.contains("explain"))
    #expect(try SandboxLog.requests(sandbox).isEmpty)
  }

  @Test func maxCallsStopsAnUnknownCostAtTheLimit() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let result = try tcbq.run([
      "--batch-size", "5", "--concurrency", "1", "--max-calls", "3", "-c", "select * from shares",
    ])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("stopped before API call 4"))
    #expect(try SandboxLog.requests(sandbox).count == 3)
  }

  @Test func maxCallsFromTheShellDotCommand() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let result = try tcbq.run(
      ["--keep-going"],
      stdin: ".maxcalls 1\nselect count(*) from shares\n.maxcalls off\nselect count(*) from apps\n")
    #expect(result.status == 1)
    #expect(result.stderr.contains("stopped before API call 2"))
    #expect(result.stdout.contains("40"))
  }

  @Test func verbosePrintsTheTotalsAtTheEnd() async throws {
    let tcbq = try TCBQRunner()
    let result = try tcbq.run(["--verbose", "-c", "select count(*) from apps"])
    #expect(result.stderr.contains("total calls: api_get_authorizer_list 1"))
  }
}
