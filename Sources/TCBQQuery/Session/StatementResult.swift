import TCBQCore

/// What running one statement produced: rows for standard output, notes for standard error, and
/// the appids (or cgi paths) that could not be fetched.
public struct StatementResult: Sendable {
  /// Rows to render, if the statement produces any.
  public var rows: ResultSet?
  /// Messages for standard error (never results).
  public var notes: [String]
  /// What could not be fetched; non-empty means exit status 3 when rows were printed.
  public var failures: [AppFailure]
  /// Writes only: pairs the service refused (reported in the rows); non-zero means exit 1.
  public var failedPairs: Int

  public init(
    rows: ResultSet? = nil, notes: [String] = [], failures: [AppFailure] = [], failedPairs: Int = 0
  ) {
    self.rows = rows
    self.notes = notes
    self.failures = failures
    self.failedPairs = failedPairs
  }
}

/// A statement that could not run, with what the user should know. Each carries its own text;
/// the runner maps them all to exit status 1.
public struct StatementError: Error, Sendable, CustomStringConvertible {
  public var message: String
  /// Where in the source, when the error is about the text.
  public var diagnostics: [Diagnostic]
  public init(_ message: String, diagnostics: [Diagnostic] = []) {
    self.message = message
    self.diagnostics = diagnostics
  }
  public var description: String { message }
}
