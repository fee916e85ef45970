import TCBQQuery
import Testing

/// Odd, huge and malicious input: the front end answers with diagnostics, never a crash.
struct ParserHostileInputTests {
  @Test func megabyteLine() {
    let value = String(repeating: "x", count: 1 << 20)
    let source = "select '\(value)' as big, length('\(value)') from envs where env_id = '\(value)'"
    let result = Script.parse(source)
    #expect(result.diagnostics.isEmpty)
    guard case .select(let select) = result.statements.first?.statement,
      case .expression(let expr, _) = select.items.first
    else {
      Issue.record("no select")
      return
    }
    #expect(expr.kind == .literal(.string(value)))
    #expect(expr.range.end.column == (1 << 20) + 10)
  }

  @Test func megabyteLineOfItems() {
    let items = Array(repeating: "a", count: 300_000).joined(separator: ",")
    let result = Script.parse("select \(items) from t")
    #expect(result.diagnostics.isEmpty)
    guard case .select(let select) = result.statements.first?.statement else {
      Issue.record("no select")
      return
    }
    #expect(select.items.count == 300_000)
  }

  @Test func megabyteOfGarbageOnOneLine() {
    let source = String(repeating: "!@#$ ", count: 200_000)
    let result = Script.parse(source)
    #expect(result.diagnostics.count == 1)
    #expect(result.diagnostics.first?.message == "unexpected character '!'")
  }

  @Test func nulBytes() {
    let result = Script.parse("select\u{0} 1 from t\nselect 'a\u{0}b' from t;\n\u{0}\u{0}")
    #expect(result.units.count == 3)
    #expect(
      result.diagnostics.map(\.message) == Array(repeating: "unexpected character U+0000", count: 2)
    )
    #expect(result.diagnostics.map(\.range.start.line) == [1, 3])
    guard case .select(let select) = result.statements.first?.statement,
      case .expression(let expr, _) = select.items.first
    else {
      Issue.record("no select")
      return
    }
    #expect(expr.kind == .literal(.string("a\u{0}b")))
  }

  @Test func tenThousandNestedParentheses() {
    let depth = 10_000
    let source =
      "select " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
      + " from t"
    let result = Script.parse(source)
    #expect(result.diagnostics.count == 1)
    #expect(
      result.diagnostics.first?.message
        == "expression nested too deeply (more than 256 levels of parentheses or operators)")
    // More input cannot mend that: Enter runs it and shows the error.
    let open = String(repeating: "(", count: depth)
    #expect(statementIsComplete("select " + open))
    #expect(!statementIsComplete("select " + String(repeating: "(", count: 10)))
  }

  @Test func nestingJustWithinTheLimitParses() {
    let depth = 255
    let source =
      "select " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
      + " from t"
    let result = Script.parse(source)
    #expect(result.diagnostics.isEmpty)
    #expect(result.statements.first?.statement.sourceText == "select 1 from t")
  }

  @Test func deepPrefixOperatorsAndCalls() {
    for source in [
      "select " + String(repeating: "- ", count: 10_000) + "1 from t",
      "select " + String(repeating: "not ", count: 10_000) + "1 from t",
      "select " + String(repeating: "f(", count: 10_000) + "1"
        + String(repeating: ")", count: 10_000) + " from t",
      "select * from t where a in " + String(repeating: "(", count: 10_000),
    ] {
      let result = Script.parse(source)
      #expect(result.diagnostics.count == 1)
      #expect(result.diagnostics.first?.message.hasPrefix("expression nested too deeply") == true)
    }
  }

  @Test func inListOfOneHundredThousandItems() {
    let items = (0..<100_000).map { "'wx\($0)'" }.joined(separator: ", ")
    let result = Script.parse("select * from shares where appid in (\(items))")
    #expect(result.diagnostics.isEmpty)
    guard case .select(let select) = result.statements.first?.statement,
      case .inList(_, let list, false) = select.whereClause?.kind
    else {
      Issue.record("no in list")
      return
    }
    #expect(list.count == 100_000)
    #expect(list.last?.kind == .literal(.string("wx99999")))
    // The tree is shallow, so printing and comparing it are too.
    #expect(
      Script.parse(select.sourceText).statements.first?.statement.withoutRanges
        == .select(select.withoutRanges))
  }

  @Test func longChainIsRefusedNotOverflowed() {
    let source =
      "select " + Array(repeating: "1", count: 100_000).joined(separator: " + ") + " from t"
    let result = Script.parse(source)
    #expect(result.diagnostics.count == 1)
    #expect(result.diagnostics.first?.message.hasPrefix("expression too complex") == true)
  }

  @Test func oneHundredThousandStatements() {
    var script = ""
    for index in 0..<100_000 {
      script +=
        index % 2 == 0
        ? "select env_id from envs where status = 'NORMAL';\n" : "shares of wx\(index)\n"
    }
    let result = Script.parse(script)
    #expect(result.units.count == 100_000)
    #expect(result.diagnostics.isEmpty)
    #expect(splitStatements(script).count == 100_000)
  }

  @Test func oneHundredThousandBadStatementsEachReported() {
    let script = String(repeating: "select * form envs\n", count: 100_000)
    let result = Script.parse(script)
    #expect(result.diagnostics.count == 100_000)
    #expect(result.diagnostics.last?.range.start.line == 100_000)
  }

  @Test(arguments: [1, 2, 3, 4] as [UInt64])
  func randomBytesNeverCrash(seed: UInt64) {
    var random = SeededGenerator(seed: seed)
    let alphabet = Array(
      "selct from where ( ) , ; ' \" -- /* */ . \n\t 0 1.5 e x 状 \u{0} || <> = * wx-1".utf8)
    for _ in 0..<300 {
      let length = Int.random(in: 0...200, using: &random)
      let bytes = (0..<length).map { _ in
        Bool.random(using: &random)
          ? alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
          : UInt8.random(in: 0...255, using: &random)
      }
      // Invalid UTF-8 is replaced when the text is decoded, as a script file is.
      let text = String(decoding: bytes, as: UTF8.self)
      let result = Script.parse(text)
      let tokens = Lexer.tokenize(text, includeComments: true)
      #expect(tokens.last?.kind == .endOfInput)
      var previousEnd = 0
      for token in tokens {
        #expect(token.range.start.offset >= previousEnd)
        #expect(token.range.end.offset <= text.utf8.count)
        previousEnd = token.range.end.offset
      }
      for diagnostic in result.diagnostics {
        #expect(diagnostic.range.start.offset <= text.utf8.count)
        _ = DiagnosticFormatter.format(diagnostic, source: text)
      }
      _ = statementIsComplete(text)
    }
  }
}
