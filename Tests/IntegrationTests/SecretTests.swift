import Foundation
import TCBQSandbox
import Testing

/// A distinctive access token and app secret never appear in standard output, standard error,
/// the history file or the audit log, on any command path (issue 6).
@Suite(.serialized) struct SecretTests {
  typealias Data = DefaultDataset

  static let token = "tok-SECRET-7f3a"
  static let secret = "sec-SECRET-91bc"
  /// The sandbox's authorizer refresh tokens (in the authorizer list and in every
  /// api_get_authorizer_info answer) start so.
  static let refreshTokenPrefix = "refreshtoken@@@"
  static let secrets = [token, secret, "SECRET", refreshTokenPrefix]

  static func sandbox(_ extra: [String] = []) async throws -> SandboxProcess {
    try await SandboxProcess.start(
      ["--token", token, "--component-secret", secret] + extra)
  }

  /// tcbq with the static token.
  static func withToken(_ sandbox: SandboxProcess) throws -> TCBQRunner {
    try TCBQRunner.against(sandbox, extra: ["TCBQ_ACCESS_TOKEN": token])
  }

  /// tcbq minting its own tokens with the app secret.
  static func withSecret(_ sandbox: SandboxProcess, secret: String = secret) throws -> TCBQRunner {
    try TCBQRunner(extra: [
      "TCBQ_ENDPOINT": sandbox.baseURL, "TCBQ_COMPONENT_APPID": "wx0123456789abcdef",
      "TCBQ_COMPONENT_APPSECRET": secret, "TCBQ_COMPONENT_VERIFY_TICKET": "sandbox-ticket",
    ])
  }

  /// Every place a secret could leak to, after a run.
  static func expectNoSecret(
    _ result: TCBQResult, _ tcbq: TCBQRunner, _ label: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let history = (try? String(contentsOf: tcbq.historyFile, encoding: .utf8)) ?? ""
    let audit = (try? String(contentsOf: tcbq.auditLog, encoding: .utf8)) ?? ""
    for secret in secrets {
      #expect(!result.stdout.contains(secret), "\(label): stdout", sourceLocation: sourceLocation)
      #expect(!result.stderr.contains(secret), "\(label): stderr", sourceLocation: sourceLocation)
      #expect(!history.contains(secret), "\(label): history", sourceLocation: sourceLocation)
      #expect(!audit.contains(secret), "\(label): audit log", sourceLocation: sourceLocation)
    }
  }

  static let paths: [(label: String, arguments: [String], stdin: String, status: Int32)] = [
    ("select", ["--format", "csv", "-c", "select env_id from envs"], "", 0),
    (
      "verbose walk with err_list",
      ["--verbose", "--batch-size", "7", "-c", "select * from shares"], "", 0
    ),
    (
      "who the apps are", ["--verbose", "--format", "json", "-c", "select * from app_info"],
      "", 0
    ),
    (
      "an unauthorized app",
      ["--verbose", "-c", "select * from app_permissions where appid = 'wxffffffffffffffff'"],
      "", 1
    ),
    ("syntax error", ["-c", "selct * from envs"], "", 1),
    ("unknown column", ["-c", "select stauts from envs"], "", 1),
    (
      "script on stdin", ["--keep-going", "--verbose"],
      "show tables\nselect count(*) from apps\nselect nope from envs\n", 1
    ),
    (
      "dry run",
      [
        "--dry-run", "--verbose", "-c",
        "unshare \(Data.unavailableEnvID) from \(Data.appSharingThree)",
      ], "", 0
    ),
    ("refused write", ["-c", "share \(Data.unsharedEnvID) with \(Data.appSharingNothing)"], "", 1),
    (
      "confirmed write",
      ["--yes", "--verbose", "-c", "share \(Data.unsharedEnvID) with \(Data.appSharingNothing)"],
      "", 0
    ),
    (
      "write with per-pair errors",
      ["--yes", "-c", "share \(Data.unsharedEnvID) with \(Data.appWithoutPrivilege)"], "", 1
    ),
    ("explain", ["-c", "explain select * from shares"], "", 0),
    ("quota", ["--verbose", "-c", "select * from quota"], "", 0),
    ("max calls", ["--max-calls", "1", "-c", "select * from shares"], "", 1),
    ("usage error", ["--batch-size", "0", "-c", "show tables"], "", 2),
  ]

  @Test func noSecretOnAnyPathWithAStaticToken() async throws {
    let sandbox = try await Self.sandbox()
    defer { sandbox.stop() }
    for path in Self.paths {
      let tcbq = try Self.withToken(sandbox)
      let result = try tcbq.run(path.arguments, stdin: path.stdin)
      #expect(result.status == path.status, "\(path.label): \(result.stderr)")
      Self.expectNoSecret(result, tcbq, path.label)
    }
  }

