/// What the interactive shell waits for before it runs the lines typed so far.
///
/// A query (`select`, `explain`, `with`) runs when its line ends with `;`, as in psql, sqlite3 and
/// DuckDB, so that it can go on over several lines whatever its first lines already parse as;
/// the other statements (`shares of`, `share`, `unshare`, `show`, `describe`, `refresh`) and dot
/// commands run on Enter once complete. Scripts, `-c` and standard input keep the line rule of
/// `Script.parse`.
public enum InputWait: Sendable, Hashable {
  /// Run it now.
  case nothing
  /// A query: the `;` that ends it.
  case semicolon
  /// A string (`'`) or quoted name (`"`) left open.
  case quote(Character)
  /// A parenthesis left open.
  case closingParenthesis
  /// A block comment left open.
  case endOfComment
  /// A statement that stops short (`share env with`).
  case more

  /// What the continuation prompt shows before its `>`: `;` `'` `"` `)` `*/`, or nothing.
  public var promptMark: String {
    switch self {
    case .nothing, .more: ""
    case .semicolon: ";"
    case .quote(let quote): String(quote)
    case .closingParenthesis: ")"
    case .endOfComment: "*/"
    }
  }

  /// What the interactive shell waits for after the lines `text` (see the type's rule).
  public static func after(_ text: String) -> InputWait {
    var scanner = Scanner(text)
    var depth = 0
    var statementStart: Token?
    while true {
      let token = scanner.next()
      switch token.kind {
      case .endOfInput:
        return wait(statementStart: statementStart, depth: depth, text: text)
      case .comment:
        if token.problem == .unterminatedComment { return .endOfComment }
        continue
      case .string where token.problem == .unterminatedString:
        return .quote("'")
      case .quotedIdentifier where token.problem == .unterminatedQuotedIdentifier:
        return .quote("\"")
      case .symbol(.semicolon):
        statementStart = nil
        depth = 0
      case .symbol(.leftParen):
        depth += 1
      case .symbol(.rightParen):
        depth = max(0, depth - 1)
      default:
        break
      }
      if statementStart == nil, token.kind != .symbol(.semicolon) {
        // A dot command is the rest of its line: it runs on Enter.
        if token.text.utf8.first == UInt8(ascii: ".") { return .nothing }
        statementStart = token
      }
    }
  }

  private static func wait(statementStart: Token?, depth: Int, text: String) -> InputWait {
    guard let start = statementStart else { return .nothing }
    if start.kind == .word, start.keyword?.startsQuery == true {
      return depth > 0 ? .closingParenthesis : .semicolon
    }
    if Script.isComplete(text) { return .nothing }
    return depth > 0 ? .closingParenthesis : .more
  }
}
