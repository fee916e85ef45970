import Foundation
import TCBQCore
import TCBQQuery
import TCBQRender

/// Runs statements against a session: parses a script, checks every statement's names before
/// anything runs, then runs them in order, rendering rows to the output target and messages to
/// standard error. Used by scripts (`-c`, `-f`, standard input) and by the interactive shell.
/// An actor so that a statement can run in a task that Ctrl-C cancels.
actor ScriptRunner {
  let session: Session
  let console: Console
  let ledger: CallLedger?
  var output: OutputTarget
  var keepGoing: Bool
  var timer = false
  /// Set by `.quit`/`.exit`.
  var quitRequested = false
  /// `.read` nesting, bounded so a file that reads itself fails clearly.
  var readDepth = 0
  /// The last statement run that is not a dot command, and its source (`.watch` repeats it).
  var lastStatement: (ParsedStatement, String)?
  /// The progress line for long fetches (interactive, on a terminal).
  let progress: ProgressLine?
  /// `-v NAME=VALUE`, `.set`, `.unset`: what `:NAME` stands for.
  var variables = VariableScope()

  init(
    session: Session, console: Console, output: OutputTarget, keepGoing: Bool, ledger: CallLedger?,
    progress: ProgressLine? = nil
  ) {
    self.progress = progress
    self.session = session
    self.console = console
    self.output = output
    self.keepGoing = keepGoing
    self.ledger = ledger
  }

  // MARK: scripts

  /// Runs a whole script. Syntax errors and unknown names anywhere stop it before anything runs
  /// (unless `--keep-going`, which runs the statements that are sound). `boundaries`: where
  /// statements stop besides `;` (the interactive shell passes `.semicolons`).
  func run(script text: String, boundaries: StatementBoundaries = .lines) async -> ExitStatus {
    let parsed = Script.parse(text, boundaries: boundaries, variables: variables)
    var status = ExitStatus.success
    var problems = parsed.diagnostics
    var runnable: [ParsedStatement] = []
    let catalog = await session.catalog
    var made: Set<String> = [Catalog.lastResultName]
    for statement in parsed.statements {
      let found = Self.check(statement.statement, catalog: catalog, made: made)
      if let name = Self.tableMade(by: statement.statement) { made.insert(name) }
      if found.isEmpty { runnable.append(statement) } else { problems += found }
    }
    if !problems.isEmpty {
      problems.sort { $0.range.start < $1.range.start }
      for diagnostic in problems {
        Console.writeError(DiagnosticFormatter.format(diagnostic, source: text) + "\n")
      }
      status = .failure
      if !keepGoing { return status }
    }
    for statement in runnable {
      let result = await run(statement, source: text)
      status = max(status, result)
      if result == .interrupted || quitRequested { break }
      if result == .failure && !keepGoing { break }
    }
    return status
  }

  /// Name checks that need no API call: the planner for selects, the catalog for table names.
  /// A select that reads `_` is checked when it runs: `_` changes as the script runs.
  static func check(_ statement: Statement, catalog: Catalog, made: Set<String> = [])
    -> [Diagnostic]
  {
    do throws(PlanError) {
      switch statement {
      case .writeFromQuery(let write):
        return check(.select(write.query), catalog: catalog, made: made)
      case .select(let select), .explain(let select), .createTable(_, let select):
        // `_`, the local tables and those the script makes change as it runs: checked then.
        let held = Set(catalog.tables.filter { $0.id == nil }.map(\.name)).union(made)
        if select.tableNames.contains(where: held.contains) { return [] }
        _ = try Planner.plan(select, catalog: catalog)
      case .describe(let name):
        _ = try catalog.resolveTable(name)
      case .refresh(let name?):
        _ = try catalog.resolveTable(name)
      default:
        break
      }
      return []
    } catch {
      return error.diagnostics
    }
  }

  /// The table a statement makes (`create table`, `.import`), lowercased.
  static func tableMade(by statement: Statement) -> String? {
    switch statement {
    case .createTable(let name, _): return name.key
    case .dot(let command) where ShellCommand(word: command.name) == .import:
      return command.arguments.last?.lowercased()
    default: return nil
    }
  }

  // MARK: statements

  /// Runs one statement and reports its outcome.
  func run(_ parsed: ParsedStatement, source: String) async -> ExitStatus {
    if case .dot(let command) = parsed.statement {
      return await runDot(command, source: source)
    }
    lastStatement = (parsed, source)
    let started = ContinuousClock.now
    let before = ledger?.snapshot()
    progress?.begin()
    do {
      let written = Self.text(of: parsed.range, in: source)
      let result = try await session.run(parsed.statement, source: source, written: written)
      progress?.end()
      var status = ExitStatus.success
      if let rows = result.rows {
        do {
          for note in try output.write(rows) { console.message(note) }
        } catch {
          return console.report(error, source: source)
        }
      }
      for note in result.notes { console.message(note) }
      if !result.failures.isEmpty {
        reportFailures(result.failures)
        status = result.rows.map { $0.rowCount > 0 } == true ? .partial : .failure
      }
      if result.failedPairs > 0 { status = .failure }
      if timer { reportTimer(since: started, rows: result.rows?.rowCount ?? 0, before: before) }
      return status
    } catch {
      progress?.end()
      if timer { reportTimer(since: started, rows: 0, before: before) }
      return console.report(error, source: source)
    }
  }

  func closeOutput() { output.closeFile() }

  /// Sets the variables the scripts start with (`-v`).
  func define(_ scope: VariableScope) { variables = scope }

  /// The text of `range` in `source`: a statement as written, for the audit log.
  static func text(of range: SourceRange, in source: String) -> String {
    let bytes = Array(source.utf8)
    let start = min(range.start.offset, bytes.count)
    let end = min(max(range.end.offset, start), bytes.count)
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }

  func reportFailures(_ failures: [AppFailure]) {
    let n = failures.count
    console.warning(
      "\(n) \(n == 1 ? "was" : "were") not fetched; \(n == 1 ? "its rows are" : "their rows are") missing from the result:"
    )
    for failure in failures { console.message("  \(failure)") }
    if failures.contains(where: \.isQuotaExhausted) {
      console.message(Self.quotaAdvice)
    }
  }

  static let quotaAdvice =
    "The daily quota of that API is spent (45009); tcbq made no further call to it. Check with: select * from quota; narrow the query with an appid filter (where appid in (…)) or shares of; the quota resets daily."

  func reportTimer(since start: ContinuousClock.Instant, rows: Int, before: CallLedger.Snapshot?) {
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    var line = "Run Time: \(String(format: "%.3f", seconds))s, rows: \(rows)"
    if let ledger, let before {
      let spent = ledger.snapshot().subtracting(before)
      line += ", calls: \(spent.formatted)"
    }
    console.message(line)
  }
}
