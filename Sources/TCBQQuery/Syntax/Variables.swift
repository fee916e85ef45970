/// The variables a script sees: `-v NAME=VALUE` from the command line, then the script's own
/// `.set NAME VALUE` and `.unset NAME` lines in order. A `:NAME` token is bound to its value as
/// one text literal — the token becomes a string whose value is the text as it is, never lexed
/// or parsed again, so a value holding quotes, `;`, `--`, newlines or keywords stays one value.
public struct VariableScope: Sendable, Hashable {
  /// Values by name (names are case-sensitive, as in psql).
  public var values: [String: String]

  public init(_ values: [String: String] = [:]) {
    self.values = values
  }

  /// The dot commands that change variables, as `ShellCommand` names them.
  public static let setCommand = "set"
  public static let unsetCommand = "unset"

  /// Whether `name` can be a variable: a letter or `_`, then letters, digits or `_` (ASCII).
  public static func isValidName(_ name: some StringProtocol) -> Bool {
    guard let first = name.utf8.first, ASCII.isWordStart(first) else { return false }
    return name.utf8.allSatisfy(ASCII.isWordByte)
  }

  /// What a `.set`/`.unset` line does to the scope, as the shell runs it; other lines nothing.
  public mutating func apply(_ command: DotCommand) {
    switch command.name.lowercased() {
    case Self.setCommand where command.arguments.count == 2:
      if Self.isValidName(command.arguments[0]) {
        values[command.arguments[0]] = command.arguments[1]
      }
    case Self.unsetCommand where command.arguments.count == 1:
      values[command.arguments[0]] = nil
    default:
      break
    }
  }

  /// `tokens` with each variable bound, or a diagnostic per undefined one.
  func bind(_ tokens: [Token]) -> Result<[Token], VariableFailure> {
    guard tokens.contains(where: { $0.kind == .variable }) else { return .success(tokens) }
    var bound = tokens
    var diagnostics: [Diagnostic] = []
    for index in bound.indices where bound[index].kind == .variable {
      let name = String(bound[index].text.dropFirst())
      guard let value = values[name] else {
        diagnostics.append(undefined(name, at: bound[index].range))
        continue
      }
      bound[index].kind = .string
      bound[index].boundValue = value
    }
    return diagnostics.isEmpty ? .success(bound) : .failure(VariableFailure(diagnostics))
  }

  private func undefined(_ name: String, at range: SourceRange) -> Diagnostic {
    Diagnostic(
      .error,
      "undefined variable ':\(name)' (set it with -v \(name)=VALUE or .set \(name) VALUE)",
      at: range,
      suggestion: Suggestions.closest(to: name, among: Array(values.keys)).map {
        Suggestions.didYouMean(":" + $0)
      })
  }
}

/// The undefined variables of one statement.
struct VariableFailure: Error {
  var diagnostics: [Diagnostic]
  init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
