import Foundation
import TCBQCore
import TCBQQuery
import TCBQSandbox

/// Runs every workload and collects the rows of the table.
struct Bench {
  var options: Options
  var sqlite3: String
  var python3: String
  var tcbq: String { "\(options.bin)/tcbq" }
  var sandbox: String { "\(options.bin)/tcbq-sandbox" }

  /// Credentials the sandbox accepts (not secrets: the sandbox's published defaults).
  var tcbqEnvironment: [String: String] {
    [
      "TCBQ_ACCESS_TOKEN": SandboxConfiguration.defaultToken,
      "TCBQ_COMPONENT_APPID": SandboxConfiguration.defaultComponentAppID,
    ]
  }

  func log(_ text: String) {
    FileHandle.standardError.write(Data("tcbq-bench: \(text)\n".utf8))
  }

  func run() async throws -> [WorkloadResult] {
    let work = options.work
    try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
    log("generating \(options.envs) envs, \(options.apps) apps (seed \(options.seed))")
    let dataset = try await Dataset.make(
      seed: options.seed, envs: options.envs, apps: options.apps)
    let answerPath = "\(work)/describecloudbaserunenvs.json"
    try Data(dataset.envsAnswer).write(to: URL(fileURLWithPath: answerPath))
    let loadSQL = "\(work)/load.sql"
    try SQLDump.write(dataset.tables, to: loadSQL)
    let counts = dataset.tables.keys.sorted().map { "\($0) \(dataset.tables[$0]!.rowCount)" }
    log("rows: " + counts.joined(separator: ", "))
    log("answer \(dataset.envsAnswer.count) bytes; load.sql written")

    var results: [WorkloadResult] = []
    results += try queryWorkloads(dataset.tables, loadSQL: loadSQL)
    if options.wants("W6") { results.append(try await loadWorkload(answerPath: answerPath)) }
    if options.wants("W7") || options.wants("M") {
      log("starting tcbq-sandbox (\(options.envs) envs, \(options.apps) apps, 20 ms latency)")
      let server = try SandboxServerProcess(
        executable: sandbox,
        arguments: [
          "--port", "0", "--seed", String(options.seed), "--envs", String(options.envs),
          "--apps", String(options.apps), "--latency-ms", "20", "--lifetime", "1800",
        ])
      defer { server.stop() }
      if options.wants("W7") { results.append(try fetchWorkload(dataset, server: server)) }
      if options.wants("M") {
        results.append(try memoryWorkload(dataset, server: server))
      }
    }
    if options.wants("W12") { results.append(try walkWorkload()) }
    if options.wants("W13") { results.append(try appInfoWorkload()) }
    if options.wants("W8") { results.append(try startupWorkload()) }
    return results
  }

  /// W1–W5.
  func queryWorkloads(_ tables: [String: Table], loadSQL: String) throws -> [WorkloadResult] {
    let workloads = QueryWorkloads.workloads(work: options.work).filter {
      options.wants(String($0.name.prefix(2)))
    }
    guard !workloads.isEmpty else { return [] }
    log("W1–W5: sqlite3")
    let sqliteTimes = try QueryWorkloads.runSQLite(
      workloads, runs: options.runs, sqlite3: sqlite3, loadSQL: loadSQL, work: options.work)
    return try workloads.enumerated().map { i, w in
      log("\(w.name): tcbq")
      var samples: [Double] = []
      var rows = 0
      for _ in 0..<options.runs {
        let (s, n) = try QueryWorkloads.runTCBQ(w, tables: tables)
        samples.append(s)
        rows = n
      }
      log("\(w.name): \(rows) rows")
      return WorkloadResult(
        name: w.name, tcbq: Clock.median(samples), against: Clock.median(sqliteTimes[i]),
        againstName: "sqlite3", unit: .seconds, maxRatio: 1.0, targetText: "≤ 1.0× sqlite3")
    }
  }

