import ArgumentParser
import TCBQQuery
import TCBQRender

extension OutputFormat: ExpressibleByArgument {}

/// The `tcbq` command: its command line (its options as `tcbq --help` and tcbq(1) list them) here, what it does
/// in `run()` (`TCBQCommand+Run.swift`).
public struct TCBQCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "tcbq",
    abstract: "A query shell for WeChat cloud-hosting environments shared by mini programs.",
    discussion: """
      Without -c, -f or a script, tcbq reads statements from standard input: interactively with line editing when it is a terminal, as a script otherwise. Without credentials it uses the embedded sandbox (simulated data).

      Examples:
        tcbq
        tcbq -c "select env_id, status from envs where status = 'UNAVAILABLE'"
        tcbq -c "shares of wx30877432d1026706" --format json
        tcbq --format csv -o envs.csv -c "select * from envs"
        tcbq morning-check.tcbq
        echo "show tables" | tcbq
        tcbq --dry-run -c "unshare prod-77a0d2 from wxc87a171ac826a6fc"
        tcbq --max-calls 50 -c "explain select * from shares"

      Credentials (flags, then environment, then the config file): TCBQ_ACCESS_TOKEN, TCBQ_COMPONENT_APPID, TCBQ_COMPONENT_APPSECRET, TCBQ_COMPONENT_VERIFY_TICKET; also TCBQ_ENDPOINT, TCBQ_CONFIG, TCBQ_HISTORY, TCBQ_AUDIT_LOG, NO_COLOR.

      Exit status: 0 success, 1 a statement failed, 2 usage error, 3 some rows could not be fetched, 130 interrupted.

      Docs: docs/tutorial.md, docs/language.md, docs/cookbook.md.
      """,
    version: TCBQVersion.current
  )

  @Option(
    name: [.short, .customLong("command")],
    help: ArgumentHelp(
      "Run the statements in TEXT and exit; repeatable, run in order.", valueName: "TEXT"))
  public var commands: [String] = []

  @Option(
    name: [.customShort("v"), .customLong("set")],
    help: ArgumentHelp(
      "Define :NAME as VALUE (one text value, never parsed); repeatable.",
      valueName: "NAME=VALUE"))
  public var variables: [String] = []

  @Option(
    name: [.short, .customLong("file")],
    help: ArgumentHelp("Run a script file ('-' = standard input).", valueName: "PATH"))
  public var files: [String] = []

  @Argument(help: ArgumentHelp("A script file to run (same as -f).", valueName: "script"))
  public var script: String?

  @Option(help: ArgumentHelp("Output format (default table).", valueName: "FMT"))
  public var format: OutputFormat?

  @Option(
    name: [.short, .customLong("output")],
    help: ArgumentHelp("Write results to PATH instead of standard output.", valueName: "PATH"))
  public var output: String?

  @Flag(name: .customLong("no-header"), help: "No header row in table, csv, tsv, markdown, box.")
  public var noHeader = false

  @Flag(help: "Use the embedded simulator (the default when no credentials are configured).")
  public var sandbox = false

  @Option(help: ArgumentHelp("API base URL (default https://api.weixin.qq.com).", valueName: "URL"))
  public var endpoint: String?

  @Option(help: ArgumentHelp("A profile of the config file.", valueName: "NAME"))
  public var profile: String?

  @Flag(help: "Confirm writes (share, unshare) without asking.")
  public var yes = false

  @Flag(
    name: .customLong("dry-run"),
    help: "Print each write request that would be sent (token redacted) and send nothing.")
  public var dryRun = false

  @Flag(name: .customLong("keep-going"), help: "In a script, go on after a failed statement.")
  public var keepGoing = false

  @Option(
    name: .customLong("batch-size"),
    help: ArgumentHelp("Appids per batchgetenvid call.", valueName: "N"))
  public var batchSize: Int?

  @Option(help: ArgumentHelp("API calls in flight at once.", valueName: "N"))
  public var concurrency: Int?

  @Option(
    name: .customLong("max-calls"),
    help: ArgumentHelp("No statement makes more than N API calls.", valueName: "N"))
  public var maxCalls: Int?

  @Option(
    name: .customLong("max-writes"),
    help: ArgumentHelp(
      "Refuse a write of more than N pairs to send (default 20); interactively, type the count.",
      valueName: "N"))
  public var maxWrites: Int?

  @Flag(
    name: .customLong("csv-safe"),
    help:
      "In csv and tsv, prefix cells starting with = + - @ tab or CR with ' (spreadsheet formula guard)."
  )
  public var csvSafe = false

  @Flag(
    help: "Log each API call to standard error (path, batch size, errcode, time; never the token).")
  public var verbose = false

  public init() {}

  public func validate() throws {
    if let batchSize, batchSize < 1 { throw ValidationError("--batch-size must be at least 1") }
    if let concurrency, concurrency < 1 {
      throw ValidationError("--concurrency must be at least 1")
    }
    if let maxCalls, maxCalls < 0 { throw ValidationError("--max-calls must not be negative") }
    if let maxWrites, maxWrites < 0 {
      throw ValidationError("--max-writes must not be negative")
    }
    if sandbox, endpoint != nil {
      throw ValidationError("--sandbox and --endpoint exclude each other")
    }
    _ = try variableScope()
    if yes, dryRun { throw ValidationError("--yes and --dry-run exclude each other") }
  }
}

extension TCBQCommand {
  /// The `-v NAME=VALUE` definitions; a bad one is a usage error.
  func variableScope() throws -> VariableScope {
    var scope = VariableScope()
    for definition in variables {
      guard let equals = definition.firstIndex(of: "="),
        VariableScope.isValidName(definition[..<equals])
      else {
        throw ValidationError(
          "-v needs NAME=VALUE with NAME a letter or _, then letters, digits or _: '\(definition)'")
      }
      scope.values[String(definition[..<equals])] = String(
        definition[definition.index(after: equals)...])
    }
    return scope
  }
}

public enum TCBQVersion {
  public static let current = "0.1.0"
}
