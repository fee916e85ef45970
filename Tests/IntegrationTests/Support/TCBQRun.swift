import Foundation

/// What one run of the real `tcbq` binary printed and returned.
struct TCBQResult {
  var status: Int32
  var stdout: String
  var stderr: String
}

/// Runs the built `tcbq` in a private home (HOME, XDG dirs, history and audit log in a temporary
/// directory), with no inherited TCBQ_* variables, standard input from `stdin`.
struct TCBQRunner {
  let home: URL
  var environment: [String: String]

  var auditLog: URL { home.appendingPathComponent("audit.log") }
  var historyFile: URL { home.appendingPathComponent("history") }

  init(extra: [String: String] = [:]) throws {
    home = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tcbq-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    var env = ProcessInfo.processInfo.environment.filter {
      !$0.key.hasPrefix("TCBQ_") && $0.key != "NO_COLOR"
    }
    env["HOME"] = home.path
    env["XDG_CONFIG_HOME"] = home.appendingPathComponent("config").path
    env["XDG_STATE_HOME"] = home.appendingPathComponent("state").path
    env["TCBQ_AUDIT_LOG"] = home.appendingPathComponent("audit.log").path
    env["TCBQ_HISTORY"] = home.appendingPathComponent("history").path
    environment = env.merging(extra) { $1 }
  }

  /// An environment pointing tcbq at a `tcbq-sandbox` server with its default credentials.
  static func against(_ sandbox: SandboxProcess, extra: [String: String] = [:]) throws -> TCBQRunner
  {
    try TCBQRunner(
      extra: [
        "TCBQ_ENDPOINT": sandbox.baseURL,
        "TCBQ_ACCESS_TOKEN": "sandbox-token",
        "TCBQ_COMPONENT_APPID": "wx0123456789abcdef",
      ].merging(extra) { $1 })
  }

  /// Writes a file in the private home and returns its path.
  func file(_ name: String, _ text: String) throws -> String {
    let url = home.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  func run(_ arguments: [String], stdin: String = "") throws -> TCBQResult {
    let process = try start(arguments, stdin: stdin)
    process.process.waitUntilExit()
    return process.result()
  }

  /// Starts tcbq and returns it running (for interrupt tests).
  func start(_ arguments: [String], stdin: String = "") throws -> RunningTCBQ {
    let process = Process()
    process.executableURL = try TestBinaries.url(named: "tcbq")
    process.arguments = arguments
    process.environment = environment
    process.currentDirectoryURL = home
    let id = UUID().uuidString
    let out = home.appendingPathComponent("stdout-\(id)")
    let err = home.appendingPathComponent("stderr-\(id)")
    let input = home.appendingPathComponent("stdin-\(id)")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    try stdin.write(to: input, atomically: true, encoding: .utf8)
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    process.standardInput = try FileHandle(forReadingFrom: input)
    try process.run()
    return RunningTCBQ(process: process, stdout: out, stderr: err)
  }

  func auditLines() -> [[String: Any]] {
    guard let text = try? String(contentsOf: auditLog, encoding: .utf8) else { return [] }
    return text.split(separator: "\n").compactMap {
      (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
    }
  }
}

struct RunningTCBQ {
  let process: Process
  let stdout: URL
  let stderr: URL

  func result() -> TCBQResult {
    TCBQResult(
      status: process.terminationStatus,
      stdout: (try? String(contentsOf: stdout, encoding: .utf8)) ?? "",
      stderr: (try? String(contentsOf: stderr, encoding: .utf8)) ?? "")
  }

  /// Waits until standard error contains `text` (bounded).
  func waitForStderr(containing text: String, timeout: Duration = .seconds(20)) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
      if ((try? String(contentsOf: stderr, encoding: .utf8)) ?? "").contains(text) { return true }
      try? await Task.sleep(for: .milliseconds(50))
    }
    return false
  }
}

/// The requests a `tcbq-sandbox` server has seen (GET /__sandbox/requests).
struct SandboxLog {
  struct Request {
    var path: String
    var appids: [String]
    var envs: [String]
    var errcode: Int?
    /// With a latency: the requests in flight when this one arrived (itself included), in all
    /// and to its path.
    var inFlight: Int?
    var inFlightSamePath: Int?
  }

  static func requests(_ sandbox: SandboxProcess) throws -> [Request] {
    let result = try Curl.run("GET", sandbox.baseURL + "/__sandbox/requests")
    guard let array = (try? JSONSerialization.jsonObject(with: result.body)) as? [[String: Any]]
    else {
      return []
    }
    return array.map {
      Request(
        path: $0["path"] as? String ?? "", appids: $0["appids"] as? [String] ?? [],
        envs: $0["envs"] as? [String] ?? [], errcode: ($0["errcode"] as? NSNumber)?.intValue,
        inFlight: ($0["inFlight"] as? NSNumber)?.intValue,
        inFlightSamePath: ($0["inFlightSamePath"] as? NSNumber)?.intValue)
    }
  }

  static func reset(_ sandbox: SandboxProcess) throws {
    _ = try Curl.run("POST", sandbox.baseURL + "/__sandbox/reset-log")
  }
}
