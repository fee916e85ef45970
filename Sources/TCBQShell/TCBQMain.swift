import ArgumentParser
import Foundation
import TCBQCore
import TCBQQuery
import TCBQRender

/// The program: parse the command line, resolve settings, connect, then run scripts or the
/// interactive shell. Returns the exit status of a run that stops early; otherwise exits itself.
public enum TCBQMain {
  public static func run(arguments: [String] = CommandLine.arguments) async -> Int32 {
    let args = Array(arguments.dropFirst())
    let command: TCBQCommand
    do {
      command = try TCBQCommand.parse(args)
    } catch {
      let message = TCBQCommand.fullMessage(for: error)
      if TCBQCommand.exitCode(for: error) == .success {
        print(message)
        return ExitStatus.success.rawValue
      }
      Console.writeError(message + "\n")
      return ExitStatus.usage.rawValue
    }

    let environment = ProcessInfo.processInfo.environment
    let console = Console(colorEnabled: Console.colorWanted(fd: 2, environment: environment))
    let paths = Paths(environment: environment)
    let settings: Settings
    do {
      let config = try ConfigFile.load(from: paths.configFile) { console.message($0) }
      let profileName = command.profile ?? environment["TCBQ_PROFILE"]
      if profileName != nil, config == nil {
        throw ConfigError("--profile needs a config file; none at \(paths.configFile.path)")
      }
      let profile = try (config ?? ConfigFile()).profile(named: profileName)
      settings = try Settings.resolve(command, environment: environment, profile: profile)
    } catch {
      console.error("\(error)")
      return ExitStatus.usage.rawValue
    }

    let sources = ScriptSource.ordered(
      commands: command.commands, files: command.files, script: command.script, arguments: args)
    // Read every script file before connecting: an unreadable file is a usage error (2).
    var scripts: [String] = []
    for source in sources {
      switch source {
      case .text(let text): scripts.append(text)
      case .file(let path):
        guard let data = FileManager.default.contents(atPath: path) else {
          console.error("cannot read script \(path)")
          return ExitStatus.usage.rawValue
        }
        scripts.append(String(decoding: data, as: UTF8.self))
      case .standardInput:
        scripts.append(String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self))
      }
    }
    let interactive = sources.isEmpty && Console.isTerminal(0)
    if sources.isEmpty && !interactive {
      scripts.append(String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self))
    }

    let progress = interactive && Console.isTerminal(2) ? ProgressLine() : nil
    let connection: Connection
    do {
      var report: (@Sendable (CallProgress) -> Void)?
      if let progress { report = { progress.report($0) } }
      connection = try Connection(settings: settings, progress: report)
    } catch {
      console.error("\(error)")
      return ExitStatus.usage.rawValue
    }
    let confirmer: any WriteConfirmer =
      interactive ? TerminalConfirmer(console: console) : FixedConfirmer(answer: settings.assumeYes)
    let session = Session(
      api: connection.api,
      settings: SessionSettings(
        cacheTTL: settings.cacheTTL, maxCalls: settings.maxCalls, dryRun: settings.dryRun),
      confirmer: confirmer, audit: AuditLog(url: paths.auditLog))

    var render = settings.render
    render.color = Console.colorWanted(fd: 1, environment: environment)
    var output = OutputTarget(options: render)
    if interactive { output.pagerEnvironment = environment }
    do {
      try output.redirect(to: settings.outputPath)
    } catch {
      console.error("\(error)")
      return ExitStatus.usage.rawValue
    }
    let runner = ScriptRunner(
      session: session, console: console, output: output,
      keepGoing: settings.keepGoing || interactive, ledger: connection.ledger, progress: progress)

    let status: ExitStatus
    if interactive {
      status = await InteractiveShell(
        runner: runner, session: session, console: console, paths: paths,
        location: connection.promptName + (command.profile.map { "/\($0)" } ?? "")
      ).run()
      await runner.closeOutput()
    } else {
      status = await Interruptible.run {
        var status = ExitStatus.success
        for script in scripts {
          status = max(status, await runner.run(script: script))
          let quit = await runner.quitRequested
          if status == .interrupted || quit { break }
          if status == .failure && !settings.keepGoing { break }
        }
        await runner.closeOutput()
        return status
      }
    }
    if settings.verbose, let ledger = connection.ledger {
      console.message("total calls: \(ledger.snapshot().formatted)")
    }
    await connection.shutdown()
    // The process ends here with the session still held: freeing its cache object by object
    // (every row fetched) would only delay the exit.
    withExtendedLifetime(session) { exit(status.rawValue) }
  }
}
