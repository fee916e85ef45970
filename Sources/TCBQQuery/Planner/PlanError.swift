/// Why a statement could not be planned: one or more diagnostics, each at the offending text.
public struct PlanError: Error, Sendable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]

  public init(_ diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics
  }

  public var description: String {
    diagnostics.map { d in
      "\(d.severity.rawValue): \(d.range.start): \(d.message)"
        + (d.suggestion.map { " (\($0))" } ?? "")
    }.joined(separator: "\n")
  }
}
