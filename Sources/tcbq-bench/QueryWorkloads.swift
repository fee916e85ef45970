import Foundation
import TCBQQuery
import TCBQRender

/// W1–W5: the same statements run by tcbq's engine in this process and by sqlite3 over the same
/// rows in memory. Both sides render CSV with a header: to /dev/null (W1–W4) or to a file (W5),
/// and both figures include that rendering (sqlite3's `.timer` covers stepping and printing).
enum QueryWorkloads {
  struct Workload {
    var name: String
    var sql: String
    /// nil: /dev/null.
    var outputFile: String?
  }

  static func workloads(work: String) -> [Workload] {
    [
      Workload(
        name: "W1 filter and project",
        sql: "select env_id, status from envs where region='ap-shanghai'"),
      Workload(
        name: "W2 sort and limit",
        sql: "select env_id, update_time from envs order by update_time desc limit 100"),
      Workload(
        name: "W3 group",
        sql: "select region, status, count(*) from envs group by region, status"),
      Workload(
        name: "W4 join",
        sql: "select s.appid, e.env_id, e.region from shares s join envs e"
          + " on e.env_id = s.env_id where e.status = 'NORMAL'"),
      Workload(
        name: "W5 export csv", sql: "select * from envs", outputFile: "\(work)/envs-tcbq.csv"),
    ]
  }

  /// Parse, plan, execute and render once; seconds.
  static func runTCBQ(_ w: Workload, tables: [String: Table]) throws -> (Double, Int) {
    var rows = 0
    let seconds = try Clock.seconds {
      let parsed = Script.parse(w.sql)
      guard let unit = parsed.statements.first, case .select(let select) = unit.statement else {
        throw BenchError("\(w.name): not a select")
      }
      let plan = try Planner.plan(select, catalog: .standard, source: w.sql)
      let result = try Executor.execute(plan, tables: tables)
      rows = result.rowCount
      let path = w.outputFile ?? "/dev/null"
      let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
      guard fd >= 0 else { throw BenchError("cannot open \(path)") }
      defer { close(fd) }
      var sink = FileDescriptorSink(fileDescriptor: fd)
      try render(result, options: RenderOptions(format: .csv), to: &sink)
    }
    return (seconds, rows)
  }

  /// Every workload `runs` times in one sqlite3 session after loading `loadSQL`; the
  /// `Run Time: real X` figures, per workload.
  static func runSQLite(
    _ workloads: [Workload], runs: Int, sqlite3: String, loadSQL: String, work: String
  ) throws -> [[Double]] {
    var script = ".read \(loadSQL)\n.mode csv\n.headers on\n.timer on\n"
    for w in workloads {
      for _ in 0..<runs {
        let file = w.outputFile.map { $0.replacingOccurrences(of: "-tcbq", with: "-sqlite3") }
        script += ".output \(file ?? "/dev/null")\n\(w.sql);\n"
      }
    }
    script += ".output stdout\n"
    let path = "\(work)/queries.sqlite3"
    try script.write(toFile: path, atomically: false, encoding: .utf8)
    let outcome = try Processes.run(sqlite3, [":memory:"], input: path)
    guard outcome.status == 0 else {
      throw BenchError("sqlite3 failed: \(outcome.standardError.prefix(500))")
    }
    let times = runTimes(outcome.standardOutput)
    guard times.count == workloads.count * runs else {
      throw BenchError("sqlite3 printed \(times.count) timings, expected \(workloads.count * runs)")
    }
    return (0..<workloads.count).map { i in Array(times[(i * runs)..<((i + 1) * runs)]) }
  }

  /// The `X` of each `Run Time: real X user … sys …` line.
  static func runTimes(_ output: String) -> [Double] {
    output.split(whereSeparator: \.isNewline).compactMap { line -> Double? in
      guard let r = line.range(of: "Run Time: real ") else { return nil }
      return Double(line[r.upperBound...].prefix { $0 != " " })
    }
  }
}
