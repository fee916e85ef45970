extension Parser {
  /// `WORD[, WORD…]` — appids.
  mutating func parseWords(what: String) throws -> [Word] {
    var words = [try parseWord(what: what)]
    while accept(.comma) { words.append(try parseWord(what: what)) }
    return words
  }

  /// An appid or env id: a quoted string (single or double quotes), or a bare word — the
  /// source text of the tokens that touch one another, up to a blank, `,`, `;` or the end.
  /// So `prod-3fa9c1` is one word though it lexes as `prod`, `-`, `3fa9c1`.
  mutating func parseWord(what: String) throws -> Word {
    let first = current
    switch first.kind {
    case .string, .quotedIdentifier:
      let token = try take()
      return Word(text: token.value, range: token.range)
    case .endOfInput, .symbol(.comma), .symbol(.semicolon):
      throw failure(expected: what)
    default:
      break
    }
    var end = first.range.end
    advance()
    while !isAtEnd, current.range.start.offset == end.offset, !current.isSymbol(.comma) {
      // A quote glued to a word is still an open string.
      if let problem = current.problem, problem.isUnterminated { throw failure(problem, current) }
      // A variable is a whole word or nothing: its value is never glued to other text.
      if current.boundValue != nil {
        throw failure(
          ParseMessage.variableInWord,
          at: SourceRange(start: first.range.start, end: current.range.end))
      }
      end = current.range.end
      advance()
    }
    let text = String(decoding: source[first.range.start.offset..<end.offset], as: UTF8.self)
    return Word(text: text, range: SourceRange(start: first.range.start, end: end))
  }
}

extension DotCommand {
  /// Reads a dot-command line (`.mode csv`, `.read 'my file.sql'`): the name runs from after
  /// the `.` to the first blank; the arguments are split on blanks, and single or double quotes
  /// group a part with blanks in it (the quotes are removed). A `;` at the very end is dropped.
  static func parse(line: String, range: SourceRange) -> DotCommand {
    var body = line.dropFirst()
    while body.last?.isWhitespace == true { body = body.dropLast() }
    if body.last == ";", !endsInsideQuotes(body.dropLast()) { body = body.dropLast() }
    // The name touches the dot: `. mode` has none.
    guard let first = body.first, !first.isWhitespace else {
      return DotCommand(name: "", arguments: split(body).map(\.text), range: range)
    }
    let parts = split(body)
    let afterName = body.drop { !$0.isWhitespace }.drop(while: \.isWhitespace)
    return DotCommand(
      name: parts[0].text, arguments: parts.dropFirst().map(\.text),
      argumentText: String(afterName), range: range)
  }

  private struct Part {
    var text = ""
  }

  private static func endsInsideQuotes(_ text: Substring) -> Bool {
    var quote: Character?
    for character in text {
      if let open = quote {
        if character == open { quote = nil }
      } else if character == "'" || character == "\"" {
        quote = character
      }
    }
    return quote != nil
  }

  private static func split(_ line: Substring) -> [Part] {
    var parts: [Part] = []
    var part: Part?
    var quote: Character?
    for character in line {
      if let open = quote {
        if character == open {
          quote = nil
        } else {
          part?.text.append(character)
        }
      } else if character == "'" || character == "\"" {
        quote = character
        if part == nil { part = Part() }
      } else if character.isWhitespace {
        if let finished = part { parts.append(finished) }
        part = nil
      } else {
        if part == nil { part = Part() }
        part?.text.append(character)
      }
    }
    if let finished = part { parts.append(finished) }
    return parts
  }
}
