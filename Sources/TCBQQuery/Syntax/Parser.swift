/// Why a statement did not parse: the diagnostic, and what the statement splitter and the
/// completeness check need to know about it.
struct ParseFailure: Error {
  var diagnostic: Diagnostic
  /// The index of the token the parser stopped at.
  var tokenIndex: Int
  /// Whether the parser stopped because the statement's tokens ran out.
  var isAtEnd: Bool
  /// Whether the diagnostic suggests a keyword expected at that place.
  var suggestsKeyword: Bool
}

/// A recursive-descent parser of one statement's tokens (see `StatementSplitter`). It stops at
/// the first problem: the statement is then reported once and the script goes on after it.
struct Parser {
  /// How deep expressions may nest (parentheses, prefix operators, call arguments) while
  /// parsing; beyond it the statement is refused rather than risk the stack.
  static let maximumNestingDepth = 256
  /// How tall an expression tree may grow, chains of operators included (`a or b or …`): every
  /// later pass (printing, comparing, planning, evaluating) walks trees recursively, and debug
  /// builds spend kilobytes of stack per level. A long list of alternatives belongs in `in (…)`.
  static let maximumExpressionHeight = 256

  /// The statement's tokens, a slice of the script's (not copied).
  let tokens: ArraySlice<Token>
  /// The zero-width token after the last one, where the statement ends.
  let endToken: Token
  let source: [UInt8]
  let endsInput: Bool
  var index: Int
  /// Keywords tried and not found since the last token was taken, for "did you mean".
  var expected: [Keyword] = []
  var depth = 0
  /// The end of the last token taken.
  var lastEnd: SourceLocation

  /// - Parameters:
  ///   - tokens: the statement's tokens, without comments or the `;`.
  ///   - endsInput: whether the statement runs to the end of the text.
  init(tokens: ArraySlice<Token>, source: [UInt8], endsInput: Bool) {
    let end = tokens.last?.range.end ?? SourceLocation(line: 1, column: 1, offset: 0)
    self.tokens = tokens
    self.endToken = Token(kind: .endOfInput, text: "", range: SourceRange(start: end, end: end))
    self.source = source
    self.endsInput = endsInput
    self.index = tokens.startIndex
    self.lastEnd = (tokens.first ?? endToken).range.start
  }

  // MARK: Tokens

  var current: Token { index < tokens.endIndex ? tokens[index] : endToken }
  func peek(_ ahead: Int = 1) -> Token {
    index + ahead < tokens.endIndex ? tokens[index + ahead] : endToken
  }
  var isAtEnd: Bool { index == tokens.endIndex }
  /// How many tokens of the statement come before the current one.
  var position: Int { index - tokens.startIndex }

  mutating func advance() {
    guard !isAtEnd else { return }
    lastEnd = current.range.end
    index += 1
    expected.removeAll(keepingCapacity: true)
  }

  /// Takes the current token, refusing one the lexer found wrong.
  mutating func take() throws -> Token {
    let token = current
    if let problem = token.problem { throw failure(problem, token) }
    advance()
    return token
  }

  /// Takes the keyword if it is next; otherwise notes that it was expected.
  mutating func accept(_ keyword: Keyword) -> Bool {
    if current.isKeyword(keyword) {
      advance()
      return true
    }
    expected.append(keyword)
    return false
  }

  mutating func accept(_ symbol: Token.Symbol) -> Bool {
    guard current.isSymbol(symbol) else { return false }
    advance()
    return true
  }

  mutating func expect(_ keyword: Keyword, _ what: String? = nil) throws {
    guard accept(keyword) else { throw failure(expected: what ?? "'\(keyword.rawValue)'") }
  }

  mutating func expect(_ symbol: Token.Symbol, _ what: String? = nil) throws {
    guard accept(symbol) else { throw failure(expected: what ?? "'\(symbol.rawValue)'") }
  }

  // MARK: Failures

  /// Throws `failure(expected:)`.
  func fail(expected what: String) throws -> Never {
    throw failure(expected: what)
  }

  /// The failure at the current token: its lexical problem if it has one; "unexpected 'form'
  /// (did you mean 'from'?)" when it is a word close to a keyword expected here; otherwise
  /// "expected …, found …".
  func failure(expected what: String) -> ParseFailure {
    let token = current
    if let problem = token.problem { return failure(problem, token) }
    if token.kind == .word,
      let keyword = Suggestions.closest(to: token.text, among: expected.map(\.rawValue))
    {
      return ParseFailure(
        diagnostic: Diagnostic(
          .error, ParseMessage.unexpected("'\(token.text)'"), at: token.range,
          suggestion: Suggestions.didYouMean(keyword)),
        tokenIndex: position, isAtEnd: false, suggestsKeyword: true)
    }
    let found = ParseMessage.describe(token, atEndOfInput: isAtEnd && endsInput)
    return failure(ParseMessage.expected(what, found: found), at: token.range)
  }

  func failure(_ message: String, at range: SourceRange, suggestion: String? = nil)
    -> ParseFailure
  {
    ParseFailure(
      diagnostic: Diagnostic(.error, message, at: range, suggestion: suggestion),
      tokenIndex: position, isAtEnd: isAtEnd, suggestsKeyword: false)
  }

  func failure(_ problem: LexicalProblem, _ token: Token) -> ParseFailure {
    var failure = failure(Parser.message(for: problem, token), at: Parser.range(of: problem, token))
    // An open string or comment would be closed by more input.
    failure.isAtEnd = problem.isUnterminated
    return failure
  }

  static func message(for problem: LexicalProblem, _ token: Token) -> String {
    switch problem {
    case .unterminatedString: ParseMessage.unterminatedString
    case .unterminatedQuotedIdentifier: ParseMessage.unterminatedQuotedIdentifier
    case .unterminatedComment: ParseMessage.unterminatedComment
    case .unexpectedCharacter: ParseMessage.unexpectedCharacter(token.text)
    case .malformedNumber: ParseMessage.malformedNumber(token.text)
    }
  }

  /// An unterminated string or comment is shown at its opening, not at everything after it.
  static func range(of problem: LexicalProblem, _ token: Token) -> SourceRange {
    let start = token.range.start
    let width =
      switch problem {
      case .unterminatedString, .unterminatedQuotedIdentifier: 1
      case .unterminatedComment: 2
      case .unexpectedCharacter, .malformedNumber: 0
      }
    guard width > 0 else { return token.range }
    let end = SourceLocation(
      line: start.line, column: start.column + width, offset: start.offset + width)
    return SourceRange(start: start, end: end)
  }

  /// From `start` to the end of the last token taken.
  func range(from start: SourceLocation) -> SourceRange {
    SourceRange(start: start, end: max(start, lastEnd))
  }
}
