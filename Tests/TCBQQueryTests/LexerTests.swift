import TCBQQuery
import Testing

struct LexerTests {
  private func kinds(_ text: String) -> [Token.Kind] { Lexer.tokenize(text).map(\.kind) }

  @Test func endsWithEndOfInput() {
    #expect(kinds("") == [.endOfInput])
    #expect(kinds("  \n\t ") == [.endOfInput])
    let tokens = Lexer.tokenize("a b")
    #expect(tokens.last?.range.start.offset == 3)
  }

  @Test func keywordsIgnoreCase() {
    let tokens = Lexer.tokenize("SELECT Select select sElEcT selected")
    #expect(tokens.dropLast().map(\.keyword) == [.select, .select, .select, .select, nil])
    #expect(tokens.dropLast().allSatisfy { $0.kind == .word })
    #expect(Keyword(word: "BETWEEN") == .between)
    #expect(Keyword.between.isReserved)
    #expect(!Keyword.tables.isReserved)
    #expect(Keyword.statementKeywords.allSatisfy { $0.startsStatement })
  }

  @Test func words() {
    let tokens = Lexer.tokenize("env_id _x a1 状态 naïve")
    #expect(tokens.dropLast().map(\.text) == ["env_id", "_x", "a1", "状态", "naïve"])
    #expect(tokens.dropLast().allSatisfy { $0.kind == .word && $0.problem == nil })
  }

  @Test func quotedIdentifiers() {
    let tokens = Lexer.tokenize(#""select" "a ""b""" """#)
    #expect(
      tokens.dropLast().map(\.kind) == [.quotedIdentifier, .quotedIdentifier, .quotedIdentifier])
    #expect(tokens.dropLast().map(\.value) == ["select", "a \"b\"", ""])
  }

  @Test func strings() {
    let tokens = Lexer.tokenize("'it''s' '' 'a\nb' '状态'")
    #expect(tokens.dropLast().map(\.value) == ["it's", "", "a\nb", "状态"])
    #expect(tokens.dropLast().allSatisfy { $0.kind == .string && $0.problem == nil })
    // A combining mark after a quote does not hide it.
    #expect(Lexer.tokenize("'a'\u{301}").first?.value == "a")
  }

  @Test func unterminatedStringRunsToTheEnd() {
    let tokens = Lexer.tokenize("select 'abc\nfrom t")
    #expect(tokens[1].kind == .string)
    #expect(tokens[1].problem == .unterminatedString)
    #expect(tokens[1].value == "abc\nfrom t")
    #expect(tokens[2].kind == .endOfInput)
    #expect(Lexer.tokenize("'ab''").first?.problem == .unterminatedString)
    #expect(Lexer.tokenize("\"ab").first?.problem == .unterminatedQuotedIdentifier)
  }

  @Test(arguments: [
    ("0", Token.Kind.integer), ("42", .integer), ("99999999999999999999", .integer),
    ("1.5", .decimal), (".5", .decimal), ("1.", .decimal), ("1e3", .decimal), ("1E+3", .decimal),
    ("2.5e-10", .decimal),
  ])
  func numbers(_ text: String, _ kind: Token.Kind) {
    let tokens = Lexer.tokenize(text)
    #expect(tokens.count == 2)
    #expect(tokens[0].kind == kind)
    #expect(tokens[0].text == text)
  }

  @Test func malformedNumbers() {
    for text in ["12abc", "1e3x", "3fa9c1", "1.5x"] {
      let first = Lexer.tokenize(text).first
      #expect(first?.kind == .invalid, "\(text)")
      #expect(first?.problem == .malformedNumber, "\(text)")
      #expect(first?.text == text)
    }
    // `1e` is a number and a word would follow it: malformed, not silently split.
    #expect(Lexer.tokenize("1e").first?.problem == .malformedNumber)
    #expect(kinds("1.5.5") == [.decimal, .decimal, .endOfInput])
  }

  @Test(arguments: Token.Symbol.allCases)
  func symbols(_ symbol: Token.Symbol) {
    #expect(kinds(symbol.rawValue) == [.symbol(symbol), .endOfInput])
  }

  @Test func symbolsTouching() {
    #expect(
      kinds("a<=b<>c!=d==e||f>=g") == [
        .word, .symbol(.lessEqual), .word, .symbol(.lessGreater), .word, .symbol(.notEqual),
        .word, .symbol(.doubleEqual), .word, .symbol(.concat), .word, .symbol(.greaterEqual),
        .word, .endOfInput,
      ])
    #expect(
      kinds("t.*,(1);") == [
        .word, .symbol(.dot), .symbol(.star), .symbol(.comma), .symbol(.leftParen), .integer,
        .symbol(.rightParen), .symbol(.semicolon), .endOfInput,
      ])
    #expect(kinds("a-1") == [.word, .symbol(.minus), .integer, .endOfInput])
    #expect(kinds("a- -1") == [.word, .symbol(.minus), .symbol(.minus), .integer, .endOfInput])
  }

  @Test func comments() {
    #expect(kinds("a -- b c\nd") == [.word, .word, .endOfInput])
    #expect(kinds("a /* b\n c */ d") == [.word, .word, .endOfInput])
    let withComments = Lexer.tokenize("a -- b\n/* c */", includeComments: true)
    #expect(withComments.map(\.kind) == [.word, .comment, .comment, .endOfInput])
    #expect(withComments[1].text == "-- b")
    let open = Lexer.tokenize("a /* b", includeComments: true)
    #expect(open[1].problem == .unterminatedComment)
    #expect(LexicalProblem.unterminatedComment.isUnterminated)
    #expect(!LexicalProblem.malformedNumber.isUnterminated)
  }

  @Test func strayCharacters() {
    for text in [
      "!", "|", "?", "&", "$", "@", "#", "[", "]", "`", "\\", "\u{0}", "\u{7}", "，", "😀",
    ] {
      let tokens = Lexer.tokenize("a \(text) b")
      #expect(
        tokens.map(\.kind) == [.word, .invalid, .word, .endOfInput], "\(text.debugDescription)")
      #expect(tokens[1].problem == .unexpectedCharacter)
      #expect(tokens[1].text == text)
    }
  }

  @Test func unicodeBlanksSeparate() {
    #expect(Lexer.tokenize("a\u{3000}b\u{A0}c").dropLast().map(\.text) == ["a", "b", "c"])
  }

  @Test func locationsCountScalarsAndUTF8Bytes() {
    let tokens = Lexer.tokenize("'状态' x\n  é y")
    #expect(tokens[1].range.start == TCBQQuery.SourceLocation(line: 1, column: 6, offset: 9))
    #expect(tokens[2].range.start == TCBQQuery.SourceLocation(line: 2, column: 3, offset: 13))
    #expect(tokens[2].range.end == TCBQQuery.SourceLocation(line: 2, column: 4, offset: 15))
    #expect(tokens[3].range.start == TCBQQuery.SourceLocation(line: 2, column: 5, offset: 16))
  }

  @Test func firstOnLine() {
    let tokens = Lexer.tokenize("a b\n  c /* x */ d\n/* y */ e 'multi\nline' f")
    #expect(
      tokens.dropLast().map(\.isFirstOnLine) == [true, false, true, false, true, false, false])
  }

  @Test func crlfLines() {
    let tokens = Lexer.tokenize("a\r\nb")
    #expect(tokens[1].range.start.line == 2)
    #expect(tokens[1].range.start.column == 1)
  }
}