  @Test func noSecretOnAnyPathWhenMintingTokens() async throws {
    let sandbox = try await Self.sandbox()
    defer { sandbox.stop() }
    for path in Self.paths {
      let tcbq = try Self.withSecret(sandbox)
      let result = try tcbq.run(path.arguments, stdin: path.stdin)
      #expect(result.status == path.status, "\(path.label): \(result.stderr)")
      Self.expectNoSecret(result, tcbq, path.label)
    }
  }

  @Test func noSecretWhenTheSecretIsRejected() async throws {
    let sandbox = try await Self.sandbox()
    defer { sandbox.stop() }
    let tcbq = try Self.withSecret(sandbox, secret: "sec-SECRET-wrong")
    let result = try tcbq.run(["--verbose", "-c", "select * from envs"])
    #expect(result.status != 0)
    #expect(!result.stderr.contains("sec-SECRET-wrong"))
    Self.expectNoSecret(result, tcbq, "rejected secret")
  }

  @Test func noSecretWhenAStaticTokenIsRejectedOrExpires() async throws {
    let sandbox = try await Self.sandbox(["--expire-token-after", "2"])
    defer { sandbox.stop() }
    let expired = try Self.withToken(sandbox)
    let result = try expired.run(["--verbose", "--batch-size", "5", "-c", "select * from shares"])
    #expect(result.stderr.contains("42001"))
    Self.expectNoSecret(result, expired, "expired token")
    let wrong = try TCBQRunner.against(sandbox, extra: ["TCBQ_ACCESS_TOKEN": "tok-SECRET-wrong"])
    let rejected = try wrong.run(["--verbose", "-c", "select * from envs"])
    #expect(rejected.status == 1)
    #expect(!rejected.stderr.contains("tok-SECRET-wrong"))
    Self.expectNoSecret(rejected, wrong, "wrong token")
  }

  @Test func noSecretWhenAWriteOutcomeIsUnknown() async throws {
    let sandbox = try await Self.sandbox(["--truncate-rate", "1"])
    defer { sandbox.stop() }
    for tcbq in [try Self.withToken(sandbox), try Self.withSecret(sandbox)] {
      let result = try tcbq.run([
        "--yes", "--verbose", "-c", "unshare \(Data.unavailableEnvID) from \(Data.appSharingThree)",
      ])
      #expect(result.status != 0)
      #expect(tcbq.auditLines().first?["outcome"] as? String == "unknown")
      Self.expectNoSecret(result, tcbq, "unknown outcome")
    }
  }

  @Test(arguments: [SIGINT, SIGKILL])
  func noSecretWhenTcbqIsStoppedMidCall(signal: Int32) async throws {
    // The call cannot end by itself while the test waits, however slow the machine (under a
    // sanitizer with the whole suite running, the test's own sleep can overrun by seconds): the
    // sandbox answers after 150 s, and tcbq's timeout is longer still.
    let sandbox = try await Self.sandbox(["--latency-ms", "150000"])
    defer { sandbox.stop(signal: SIGKILL) }
    let tcbq = try Self.withToken(sandbox)
    let config = tcbq.home.appendingPathComponent("config/tcbq/config.toml")
    try FileManager.default.createDirectory(
      at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
    try "timeout = 600\n".write(to: config, atomically: true, encoding: .utf8)
    let running = try tcbq.start([
      "--verbose", "--yes", "-c", "share \(Data.unsharedEnvID) with \(Data.appSharingNothing)",
    ])
    // tcbq starts in well under a second; its first call then waits in the sandbox.
    try await Task.sleep(for: .seconds(1.5))
    #expect(running.process.isRunning)
    kill(running.process.processIdentifier, signal)
    running.process.waitUntilExit()
    let result = running.result()
    #expect(result.status != 0)
    if signal == SIGINT { #expect(result.status == 130) }
    Self.expectNoSecret(result, tcbq, "stopped by signal \(signal)")
  }

  @Test func noSecretFromAConfigFileHoldingThem() async throws {
    let sandbox = try await Self.sandbox()
    defer { sandbox.stop() }
    var tcbq = try TCBQRunner()
    let config = try tcbq.file(
      "config.toml",
      """
      endpoint = "\(sandbox.baseURL)"
      component_appid = "wx0123456789abcdef"
      component_appsecret = "\(Self.secret)"
      component_verify_ticket = "sandbox-ticket"
      """)
    chmod(config, 0o644)
    tcbq.environment["TCBQ_CONFIG"] = config
    let result = try tcbq.run([
      "--verbose", "--yes", "-c",
      "select count(*) from envs; share \(Data.unsharedEnvID) with \(Data.appSharingNothing)",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("readable by others"))
    Self.expectNoSecret(result, tcbq, "config file")
  }
}
