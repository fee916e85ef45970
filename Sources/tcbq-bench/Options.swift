import Foundation
import TCBQCore

/// The benchmark's command line: `tcbq-bench [--runs N] [--startup-runs N] [--envs N]
/// [--apps N] [--fetch-appids N] [--walk-apps N] [--info-apps N] [--seed N] [--bin DIR]
/// [--work DIR] [--only W2,W6,M]`.
struct Options {
  var runs = 5
  var startupRuns = 10
  var envs = 100_000
  var apps = 200_000
  var fetchAppids = 20_000
  /// W12: the apps the walk lists, and the calls it has in flight.
  var walkApps = 20_000
  let walkConcurrency = 16
  /// W13: the apps whose `app_info` is read, one api_get_authorizer_info call each (at
  /// `walkConcurrency` in flight).
  var infoApps = 2_000
  var seed: UInt64 = 1
  /// Where the release-built `tcbq` and `tcbq-sandbox` are.
  var bin = ".build-release/release"
  /// Where generated files go (load.sql, the answer, CSV exports).
  var work = "bench-data"
  /// Workloads to run (`W1`…`W8`, `W12`, `W13`, `M`); empty: all.
  var only: Set<String> = []
  /// tcbq's defaults, for the W7 ideal.
  let batchSize = Defaults.batchSize
  let concurrency = Defaults.concurrency

  func wants(_ workload: String) -> Bool {
    only.isEmpty || only.contains(workload)
  }

  static func parse(_ arguments: [String]) throws -> Options {
    var options = Options()
    var rest = arguments[...]
    while let flag = rest.popFirst() {
      guard let value = rest.popFirst() else { throw BenchError("\(flag) needs a value") }
      func int() throws -> Int {
        guard let n = Int(value), n > 0 else { throw BenchError("\(flag): not a count") }
        return n
      }
      switch flag {
      case "--runs": options.runs = try int()
      case "--startup-runs": options.startupRuns = try int()
      case "--envs": options.envs = try int()
      case "--apps": options.apps = try int()
      case "--fetch-appids": options.fetchAppids = try int()
      case "--walk-apps": options.walkApps = try int()
      case "--info-apps": options.infoApps = try int()
      case "--seed": options.seed = UInt64(try int())
      case "--bin": options.bin = value
      case "--work": options.work = value
      case "--only":
        options.only = Set(value.uppercased().split(separator: ",").map(String.init))
      default: throw BenchError("unknown option \(flag)")
      }
    }
    return options
  }
}
