import TCBQQuery
import Testing

/// Every kind of parse diagnostic, at the place marked in the source.
struct DiagnosticParserTests {
  @Test func unknownStatementWithSuggestion() {
    assertDiagnostics(
      "1️⃣selct * from envs",
      [.init(at: "1️⃣", "unknown statement 'selct'", suggestion: "did you mean 'select'?")])
  }

  @Test func unknownStatementWithoutSuggestion() {
    assertDiagnostics("1️⃣frobnicate everything", [.init(at: "1️⃣", "unknown statement 'frobnicate'")])
  }

  @Test func statementMustStartWithAWord() {
    assertDiagnostics("1️⃣(select 1 from t)", [.init(at: "1️⃣", "expected a statement, found '('")])
  }

  @Test(
    arguments: [
      ("select * 1️⃣form envs", "form", "from"),
      ("select env_id 1️⃣form envs", "form", "from"),
      ("select env_id, status 1️⃣frm envs", "frm", "from"),
      ("select * from envs 1️⃣were status = 'NORMAL'", "were", "where"),
      ("select * from envs 1️⃣wher status = 'NORMAL'", "wher", "where"),
      ("select * from envs e 1️⃣whre e.status = 'NORMAL'", "whre", "where"),
      ("select * from envs 1️⃣oder by env_id", "oder", "order"),
      ("select status, count(*) from envs 1️⃣grup by status", "grup", "group"),
      ("select * from envs where a = 1 1️⃣adn b = 2", "adn", "and"),
      ("select * from envs 1️⃣limt 3", "limt", "limit"),
      ("select * from envs e 1️⃣jion tags t on t.env_id = e.env_id", "jion", "join"),
      ("select * from envs order by env_id 1️⃣dsec", "dsec", "desc"),
      ("show 1️⃣tabels", "tabels", "tables"),
      ("shares 1️⃣fo wx1", "fo", nil),
      ("share prod-1 1️⃣wiht wx1", "wiht", "with"),
    ] as [(String, String, String?)])
  func misspeltKeyword(_ source: String, _ word: String, _ keyword: String?) {
    guard let keyword else {
      // Too short to guess.
      assertDiagnostics(source, [.init(at: "1️⃣", "expected 'of' after 'shares', found '\(word)'")])
      return
    }
    assertDiagnostics(
      source,
      [.init(at: "1️⃣", "unexpected '\(word)'", suggestion: "did you mean '\(keyword)'?")])
  }

