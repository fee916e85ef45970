import Foundation
import TCBQQuery

extension ScriptRunner {
  /// `.watch SECONDS [STATEMENT]`: runs the statement (or the last one run) every SECONDS until
  /// Ctrl-C, as psql's `\watch` does. Each round forgets the cache first, since watching the
  /// service change is the point, and is a statement of its own for `--max-calls`. On a
  /// terminal each round redraws the screen under a title. A failing round stops the watch;
  /// `share` and `unshare` are never repeated.
  func watch(_ line: DotCommand) async -> ExitStatus {
    guard let first = line.arguments.first, let seconds = Double(first), seconds >= 0.1,
      seconds <= 86_400
    else {
      console.error(
        "line \(line.range.start.line): usage: \(ShellCommand.watch.synopsis) (SECONDS from 0.1 to 86400)"
      )
      return .failure
    }
    guard let (statement, source) = watchedStatement(line) else { return .failure }
    if case .share = statement.statement { return refuseWrite() }
    if case .unshare = statement.statement { return refuseWrite() }
    if case .writeFromQuery = statement.statement { return refuseWrite() }

    let pager = output.pagerEnvironment
    output.pagerEnvironment = nil
    defer { output.pagerEnvironment = pager }
    let interval = Duration.milliseconds(Int((seconds * 1000).rounded()))
    while true {
      let started = ContinuousClock.now
      await session.clearCache()
      if output.isTerminal {
        drawTitle(seconds: first, statement: Self.text(of: statement, in: source))
      }
      let status = await run(statement, source: source)
      if status == .interrupted || Task.isCancelled { return .interrupted }
      if status == .failure {
        console.message(".watch stopped: the statement failed")
        return status
      }
      do {
        try await Task.sleep(until: started + interval)
      } catch {
        return .interrupted
      }
    }
  }

  /// The statement on the `.watch` line, else the last statement run; nil after reporting why.
  private func watchedStatement(_ line: DotCommand) -> (ParsedStatement, String)? {
    let text = String(line.argumentText.drop { !$0.isWhitespace }.drop(while: \.isWhitespace))
    guard !text.isEmpty else {
      if let last = lastStatement { return last }
      console.error(
        "line \(line.range.start.line): .watch: no statement run yet; give one: \(ShellCommand.watch.synopsis)"
      )
      return nil
    }
    let parsed = Script.parse(text, boundaries: .semicolons, variables: variables)
    for diagnostic in parsed.diagnostics {
      Console.writeError(DiagnosticFormatter.format(diagnostic, source: text) + "\n")
    }
    guard parsed.diagnostics.isEmpty else { return nil }
    guard parsed.statements.count == 1, let statement = parsed.statements.first,
      !statement.statement.isDot
    else {
      console.error("line \(line.range.start.line): .watch runs one statement (not a dot command)")
      return nil
    }
    return (statement, text)
  }

  /// The statement's own text in `source`.
  private static func text(of statement: ParsedStatement, in source: String) -> String {
    let bytes = Array(source.utf8)
    let start = min(statement.range.start.offset, bytes.count)
    let end = min(max(statement.range.end.offset, start), bytes.count)
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }

  private func refuseWrite() -> ExitStatus {
    console.error(".watch repeats queries only: share and unshare are never re-run")
    return .failure
  }

  /// Clears the terminal and writes `Every 2s: STATEMENT` with the time at the right, as
  /// watch(1) does.
  private func drawTitle(seconds: String, statement: String) {
    let title = "Every \(seconds)s: " + statement.replacingOccurrences(of: "\n", with: " ")
    let time = Date().formatted(date: .abbreviated, time: .standard)
    let width = TerminalSize.ofStandardOutput()?.columns ?? 80
    let gap = max(2, width - DisplayWidth.of(title) - DisplayWidth.of(time))
    let text = "\u{1B}[H\u{1B}[2J" + title + String(repeating: " ", count: gap) + time + "\n\n"
    try? output.writeText(text)
  }
}

extension Statement {
  /// Whether this is a dot command.
  var isDot: Bool {
    if case .dot = self { return true }
    return false
  }
}
