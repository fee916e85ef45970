import ArgumentParser
import Foundation
import TCBQCore
import TCBQQuery
import TCBQRender

extension TCBQCommand {
  /// Parses the command line and runs it: argument-parser's `main`, except that its usage
  /// errors exit 2, the contract's status, where argument-parser's own is 64. Help,
  /// `--version` and the completion scripts print to standard output and exit 0 as
  /// argument-parser has them.
  public static func main() async {
    let command: TCBQCommand
    do {
      command = try parse()
    } catch {
      guard exitCode(for: error) != .success else { exit(withError: error) }
      Console.writeError(fullMessage(for: error) + "\n")
      Foundation.exit(ExitStatus.usage.rawValue)
    }
    await command.run()
  }

  /// Runs the command: settings, scripts, connection, session and output, then the scripts or
  /// the interactive shell, and ends the process with the run's exit status. A setup step that
  /// fails ends it with status 2 before any statement runs.
  public func run() async {
    let environment = ProcessInfo.processInfo.environment
    let console = Console(colorEnabled: Console.colorWanted(fd: 2, environment: environment))
    let paths = Paths(environment: environment)
    do throws(UsageError) {
      let settings = try resolveSettings(environment: environment, paths: paths, console: console)
      // Every script is read before connecting: an unreadable file is a usage error.
      let (scripts, interactive) = try readScripts()
      let progress = interactive && Console.isTerminal(2) ? ProgressLine() : nil
      let connection = try Self.connect(settings, progress: progress)
      let session = Self.session(
        settings, connection: connection, paths: paths,
        confirmer: interactive
          ? TerminalConfirmer(console: console, environment: environment)
          : FixedConfirmer(answer: settings.assumeYes))
      let output = try Self.output(settings, environment: environment, interactive: interactive)
      let runner = ScriptRunner(
        session: session, console: console, output: output,
        keepGoing: settings.keepGoing || interactive, ledger: connection.ledger, progress: progress)
      await runner.define((try? variableScope()) ?? VariableScope())
      let status =
        interactive
        ? await runShell(runner, session: session, console: console, paths: paths, connection)
        : await Self.run(scripts, runner: runner, keepGoing: settings.keepGoing)
      if settings.verbose, let ledger = connection.ledger {
        console.message("total calls: \(ledger.snapshot().formatted)")
      }
      await connection.shutdown()
      // The process ends with the session still held: freeing its cache object by object
      // (every row fetched) would only delay the exit.
      withExtendedLifetime(session) { Foundation.exit(status.rawValue) }
    } catch {
      Foundation.exit(console.report(error).rawValue)
    }
  }

  /// The settings of flags, environment and the config file's profile.
  private func resolveSettings(
    environment: [String: String], paths: Paths, console: Console
  ) throws(UsageError) -> Settings {
    do {
      let config = try ConfigFile.load(from: paths.configFile) { console.message($0) }
      let profileName = profile ?? environment["TCBQ_PROFILE"]
      if profileName != nil, config == nil {
        throw ConfigError("--profile needs a config file; none at \(paths.configFile.path)")
      }
      let profile = try (config ?? ConfigFile()).profile(named: profileName)
      return try Settings.resolve(self, environment: environment, profile: profile)
    } catch {
      throw UsageError(error)
    }
  }

  /// The text of each script in command-line order; without `-c`, `-f` or a script, standard
  /// input: the interactive shell on a terminal (no script), one script otherwise.
  private func readScripts() throws(UsageError) -> (scripts: [String], interactive: Bool) {
    let sources = ScriptSource.ordered(
      commands: commands, files: files, script: script,
      arguments: Array(CommandLine.arguments.dropFirst()))
    if sources.isEmpty {
      let interactive = Console.isTerminal(0)
      return (interactive ? [] : [Self.readStandardInput()], interactive)
    }
    return (try Self.read(sources), false)
  }

  private static func read(_ sources: [ScriptSource]) throws(UsageError) -> [String] {
    try sources.map { source throws(UsageError) in
      switch source {
      case .text(let text): return text
      case .file(let path):
        guard let data = FileManager.default.contents(atPath: path) else {
          throw UsageError("cannot read script \(path)")
        }
        return String(decoding: data, as: UTF8.self)
      case .standardInput: return readStandardInput()
      }
    }
  }

  private static func readStandardInput() -> String {
    String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
  }

  /// The API behind the settings: the embedded sandbox or an endpoint.
  private static func connect(
    _ settings: Settings, progress: ProgressLine?
  ) throws(UsageError) -> Connection {
    var report: (@Sendable (CallProgress) -> Void)?
    if let progress { report = { progress.report($0) } }
    do {
      return try Connection(settings: settings, progress: report)
    } catch {
      throw UsageError(error)
    }
  }

  private static func session(
    _ settings: Settings, connection: Connection, paths: Paths, confirmer: any WriteConfirmer
  ) -> Session {
    Session(
      api: connection.api,
      settings: SessionSettings(
        cacheTTL: settings.cacheTTL, maxCalls: settings.maxCalls, dryRun: settings.dryRun,
        maxWrites: settings.maxWrites),
      confirmer: confirmer, audit: AuditLog(url: paths.auditLog))
  }

  /// Where results go (`-o`) and how they look; the interactive shell pages them.
  private static func output(
    _ settings: Settings, environment: [String: String], interactive: Bool
  ) throws(UsageError) -> OutputTarget {
    var render = settings.render
    render.color = Console.colorWanted(fd: 1, environment: environment)
    var output = OutputTarget(options: render)
    if interactive { output.pagerEnvironment = environment }
    do {
      try output.redirect(to: settings.outputPath)
    } catch {
      throw UsageError(error)
    }
    return output
  }

  /// The interactive shell, its prompt naming the sandbox or the endpoint (and the profile).
  private func runShell(
    _ runner: ScriptRunner, session: Session, console: Console, paths: Paths,
    _ connection: Connection
  ) async -> ExitStatus {
    let status = await InteractiveShell(
      runner: runner, session: session, console: console, paths: paths,
      location: connection.promptName + (profile.map { "/\($0)" } ?? "")
    ).run()
    await runner.closeOutput()
    return status
  }

  /// Runs the scripts in order with Ctrl-C wired to cancellation, stopping at `.quit`, an
  /// interrupt, or (without `--keep-going`) a failed statement.
  private static func run(
    _ scripts: [String], runner: ScriptRunner, keepGoing: Bool
  ) async -> ExitStatus {
    await Interruptible.run {
      var status = ExitStatus.success
      for script in scripts {
        status = max(status, await runner.run(script: script))
        let quit = await runner.quitRequested
        if status == .interrupted || quit { break }
        if status == .failure && !keepGoing { break }
      }
      await runner.closeOutput()
      return status
    }
  }
}
