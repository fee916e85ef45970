import Foundation
import TCBQCore

extension Bench {
  /// W13: who every authorized app is, `select count(*) from app_info`: the authorizer list,
  /// then one api_get_authorizer_info call per app, against a `tcbq-sandbox` of its own with
  /// 20 ms per call and `walkConcurrency` calls in flight. The ideal is the calls made, in
  /// rounds of 20 ms: the first page alone, the other pages its `total_count` announces
  /// `concurrency` at a time, then the apps `concurrency` at a time — for 2,000 apps at 16,
  /// 20 ms × (1 + ⌈4/16⌉ + ⌈2000/16⌉) = 2.54 s. (The info calls wait for the whole list: they
  /// are not overlapped with its pages.)
  func appInfoWorkload() throws -> WorkloadResult {
    let apps = options.infoApps, lanes = options.walkConcurrency
    log("W13: starting tcbq-sandbox (\(apps) apps, 20 ms latency)")
    let server = try SandboxServerProcess(
      executable: sandbox,
      arguments: [
        "--port", "0", "--seed", String(options.seed), "--envs", "10", "--apps", String(apps),
        "--latency-ms", "20", "--lifetime", "1800",
        // One call per app per run: more than the default daily quota of the path.
        "--daily-limit", String(apps * (options.runs + 1) + 1_000),
      ])
    defer { server.stop() }
    var samples: [Double] = []
    for run in 0..<options.runs {
      let outcome = try Processes.run(
        tcbq,
        [
          "--endpoint", server.endpoint, "--format", "csv", "--no-header",
          "--concurrency", String(lanes), "-c", "select count(*) from app_info",
        ],
        environment: tcbqEnvironment)
      guard outcome.status == 0 else {
        throw BenchError("tcbq (W13) failed: \(outcome.standardError.prefix(500))")
      }
      if run == 0 {
        log("W13: app_info has \(outcome.standardOutput.trimmingCharacters(in: .newlines)) rows")
      }
      samples.append(outcome.seconds)
    }
    let calls = CallEstimator()
    let pages = calls.authorizerCalls(appCount: apps)
    let infos = calls.authorizerInfoCalls(appCount: apps)
    func rounds(_ n: Int) -> Int { (n + lanes - 1) / lanes }
    let ideal = Double(1 + rounds(pages - 1) + rounds(infos)) * 0.020
    return WorkloadResult(
      name: "W13 app_info of \(apps) apps", tcbq: Clock.median(samples), against: ideal,
      againstName: "ideal: 20 ms × (1 + ⌈\(pages - 1)/\(lanes)⌉ + ⌈\(infos)/\(lanes)⌉)",
      unit: .seconds, maxRatio: 1.25, targetText: "≤ 1.25× ideal")
  }
}