  /// W6: decode the answer through the client into the tables, against Python.
  func loadWorkload(answerPath: String) async throws -> WorkloadResult {
    log("W6 load: tcbq")
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: answerPath)))
    var samples: [Double] = []
    for _ in 0..<options.runs {
      samples.append(
        try await Clock.seconds {
          let tables = try await Dataset.decodeEnvTables(bytes)
          precondition((tables[TableID.envs.name]?.rowCount ?? 0) > 0)
        })
    }
    log("W6 load: python3")
    let scriptPath = "\(options.work)/load_envs.py"
    try PythonLoad.script.write(toFile: scriptPath, atomically: false, encoding: .utf8)
    let outcome = try Processes.run(python3, [scriptPath, answerPath, String(options.runs)])
    guard outcome.status == 0,
      let python = Double(outcome.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))
    else { throw BenchError("python3 failed: \(outcome.standardError.prefix(500))") }
    return WorkloadResult(
      name: "W6 load", tcbq: Clock.median(samples), against: python, againstName: "python3",
      unit: .seconds, maxRatio: 0.5, targetText: "≤ 0.5× (2× faster)")
  }

  /// W7, against a `tcbq-sandbox` serving the same dataset with 20 ms per call.
  func fetchWorkload(_ dataset: Dataset, server: SandboxServerProcess) throws -> WorkloadResult {
    // The shares of the first N appids, one tcbq process per run.
    let appids = dataset.appids.prefix(options.fetchAppids)
    let quoted = appids.map { "'\($0)'" }.joined(separator: ",")
    let scriptPath = "\(options.work)/fetch-shares.sql"
    try "select count(*) from shares where appid in (\(quoted));\n"
      .write(toFile: scriptPath, atomically: false, encoding: .utf8)
    var samples: [Double] = []
    for run in 0..<options.runs {
      let outcome = try Processes.run(
        tcbq,
        [
          "--endpoint", server.endpoint, "-f", scriptPath, "--format", "csv",
          "--batch-size", String(options.batchSize), "--concurrency", String(options.concurrency),
        ],
        environment: tcbqEnvironment)
      guard outcome.status == 0 else {
        throw BenchError("tcbq (W7) failed: \(outcome.standardError.prefix(500))")
      }
      if run == 0 {
        let count = outcome.standardOutput.split(whereSeparator: \.isNewline).last ?? ""
        log("W7: \(appids.count) appids share \(count) envs")
      }
      samples.append(outcome.seconds)
    }
    let calls = CallEstimator(batchSize: options.batchSize).shareCalls(appCount: appids.count)
    let ideal = (Double(calls) / Double(options.concurrency)).rounded(.up) * 0.020
    return WorkloadResult(
      name: "W7 fetch \(appids.count) appids", tcbq: Clock.median(samples), against: ideal,
      againstName: "ideal: \(calls) calls ÷ \(options.concurrency) × 20 ms", unit: .seconds,
      maxRatio: 1.25, targetText: "≤ 1.25× ideal")
  }

  /// W12: the shares of every authorized app (the walk: the authorizer list, then batchgetenvid
  /// of what it lists), against a `tcbq-sandbox` of its own with 20 ms per call. The ideal is
  /// the first page alone, then the other pages `concurrency` at a time, then the batches
  /// `concurrency` at a time: 20 ms × (1 + ⌈(pages − 1)/c⌉ + ⌈batches/c⌉).
  func walkWorkload() throws -> WorkloadResult {
    let apps = options.walkApps, batch = options.batchSize, lanes = options.walkConcurrency
    log("W12: starting tcbq-sandbox (\(apps) apps, 20 ms latency)")
    let server = try SandboxServerProcess(
      executable: sandbox,
      arguments: [
        "--port", "0", "--seed", String(options.seed), "--envs", "1000", "--apps", String(apps),
        "--latency-ms", "20", "--lifetime", "1800",
      ])
    defer { server.stop() }
    var samples: [Double] = []
    for _ in 0..<options.runs {
      let outcome = try Processes.run(
        tcbq,
        [
          "--endpoint", server.endpoint, "--format", "csv", "--batch-size", String(batch),
          "--concurrency", String(lanes), "-c", "select count(*) from shares",
        ],
        environment: tcbqEnvironment)
      // Exit 3: some generated apps answer err_list entries; the walk is complete all the same.
      guard outcome.status == 0 || outcome.status == 3 else {
        throw BenchError("tcbq (W12) failed: \(outcome.standardError.prefix(500))")
      }
      samples.append(outcome.seconds)
    }
    let pages = (apps + 499) / 500
    let batches = (apps + batch - 1) / batch
    func rounds(_ calls: Int) -> Int { (calls + lanes - 1) / lanes }
    let ideal = Double(1 + rounds(pages - 1) + rounds(batches)) * 0.020
    return WorkloadResult(
      name: "W12 walk \(apps) apps", tcbq: Clock.median(samples), against: ideal,
      againstName: "ideal: 20 ms × (1 + ⌈\(pages - 1)/\(lanes)⌉ + ⌈\(batches)/\(lanes)⌉)",
      unit: .seconds, maxRatio: 1.25, targetText: "≤ 1.25× ideal")
  }

  /// M: peak RSS of `tcbq --endpoint` fetching every env from `tcbq-sandbox` and answering a
  /// count over them, against sqlite3 holding the same rows (envs and its seven nested tables).
  func memoryWorkload(_ dataset: Dataset, server: SandboxServerProcess) throws -> WorkloadResult {
    log("M: peak memory")
    let tcbqKB = try peakRSS(
      [tcbq, "--endpoint", server.endpoint, "-c", "select count(*) from envs"], input: nil,
      environment: tcbqEnvironment)
    let envTables = dataset.tables.filter { $0.key != TableID.shares.name }
    let countSQL = "\(options.work)/envs-and-count.sql"
    try SQLDump.write(envTables, to: countSQL, then: "select count(*) from envs;\n")
    let sqliteKB = try peakRSS([sqlite3, ":memory:"], input: countSQL, environment: nil)
    return WorkloadResult(
      name: "M peak memory, \(options.envs) envs", tcbq: Double(tcbqKB), against: Double(sqliteKB),
      againstName: "sqlite3", unit: .kilobytes, maxRatio: 2.0, targetText: "≤ 2× sqlite3")
  }

  /// The maximum resident set size of a command, in KB, by `/usr/bin/time -f %M`.
  func peakRSS(_ command: [String], input: String?, environment: [String: String]?) throws -> Int {
    let outcome = try Processes.run(
      "/usr/bin/time", ["-f", "maxrss %M"] + command, input: input, environment: environment)
    guard outcome.status == 0,
      let line = outcome.standardError.split(whereSeparator: \.isNewline).last(where: {
        $0.hasPrefix("maxrss ")
      }),
      let kb = Int(line.dropFirst("maxrss ".count))
    else {
      throw BenchError("/usr/bin/time \(command[0]) failed: \(outcome.standardError.prefix(500))")
    }
    return kb
  }

  /// W8: start to first result, one fresh process per run.
  func startupWorkload() throws -> WorkloadResult {
    log("W8 start-up")
    func median(_ executable: String, _ arguments: [String], env: [String: String]?) throws
      -> Double
    {
      var samples: [Double] = []
      for _ in 0..<options.startupRuns {
        let outcome = try Processes.run(executable, arguments, environment: env)
        guard outcome.status == 0 else {
          throw BenchError("\(executable) failed: \(outcome.standardError.prefix(500))")
        }
        samples.append(outcome.seconds)
      }
      return Clock.median(samples)
    }
    let t = try median(tcbq, ["--sandbox", "-c", "select count(*) from envs"], env: nil)
    let s = try median(sqlite3, [":memory:", "select 1"], env: nil)
    return WorkloadResult(
      name: "W8 start to first result", tcbq: t, against: s, againstName: "sqlite3",
      unit: .seconds, maxRatio: 5.0, targetText: "≤ 5× sqlite3")
  }
}
