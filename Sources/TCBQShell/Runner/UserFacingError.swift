import TCBQCore
import TCBQQuery

/// An error as the user meets it: the exit status it gives and its text on standard error.
/// `Console.report` is the one place an error becomes text and a status; a type that needs
/// more than `error: DESCRIPTION` and status 1 conforms and says so itself, and any other
/// error is shown that plain way.
///
/// The protocol lives in the shell because exit statuses and the terminal's colours are the
/// shell's; the error types of `TCBQCore` and `TCBQQuery` conform in extensions below.
protocol UserFacingError: Error {
  /// The status of a statement (or, before any runs, of the program) that fails this way.
  var exitStatus: ExitStatus { get }
  /// The text for standard error, each line ending in a newline. `source` is the script the
  /// error arose in, for a diagnostic's source line and caret.
  func rendered(for console: Console, source: String) -> String
}

extension UserFacingError {
  var exitStatus: ExitStatus { .failure }

  func rendered(for console: Console, source: String) -> String {
    console.errorText("\(self)")
  }
}

extension Console {
  /// Writes an error to standard error as its type renders it and gives its exit status.
  func report(_ error: any Error, source: String = "") -> ExitStatus {
    let shown: any UserFacingError = error as? any UserFacingError ?? PlainError(underlying: error)
    Self.writeError(shown.rendered(for: self, source: source))
    return shown.exitStatus
  }
}

/// Any other error: `error: DESCRIPTION`, status 1.
private struct PlainError: UserFacingError, CustomStringConvertible {
  var underlying: any Error
  var description: String { "\(underlying)" }
}

/// Why the program could not start: a bad config or profile, an unreadable script, an
/// endpoint or output file that cannot be used. Status 2.
struct UsageError: UserFacingError, CustomStringConvertible {
  var description: String

  init(_ message: String) { description = message }
  /// The same text as `error`.
  init(_ error: any Error) { description = "\(error)" }

  var exitStatus: ExitStatus { .usage }
}

extension CancellationError: UserFacingError {
  var exitStatus: ExitStatus { .interrupted }

  func rendered(for console: Console, source: String) -> String {
    "interrupted: the statement was cancelled\n"
  }
}

extension PlanError: UserFacingError {
  /// Each diagnostic with its source line and caret.
  func rendered(for console: Console, source: String) -> String {
    diagnostics.map { DiagnosticFormatter.format($0, source: source) + "\n" }.joined()
  }
}

extension APIError: UserFacingError {
  /// A spent daily quota (45009) adds what to do about it.
  func rendered(for console: Console, source: String) -> String {
    console.errorText(description) + (isQuotaExhausted ? ScriptRunner.quotaAdvice + "\n" : "")
  }
}