  @Test func misspeltStatementOnItsOwnLineIsItsOwnStatement() {
    assertDiagnostics(
      """
      select * from envs
      1️⃣selct * from apps
      select * from tags
      """,
      [.init(at: "1️⃣", "unknown statement 'selct'", suggestion: "did you mean 'select'?")])
    #expect(
      Script.parse("select * from envs\nselct * from apps\nselect * from tags").statements.count
        == 2)
  }

  @Test func threeBadStatementsGiveThreeDiagnostics() {
    assertDiagnostics(
      """
      select * 1️⃣form envs
      select env_id from envs
      2️⃣selct * from apps;
      select * from envs 3️⃣were x = 1
      """,
      [
        .init(at: "1️⃣", "unexpected 'form'", suggestion: "did you mean 'from'?"),
        .init(at: "2️⃣", "unknown statement 'selct'", suggestion: "did you mean 'select'?"),
        .init(at: "3️⃣", "unexpected 'were'", suggestion: "did you mean 'where'?"),
      ])
  }

  @Test func expectedTableName() {
    assertDiagnostics(
      "select * from1️⃣",
      [.init(at: "1️⃣", "expected a table name or '(select …)', found end of input")])
    assertDiagnostics(
      "select * from 1️⃣where x = 1",
      [.init(at: "1️⃣", "expected a table name or '(select …)', found 'where'")])
    assertDiagnostics(
      "select * from envs1️⃣; select 1 from t",
      [])
    assertDiagnostics(
      "select * from1️⃣;",
      [.init(at: "1️⃣", "expected a table name or '(select …)', found end of statement")])
  }

  @Test func missingFrom() {
    // Without `from` the list may end (`select 1 + 1`); what cannot follow it is named.
    assertDiagnostics(
      "select env_id e 1️⃣envs",
      [.init(at: "1️⃣", "expected ',' or 'from' after a select item, found 'envs'")])
    // `b` is an alias without `as`; `c` cannot follow it.
    assertDiagnostics(
      "select a b 1️⃣c from t",
      [.init(at: "1️⃣", "expected ',' or 'from' after a select item, found 'c'")])
  }

  @Test func expectedExpression() {
    assertDiagnostics(
      "select * from envs where1️⃣", [.init(at: "1️⃣", "expected an expression, found end of input")])
    assertDiagnostics(
      "select 1️⃣, a from t", [.init(at: "1️⃣", "expected an expression, found ','")])
    assertDiagnostics(
      "select a + 1️⃣from t", [.init(at: "1️⃣", "expected an expression, found 'from'")])
  }

  @Test func unclosedParenthesis() {
    assertDiagnostics(
      "select (1 + 2 1️⃣from t", [.init(at: "1️⃣", "expected ')', found 'from'")])
    assertDiagnostics(
      "select count(a 1️⃣from t", [.init(at: "1️⃣", "expected ',' or ')', found 'from'")])
    assertDiagnostics(
      "select * from t where a in (1, 2 1️⃣3)", [.init(at: "1️⃣", "expected ',' or ')', found '3'")])
  }

  @Test func joinNeedsOn() {
    assertDiagnostics(
      "select * from envs e natural join tags t 1️⃣on t.key = 'a'",
      [.init(at: "1️⃣", "a natural join may not have an ON or USING clause")])
    assertDiagnostics(
      "select * from envs e join tags t using 1️⃣env_id",
      [.init(at: "1️⃣", "expected '(' and column names after 'using', found 'env_id'")])
    assertDiagnostics(
      "select * from envs e left 1️⃣tags t on a = b",
      [.init(at: "1️⃣", "expected 'join' after 'left', found 'tags'")])
  }

  @Test func isNeedsNull() {
    assertDiagnostics(
      "select * from t where a is 1️⃣1",
      [.init(at: "1️⃣", "expected 'null' or 'not null' after 'is', found '1'")])
    assertDiagnostics(
      "select * from t where a is not 1️⃣'x'",
      [.init(at: "1️⃣", "expected 'null' after 'is not', found string 'x'")])
  }

  @Test func betweenNeedsAnd() {
    assertDiagnostics(
      "select * from t where a between 1 1️⃣or 2",
      [.init(at: "1️⃣", "expected 'and' in 'between … and …', found 'or'")])
  }

  @Test func trailingTokens() {
    assertDiagnostics(
      "show tables 1️⃣now", [.init(at: "1️⃣", "expected end of statement, found 'now'")])
    assertDiagnostics(
      "select * from t limit 1 1️⃣2", [.init(at: "1️⃣", "expected end of statement, found '2'")])
  }

  @Test func lexicalProblems() {
    assertDiagnostics(
      """
      select 1 from t
      select 'ok' from t
      select 1️⃣'it''s from t
      select 2 from t
      """,
      [.init(at: "1️⃣", "unterminated string")])
    assertDiagnostics(
      "select 1️⃣\"name from t", [.init(at: "1️⃣", "unterminated quoted name")])
    assertDiagnostics(
      "select 1 from t 1️⃣/* forever", [.init(at: "1️⃣", "unterminated comment")])
    assertDiagnostics(
      "select 1️⃣! from t", [.init(at: "1️⃣", "unexpected character '!'")])
    assertDiagnostics(
      "select a 1️⃣| b from t", [.init(at: "1️⃣", "unexpected character '|'")])
    assertDiagnostics(
      "select 1️⃣\u{0} from t", [.init(at: "1️⃣", "unexpected character U+0000")])
    assertDiagnostics(
      "select a1️⃣， b from t", [.init(at: "1️⃣", "unexpected character '，'")])
    assertDiagnostics(
      "select 1️⃣12abc from t", [.init(at: "1️⃣", "malformed number '12abc'")])
  }

  @Test func aSubqueryWithoutItsParenthesisNamesIt() {
    assertDiagnostics(
      "select * from t where a in (select b from u1️⃣",
      [.init(at: "1️⃣", "expected ')' after the subquery, found end of input")])
    assertDiagnostics(
      "select * from t where exists 1️⃣u",
      [.init(at: "1️⃣", "expected '(select …)' after 'exists', found 'u'")])
  }

  @Test func nestingTooDeep() {
    let source =
      "select " + String(repeating: "(", count: 256) + "1️⃣" + String(repeating: "(", count: 10)
      + "1" + String(repeating: ")", count: 266) + " from t"
    assertDiagnostics(
      source,
      [
        .init(
          at: "1️⃣",
          "expression nested too deeply (more than 256 levels of parentheses or operators)")
      ])
  }

  @Test func expressionTooComplex() {
    let source =
      "select * from t where 1️⃣" + Array(repeating: "a = 1", count: 300).joined(separator: " or ")
    assertDiagnostics(
      source,
      [
        .init(
          at: "1️⃣",
          "expression too complex (its tree is more than 256 levels deep); for many values use 'in (…)'"
        )
      ])
  }

  @Test func wordsNeedSomething() {
    assertDiagnostics("shares of1️⃣", [.init(at: "1️⃣", "expected an appid, found end of input")])
    assertDiagnostics(
      "shares of wx1, 1️⃣, wx2", [.init(at: "1️⃣", "expected an appid, found ','")])
    assertDiagnostics(
      "share1️⃣", [.init(at: "1️⃣", "expected an env id after 'share', found end of input")])
    assertDiagnostics(
      "unshare prod-1 1️⃣with wx1", [.init(at: "1️⃣", "expected 'from' after the env id, found 'with'")]
    )
    assertDiagnostics(
      "shares of 1️⃣'wx1", [.init(at: "1️⃣", "unterminated string")])
  }

  @Test func dotCommandWithoutName() {
    assertDiagnostics("1️⃣. mode", [.init(at: "1️⃣", "expected a command name after '.'")])
  }

  @Test func explainNeedsSelect() {
    assertDiagnostics(
      "explain 1️⃣shares of wx1",
      [.init(at: "1️⃣", "expected 'select', 'with' or 'values' after 'explain', found 'shares'")])
  }

  @Test func locationsCountScalarsAndUTF8() {
    assertDiagnostics(
      "select '状态', \"名字\" 1️⃣form envs",
      [.init(at: "1️⃣", "unexpected 'form'", suggestion: "did you mean 'from'?")])
    let diagnostic = Script.parse("select '状态', \"名字\" form envs").diagnostics[0]
    #expect(diagnostic.range.start.column == 19)
    #expect(diagnostic.range.start.offset == 26)
    #expect(diagnostic.range.end.column == 23)
  }
}
