/// Turns source text into tokens. For the completion engine and tests; the parser reads tokens
/// statement by statement through the same scanner.
public enum Lexer {
  /// All tokens of `text`, ending with one `.endOfInput` token. Comments are left out unless
  /// asked for. Never fails: odd text gives `.invalid` tokens (see `Token.problem`).
  public static func tokenize(_ text: String, includeComments: Bool = false) -> [Token] {
    var scanner = Scanner(text)
    var tokens: [Token] = []
    while true {
      let token = scanner.next()
      if token.kind == .comment, !includeComments { continue }
      tokens.append(token)
      if token.kind == .endOfInput { return tokens }
    }
  }
}
