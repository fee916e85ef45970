/// What parsing a script gives: its statements in order, each with its source and either its
/// tree or what went wrong.
public struct ParseResult: Sendable, Hashable {
  /// Every statement in source order, parsed or not. Run these one by one.
  public var units: [StatementUnit]

  /// The statements that parsed, in source order.
  public var statements: [ParsedStatement] { units.compactMap(\.statement) }
  /// The problems of every statement, in source order.
  public var diagnostics: [Diagnostic] { units.flatMap(\.diagnostics) }
}

/// One statement of a script as written: its text and range in the script, and its tree or
/// (when it did not parse) its diagnostics.
public struct StatementUnit: Sendable, Hashable {
  /// The statement's source, without the `;` that ends it.
  public var text: String
  /// Where the statement is in the whole script.
  public var range: SourceRange
  /// The tree; nil when the statement did not parse.
  public var statement: ParsedStatement?
  /// Why the statement did not parse (usually one diagnostic); empty when it did.
  public var diagnostics: [Diagnostic]
  /// Whether the statement failed only because the text ended (more input could complete it).
  public var isIncomplete: Bool
}

/// The source of one statement of a script, as `splitStatements` cuts it.
public struct StatementSource: Sendable, Hashable {
  /// The statement's source, without the `;` that ends it.
  public var text: String
  /// Where the statement is in the whole script (1-based lines and columns).
  public var range: SourceRange
}

/// Entry points of the language front end.
public enum Script {
  /// Parses a script of any number of statements. Never fails: a statement that does not parse
  /// gets a diagnostic (one, at the first problem) and parsing goes on with the next statement.
  /// Locations are relative to `text`. Each `:NAME` is bound from `variables` as changed by the
  /// script's `.set`/`.unset` lines before it; an undefined one is the statement's diagnostic.
  public static func parse(
    _ text: String, boundaries: StatementBoundaries = .lines,
    variables: VariableScope = VariableScope()
  ) -> ParseResult {
    var splitter = StatementSplitter(text, boundaries: boundaries)
    var units: [StatementUnit] = []
    var scope = variables
    while let chunk = splitter.next() {
      switch chunk.content {
      case .dotCommand(let line, let range):
        let unit = dotCommandUnit(line: line, range: range)
        if case .dot(let command)? = unit.statement?.statement { scope.apply(command) }
        units.append(unit)
      case .tokens(let tokens):
        var parsed = parseUnits(
          tokens, endsInput: chunk.endsInput, source: splitter.bytes, variables: scope)
        if let comment = chunk.unterminatedComment {
          let diagnostic = Diagnostic(
            .error, ParseMessage.unterminatedComment,
            at: Parser.range(of: .unterminatedComment, comment))
          if parsed.isEmpty {
            parsed.append(
              StatementUnit(
                text: "", range: diagnostic.range, statement: nil, diagnostics: [diagnostic],
                isIncomplete: true))
          } else {
            parsed[parsed.count - 1].statement = nil
            parsed[parsed.count - 1].diagnostics.append(diagnostic)
            parsed[parsed.count - 1].isIncomplete = true
          }
        }
        units.append(contentsOf: parsed)
      }
    }
    return ParseResult(units: units)
  }

  /// Whether the interactive shell should run `text` on Enter: true when it ends with `;`, is a
  /// dot command, parses as complete statements, or fails for a reason more input would not
  /// mend; false when a string or comment is open, a parenthesis is open, or the last statement
  /// stops short (`select env_id,`, `select * from envs where`). Blank text is complete.
  public static func isComplete(_ text: String) -> Bool {
    !parse(text).units.contains(where: \.isIncomplete)
  }

  /// Cuts a script into its statements, as `parse` does, for running and quoting them one by
  /// one.
  public static func split(_ text: String) -> [StatementSource] {
    parse(text).units.map { StatementSource(text: $0.text, range: $0.range) }
  }

  // MARK: Units

