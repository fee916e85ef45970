import TCBQQuery
import Testing

/// `:NAME` is bound as one text literal at parse time, never parsed as language.
struct VariableBindingTests {
  static let hostile = "wx1' or 1=1; unshare prod from wx2 -- x\nselect * from envs"

  func parse(_ text: String, _ values: [String: String]) -> ParseResult {
    Script.parse(text, variables: VariableScope(values))
  }

  @Test func aValueIsOneStringLiteralWhateverItHolds() {
    let result = parse("select * from shares where appid = :app", ["app": Self.hostile])
    #expect(result.diagnostics.isEmpty)
    #expect(result.statements.count == 1)
    guard case .select(let select)? = result.statements.first?.statement,
      case .binary(.equal, _, let right)? = select.whereClause?.kind
    else {
      Issue.record("not a select with appid = …")
      return
    }
    #expect(right.kind == .literal(.string(Self.hostile)))
    // The statement's text is as written.
    #expect(result.units.first?.text == "select * from shares where appid = :app")
  }

  @Test func appidsAndEnvIDsOfWritesAreBoundWhole() {
    let result = parse("unshare :env from :app, wx2", ["env": "prod-1", "app": Self.hostile])
    guard case .unshare(let env, let appids)? = result.statements.first?.statement else {
      Issue.record("\(result.diagnostics.map(\.message))")
      return
    }
    #expect(env.text == "prod-1")
    #expect(appids.map(\.text) == [Self.hostile, "wx2"])
    #expect(result.statements.count == 1)
  }

  @Test func anUndefinedVariableIsADiagnosticAtItsPlace() {
    let result = parse("select 1 from envs\nselect :nope, :also from envs", ["note": "x"])
    #expect(result.statements.count == 1)
    let messages = result.diagnostics.map(\.message)
    #expect(
      messages == [
        "undefined variable ':nope' (set it with -v nope=VALUE or .set nope VALUE)",
        "undefined variable ':also' (set it with -v also=VALUE or .set also VALUE)",
      ])
    #expect(result.diagnostics.first?.range.start.line == 2)
    #expect(result.diagnostics.first?.range.start.column == 8)
    #expect(result.diagnostics.first?.suggestion == "did you mean ':note'?")
  }

  @Test func aScriptsOwnSetAndUnsetAreSeenInOrder() {
    let result = parse(".set e 'a b'\nshares of :e\n.unset e\nshares of :e", [:])
    #expect(result.diagnostics.map(\.range.start.line) == [4])
    guard case .sharesOf(let words)? = result.statements.dropFirst().first?.statement else {
      Issue.record("no shares of")
      return
    }
    #expect(words.map(\.text) == ["a b"])
  }

  @Test func aVariableCannotBeGluedIntoAWord() {
    let result = parse("shares of wx:app", ["app": "1"])
    #expect(result.statements.isEmpty)
    #expect(result.diagnostics.first?.message.contains("cannot be glued") == true)
  }

  @Test func lexerReadsAVariableAsOneToken() {
    let tokens = Lexer.tokenize("a = :x_1")
    #expect(tokens.map(\.kind) == [.word, .symbol(.equal), .variable, .endOfInput])
    #expect(tokens[2].text == ":x_1")
  }

  @Test func namesAreValidatedAsIdentifiers() {
    #expect(VariableScope.isValidName("app_1"))
    #expect(!VariableScope.isValidName("1app"))
    #expect(!VariableScope.isValidName("a-b"))
    #expect(!VariableScope.isValidName(""))
  }
}

/// `share`/`unshare` of a query's pairs.
struct QueryWriteParsingTests {
  @Test func theThreeFormsParse() {
    guard case .writeFromQuery(let byEnv) = parseOne("unshare prod-1 from (select appid from apps)")
    else { return }
    #expect(byEnv.kind == .unshare)
    #expect(byEnv.env?.text == "prod-1")
    #expect(byEnv.query.tableNames == ["apps"])
    guard case .writeFromQuery(let pairs) = parseOne("share (select env_id, appid from shares)")
    else { return }
    #expect(pairs.kind == .share)
    #expect(pairs.env == nil)
    guard case .share = parseOne("share prod-1 with wx1, wx2") else {
      Issue.record("the listed form is still a plain share")
      return
    }
  }

  @Test func theyPrintBackToTheSameTree() {
    for text in [
      "unshare prod-1 from (select appid from shares where env_id = 'prod-1')",
      "share (select env_id, appid from shares limit 3)",
    ] {
      guard let statement = parseOne(text) else { continue }
      let again = Script.parse(statement.sourceText).statements.first?.statement
      #expect(again?.withoutRanges == statement.withoutRanges, "\(statement.sourceText)")
    }
  }

  @Test func anUnclosedQueryIsIncomplete() {
    #expect(!Script.isComplete("unshare prod-1 from (select appid\nfrom apps"))
    #expect(Script.isComplete("unshare prod-1 from (select appid from apps)"))
  }
}
