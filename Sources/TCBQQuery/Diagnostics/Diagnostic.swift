/// A problem found in the source, at a place. The error model: `DiagnosticFormatter` turns it
/// into text (`error: line 3, column 15: … ` with the source line and a caret).
public struct Diagnostic: Sendable, Hashable, Error {
  public enum Severity: String, Sendable, Hashable { case error, warning }

  public var severity: Severity
  public var message: String
  public var range: SourceRange
  /// e.g. `did you mean 'status'?`, appended to the message in parentheses.
  public var suggestion: String?

  /// An error.
  public init(_ message: String, at range: SourceRange, suggestion: String? = nil) {
    self.init(.error, message, at: range, suggestion: suggestion)
  }

  public init(
    _ severity: Severity, _ message: String, at range: SourceRange, suggestion: String? = nil
  ) {
    self.severity = severity
    self.message = message
    self.range = range
    self.suggestion = suggestion
  }
}
