import Foundation
import Testing

/// The walk of every authorized app over real HTTP: `--concurrency N` means N calls in flight,
/// the authorizer list's pages overlap, and faults in the middle of the concurrent walk lose no
/// row and duplicate none.
@Suite(.serialized) struct ConcurrentWalkTests {
  static let authorizerList = "/cgi-bin/component/api_get_authorizer_list"
  static let batchGetEnvID = "/componenttcb/batchgetenvid"

  static func walk(concurrency: Int) -> [String] {
    [
      "--format", "csv", "--no-header", "--batch-size", "100", "--concurrency", "\(concurrency)",
      "-c", "select appid, env_id from shares",
    ]
  }

  static func lines(_ csv: String) -> [String] {
    csv.split(separator: "\r\n").map(String.init)
  }

  @Test(arguments: [16, 3])
  func concurrencyMeansThatManyCallsInFlight(concurrency: Int) async throws {
    // 8,000 apps: 17 pages of 500 (the last empty) and 80 batches; each answer 200 ms after its
    // request, so calls sent together are seen together.
    let sandbox = try await SandboxProcess.start([
      "--apps", "8000", "--envs", "40", "--seed", "5", "--latency-ms", "200",
    ])
    defer { sandbox.stop() }
    let result = try TCBQRunner.against(sandbox).run(Self.walk(concurrency: concurrency))
    #expect(result.status == 0 || result.status == 3)
    let requests = try SandboxLog.requests(sandbox)
    let pages = requests.filter { $0.path == Self.authorizerList }
    let batches = requests.filter { $0.path == Self.batchGetEnvID }
    #expect(pages.count == 17)
    #expect(batches.count == 80)
    let inFlight = requests.compactMap(\.inFlight)
    #expect(inFlight.count == requests.count)
    #expect(inFlight.max() == concurrency)
    // The first page is alone (its total_count plans the rest); the pages after it overlap.
    #expect(pages.first?.inFlight == 1)
    #expect((pages.dropFirst().compactMap(\.inFlightSamePath).max() ?? 0) >= min(concurrency, 16))
    // The first batch left while pages were still in flight: whatever else was in flight when
    // it arrived was a page.
    #expect((batches.first?.inFlight ?? 0) > 1)
  }

  @Test(arguments: [
    (["--busy-rate", "0.15"], "busy"),
    (["--http500-rate", "0.15"], "http500"),
    (["--truncate-rate", "0.15"], "truncated"),
  ])
  func faultsInTheMiddleOfAConcurrentWalkLoseNoRow(faults: [String], fault: String) async throws {
    let data = ["--apps", "2600", "--envs", "30", "--seed", "11"]
    let clean = try await SandboxProcess.start(data)
    let expected = try TCBQRunner.against(clean).run(Self.walk(concurrency: 8))
    clean.stop()
    let expectedRows = Self.lines(expected.stdout)
    #expect(expectedRows.count > 1000)

    let sandbox = try await SandboxProcess.start(data + faults)
    defer { sandbox.stop() }
    let result = try TCBQRunner.against(sandbox).run(Self.walk(concurrency: 8))
    let rows = Self.lines(result.stdout)
    #expect(rows.sorted() == expectedRows.sorted())
    #expect(Set(rows).count == rows.count)
    #expect(result.status == expected.status)
    #expect(result.stderr == expected.stderr)
    let injected = try FaultTests.injectedFaults(sandbox).filter { $0 == fault }.count
    #expect(injected >= 2)
  }
}
