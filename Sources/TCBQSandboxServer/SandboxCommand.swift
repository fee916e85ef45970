import ArgumentParser
import Foundation
import TCBQSandbox

/// `tcbq-sandbox`: the simulated WeChat component APIs over loopback HTTP.
public struct SandboxCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "tcbq-sandbox",
    abstract: "Serve a simulated WeChat component cloud-hosting API on 127.0.0.1.",
    discussion: """
      Prints one line, 'tcbq-sandbox listening on http://127.0.0.1:PORT', once it accepts \
      connections. Without --seed, --envs or --apps it serves a small embedded dataset.

      Administration: GET /__sandbox/requests, POST /__sandbox/reset-log, \
      GET /__sandbox/confirm?appid=APPID[&env=ENV], GET /__sandbox/pending.
      """)

  @Option(help: "Port on 127.0.0.1; 0 picks a free one.")
  var port: Int = 0

  @Option(help: "Seed of the generated data and of the fault draws.")
  var seed: UInt64?

  @Option(help: "Environments to generate (default 12 when generating).")
  var envs: Int?

  @Option(help: "Authorized apps to generate (default 40 when generating).")
  var apps: Int?

  @Option(help: "A component_access_token the service accepts.")
  var token: String = SandboxConfiguration.defaultToken

  @Option(help: "The component appid api_component_token accepts.")
  var componentAppid: String = SandboxConfiguration.defaultComponentAppID

  @Option(help: "The component appsecret api_component_token accepts.")
  var componentSecret: String = SandboxConfiguration.defaultComponentSecret

  @Option(help: "The component verify ticket api_component_token accepts.")
  var verifyTicket: String = SandboxConfiguration.defaultVerifyTicket

  @Option(help: "Send every answer this many milliseconds after its request arrived.")
  var latencyMs: Int = 0

  @Option(help: "The first N API calls answer -1 system error.")
  var busyFirst: Int = 0

  @Option(help: "Probability (0-1) that a call answers -1 system error.")
  var busyRate: Double = 0

  @Option(help: "The first N API calls answer HTTP 500.")
  var http500First: Int = 0

  @Option(help: "Probability (0-1) that a call answers HTTP 500.")
  var http500Rate: Double = 0

  @Option(help: "The first N answers are cut short.")
  var truncateFirst: Int = 0

  @Option(help: "Probability (0-1) that an answer is cut short.")
  var truncateRate: Double = 0

  @Option(
    help: ArgumentHelp(
      "Cut short the answer of write call N (share and unshare counted together; repeatable).",
      valueName: "N"))
  var truncateWrite: [Int] = []

  @Option(help: "Each token answers 42001 after this many calls.")
  var expireTokenAfter: Int?

  @Option(help: "More appids than this in one call answers 40097.")
  var maxAppids: Int?

  @Flag(help: "Keep shares pending until confirmed at /__sandbox/confirm.")
  var holdPending = false

  @Option(
    help: ArgumentHelp(
      "Daily call limit: N for every path, or PATH=N for one (repeatable).",
      valueName: "N|PATH=N"))
  var dailyLimit: [String] = []

  @Option(help: ArgumentHelp("Append each request to FILE as a JSON line.", valueName: "FILE"))
  var requestLog: String?

  @Option(help: ArgumentHelp("Exit by itself after this many seconds.", valueName: "SECONDS"))
  var lifetime: Double?

  public init() {}

  public func validate() throws {
    guard (0...65535).contains(port) else { throw ValidationError("--port must be 0...65535") }
    for (name, value) in [
      ("--envs", envs), ("--apps", apps), ("--latency-ms", latencyMs), ("--busy-first", busyFirst),
      ("--http500-first", http500First), ("--truncate-first", truncateFirst),
      ("--expire-token-after", expireTokenAfter), ("--max-appids", maxAppids),
    ] {
      if let value, value < 0 { throw ValidationError("\(name) must not be negative") }
    }
    for (name, rate) in [
      ("--busy-rate", busyRate), ("--http500-rate", http500Rate), ("--truncate-rate", truncateRate),
    ] where !(0...1).contains(rate) {
      throw ValidationError("\(name) must be between 0 and 1")
    }
    for value in dailyLimit where DailyLimitOption(value) == nil {
      throw ValidationError("--daily-limit takes N or /PATH=N, not '\(value)'")
    }
    if let lifetime, !(lifetime > 0) { throw ValidationError("--lifetime must be positive") }
  }

  /// The service configuration the options describe.
  public var sandboxConfiguration: SandboxConfiguration {
    SandboxConfiguration(
      seed: seed, envs: envs, apps: apps, token: token, componentAppID: componentAppid,
      componentSecret: componentSecret, verifyTicket: verifyTicket, holdPending: holdPending,
      faults: SandboxFaults(
        latencyMilliseconds: latencyMs, busyFirst: busyFirst, busyRate: busyRate,
        http500First: http500First, http500Rate: http500Rate, truncateFirst: truncateFirst,
        truncateRate: truncateRate, expireTokenAfter: expireTokenAfter, maxAppidsPerCall: maxAppids,
        truncateWrites: Set(truncateWrite)),
      dailyLimits: DailyLimitOption.limits(dailyLimit.compactMap(DailyLimitOption.init)))
  }

  public func run() async throws {
    var logFile: RequestLogFile?
    if let requestLog {
      do { logFile = try RequestLogFile(path: requestLog) } catch {
        throw ValidationError("cannot write the request log '\(requestLog)'")
      }
    }
    var onRequest: (@Sendable (SandboxRequestRecord) -> Void)?
    if let logFile {
      onRequest = { record in logFile.append(record) }
    }
    let service = SandboxService(configuration: sandboxConfiguration, onRequest: onRequest)
    let server = SandboxServer(service: service, port: port)
    let lifetime: Duration? = self.lifetime.map { Duration.milliseconds(Int64($0 * 1000)) }
    try await server.run(lifetime: lifetime) { port in
      let line = "tcbq-sandbox listening on http://127.0.0.1:\(port)\n"
      FileHandle.standardOutput.write(Data(line.utf8))
    }
  }
}

extension SandboxCommand {
  /// Parses the process's arguments and runs, exiting with ArgumentParser's status on error.
  public static func runFromCommandLine() async {
    await main()
  }
}