  private static func dotCommandUnit(line: String, range: SourceRange) -> StatementUnit {
    let command = DotCommand.parse(line: line, range: range)
    guard !command.name.isEmpty else {
      let diagnostic = Diagnostic(.error, ParseMessage.missingDotCommandName, at: range)
      return StatementUnit(
        text: line, range: range, statement: nil, diagnostics: [diagnostic], isIncomplete: false)
    }
    let statement = ParsedStatement(statement: .dot(command), range: range)
    return StatementUnit(
      text: line, range: range, statement: statement, diagnostics: [], isIncomplete: false)
  }

  /// Parses a statement's tokens. When it fails and a later line begins with a word close to
  /// a statement keyword (`selct`), that line most likely begins a statement with a typo: the
  /// tokens are cut there and both parts are parsed (so each gets its own diagnostic).
  private static func parseUnits(
    _ written: [Token], endsInput: Bool, source: [UInt8], variables: VariableScope
  ) -> [StatementUnit] {
    let tokens: [Token]
    switch variables.bind(written) {
    case .success(let bound): tokens = bound
    case .failure(let failure):
      return [unboundUnit(written, source: source, diagnostics: failure.diagnostics)]
    }
    var units: [StatementUnit] = []
    var start = 0
    while start < tokens.count {
      let outcome = parse(tokens[start...], endsInput: endsInput, source: source)
      guard case .failure(let failure) = outcome.result else {
        units.append(outcome.unit)
        break
      }
      let failing = start + failure.tokenIndex
      let cut = (max(failing, start + 1)..<tokens.count).first { index in
        isMisspeltStatementStart(tokens[index])
          && !(index == failing && failure.suggestsKeyword)
      }
      guard let cut else {
        units.append(outcome.unit)
        break
      }
      units.append(parse(tokens[start..<cut], endsInput: false, source: source).unit)
      start = cut
    }
    return units
  }

  /// A statement with undefined variables: its text as written and their diagnostics.
  private static func unboundUnit(_ tokens: [Token], source: [UInt8], diagnostics: [Diagnostic])
    -> StatementUnit
  {
    let first = tokens.first?.range.start ?? SourceLocation(line: 1, column: 1, offset: 0)
    let last = tokens.last?.range.end ?? first
    let text = String(decoding: source[first.offset..<last.offset], as: UTF8.self)
    return StatementUnit(
      text: text, range: SourceRange(start: first, end: last), statement: nil,
      diagnostics: diagnostics, isIncomplete: false)
  }

  private static func isMisspeltStatementStart(_ token: Token) -> Bool {
    token.isFirstOnLine && token.kind == .word && token.keyword == nil
      && Suggestions.closest(
        to: token.text, among: Keyword.statementKeywords.map(\.rawValue)) != nil
  }

  private static func parse(_ tokens: ArraySlice<Token>, endsInput: Bool, source: [UInt8])
    -> (unit: StatementUnit, result: Result<ParsedStatement, ParseFailure>)
  {
    var parser = Parser(tokens: tokens, source: source, endsInput: endsInput)
    let result: Result<ParsedStatement, ParseFailure>
    do {
      result = .success(try parser.parseStatement())
    } catch let failure as ParseFailure {
      result = .failure(failure)
    } catch {
      preconditionFailure("the parser throws only ParseFailure")
    }
    let first = tokens.first?.range.start ?? SourceLocation(line: 1, column: 1, offset: 0)
    let last = tokens.last?.range.end ?? first
    let range = SourceRange(start: first, end: last)
    let text = String(decoding: source[first.offset..<last.offset], as: UTF8.self)
    switch result {
    case .success(let statement):
      return (
        StatementUnit(
          text: text, range: range, statement: statement, diagnostics: [], isIncomplete: false),
        result
      )
    case .failure(let failure):
      return (
        StatementUnit(
          text: text, range: range, statement: nil, diagnostics: [failure.diagnostic],
          isIncomplete: failure.isAtEnd && endsInput),
        result
      )
    }
  }
}

/// Whether the interactive shell should run `text` on Enter; see `Script.isComplete(_:)`.
public func statementIsComplete(_ text: String) -> Bool { Script.isComplete(text) }

/// A script cut into its statements; see `Script.split(_:)`.
public func splitStatements(_ text: String) -> [StatementSource] { Script.split(text) }
