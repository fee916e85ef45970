/// The source of one statement before parsing: a dot-command line, or the tokens up to where the
/// statement stops.
struct StatementChunk {
  enum Content {
    /// A dot command: the whole line, from the `.` on.
    case dotCommand(text: String, range: SourceRange)
    /// The tokens of a statement, comments left out; may be empty when only `problem` is left.
    case tokens([Token])
  }

  var content: Content
  /// Whether the statement runs to the end of the text (no `;`, no next statement after it):
  /// then a parse that needs more tokens would be satisfied by more input.
  var endsInput: Bool
  /// An unterminated block comment met inside or after the statement.
  var unterminatedComment: Token?
}

/// Where statements stop besides `;` and the end of the text.
public enum StatementBoundaries: Sendable, Hashable {
  /// Also before a line that starts a new statement: scripts, `-c`, standard input.
  case lines
  /// Only at `;`: what the interactive shell typed over several lines as one query.
  case semicolons
}

/// Cuts a script into statements: a statement stops at `;`, at the end of the text, or (with
/// `.lines` boundaries) before a token that is first on its line and is a statement keyword
/// (`select`, `with`, `explain`, `shares`, `share`, `unshare`, `show`, `describe`, `refresh`) or
/// begins with `.` — provided its brackets are balanced and it is complete, so that a subquery
/// or the select after `with` may start a line of its own. Inside strings and comments nothing stops. A dot command is the rest of its line.
struct StatementSplitter: IteratorProtocol {
  private(set) var scanner: Scanner
  let boundaries: StatementBoundaries

  init(_ text: String, boundaries: StatementBoundaries = .lines) {
    scanner = Scanner(text)
    self.boundaries = boundaries
  }

  var bytes: [UInt8] { scanner.bytes }

  mutating func next() -> StatementChunk? {
    while true {
      let saved = scanner
      let token = scanner.next()
      switch token.kind {
      case .endOfInput:
        return nil
      case .comment:
        if token.problem != nil {
          return StatementChunk(content: .tokens([]), endsInput: true, unterminatedComment: token)
        }
      case .symbol(.semicolon):
        continue
      default:
        if startsWithDot(token) {
          scanner = saved
          scanner.skipBlanks()
          let line = scanner.takeLine()
          return StatementChunk(
            content: .dotCommand(text: line.text, range: line.range), endsInput: false)
        }
        return statement(startingWith: token)
      }
    }
  }

  private mutating func statement(startingWith first: Token) -> StatementChunk {
    var tokens = [first]
    var depth = first.isSymbol(.leftParen) ? 1 : 0
    var unterminatedComment: Token?
    while true {
      let saved = scanner
      let token = scanner.next()
      switch token.kind {
      case .comment:
        if token.problem != nil { unterminatedComment = token }
      case .endOfInput:
        return StatementChunk(
          content: .tokens(tokens), endsInput: true, unterminatedComment: unterminatedComment)
      case .symbol(.semicolon):
        return StatementChunk(
          content: .tokens(tokens), endsInput: false, unterminatedComment: unterminatedComment)
      default:
        if boundaries == .lines, token.isFirstOnLine, startsStatement(token),
          !isExplainBeforeSelect(tokens, token), depth == 0, !needsMore(tokens)
        {
          scanner = saved
          return StatementChunk(
            content: .tokens(tokens), endsInput: false, unterminatedComment: unterminatedComment)
        }
        if token.isSymbol(.leftParen) { depth += 1 }
        if token.isSymbol(.rightParen) { depth = max(0, depth - 1) }
        tokens.append(token)
      }
    }
  }

  /// Whether the statement so far stops short (`with t as (…)` before its `select`): a line
  /// that begins with a statement keyword then continues it. A statement broken earlier than
  /// its end is cut there as before, so each part gets its own diagnostic.
  private func needsMore(_ tokens: [Token]) -> Bool {
    var parser = Parser(tokens: tokens[...], source: bytes, endsInput: true)
    do {
      _ = try parser.parseStatement()
      return false
    } catch let failure as ParseFailure {
      return failure.isAtEnd
    } catch {
      return false
    }
  }

  private func startsWithDot(_ token: Token) -> Bool {
    token.text.utf8.first == UInt8(ascii: ".")
  }

  private func startsStatement(_ token: Token) -> Bool {
    if startsWithDot(token) { return true }
    return token.kind == .word && token.keyword?.startsStatement == true
  }

  /// `explain` on a line of its own goes with the `select` below it.
  private func isExplainBeforeSelect(_ tokens: [Token], _ token: Token) -> Bool {
    tokens.count == 1 && tokens[0].isKeyword(.explain) && token.isKeyword(.select)
  }
}
