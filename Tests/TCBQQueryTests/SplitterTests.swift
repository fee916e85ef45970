import TCBQQuery
import Testing

/// Where statements end: at `;`, at the end, or before a line that starts a new statement.
struct SplitterTests {
  private func texts(_ script: String) -> [String] { splitStatements(script).map(\.text) }

  @Test func oneStatementPerLineNeedsNoSemicolon() {
    let script = """
      select * from envs
      shares of wx1a2b3c4d5e6f7a8b
      share prod-3fa9c1 with wx1
      unshare prod-3fa9c1 from wx1
      show tables
      describe envs
      refresh
      explain select * from shares
      .mode csv
      select 1 from t
      """
    #expect(texts(script).count == 10)
    #expect(Script.parse(script).diagnostics.isEmpty)
  }

  @Test func formattedQueryStaysWhole() {
    let script = """
      select env_id,
             status
        from envs
       where status = 'NORMAL'
         and region like 'ap-%'
       order by env_id
       limit 3

      select count(*)
      from tags
      """
    #expect(
      texts(script) == [
        "select env_id,\n       status\n  from envs\n where status = 'NORMAL'\n   and region like 'ap-%'\n order by env_id\n limit 3",
        "select count(*)\nfrom tags",
      ])
  }

  @Test func semicolonsSplitOnOneLine() {
    #expect(
      texts("select 1 from a; select 2 from b;select 3 from c;") == [
        "select 1 from a", "select 2 from b", "select 3 from c",
      ])
    #expect(texts(";;  ; show tables ;;") == ["show tables"])
  }

  @Test func commentsAreBlanks() {
    let script = """
      -- the envs
      select * from envs -- all of them
      -- now the tags
      /* a block
      select * from nowhere
      */
      select * from tags
      """
    #expect(texts(script) == ["select * from envs", "select * from tags"])
  }

  @Test func nothingEndsInsideStrings() {
    let script = "select 'a\nselect b\n;' from t\nselect \"x\ny\" from u"
    #expect(texts(script) == ["select 'a\nselect b\n;' from t", "select \"x\ny\" from u"])
  }

  @Test func keywordsCountOnlyAtTheStartOfALine() {
    #expect(texts("select share, show from t") == ["select share, show from t"])
    #expect(
      texts("select a\n  , b\nfrom t\nwhere a = 1") == ["select a\n  , b\nfrom t\nwhere a = 1"])
    #expect(texts("SELECT 1 FROM a\n   Select 2 FROM b") == ["SELECT 1 FROM a", "Select 2 FROM b"])
    // A quoted name at the start of a line is no keyword.
    #expect(texts("select a,\n\"select\" from t") == ["select a,\n\"select\" from t"])
  }

  @Test func dotCommandsAreOneLine() {
    let script = """
      select * from envs
      .output it's here.txt
      select 1 from t; .mode csv
      .headers on
      """
    #expect(
      texts(script) == [
        "select * from envs", ".output it's here.txt", "select 1 from t", ".mode csv",
        ".headers on",
      ])
    let commands = Script.parse(script).statements.compactMap { statement -> DotCommand? in
      if case .dot(let command) = statement.statement { return command }
      return nil
    }
    #expect(commands.map(\.arguments) == [["its here.txt"], ["csv"], ["on"]])
  }

  @Test func explainOnItsOwnLineTakesTheSelectBelow() {
    #expect(texts("explain\nselect * from envs") == ["explain\nselect * from envs"])
  }

  @Test func rangesAreInTheWholeScript() {
    let sources = splitStatements("select 1 from a;\n\n  show tables\n.quit")
    #expect(sources.map(\.range.start.line) == [1, 3, 4])
    #expect(sources.map(\.range.start.column) == [1, 3, 1])
    #expect(sources[1].range.start.offset == 20)
  }

  @Test func manyStatements() {
    let script = String(
      repeating: "select env_id from envs where status = 'NORMAL'\n", count: 100_000)
    let result = Script.parse(script)
    #expect(result.units.count == 100_000)
    #expect(result.diagnostics.isEmpty)
    #expect(result.units.last?.range.start.line == 100_000)
  }
}

/// What the interactive shell waits for: a query its `;`, other statements only completeness.
@Suite struct InputWaitTests {
  @Test(arguments: [
    ("select s.appid, e.alias", InputWait.semicolon),
    ("select s.appid, e.alias\nfrom shares s join envs e on e.env_id = s.env_id", .semicolon),
    ("select s.appid\nfrom shares s\nwhere e.status = 'UNAVAILABLE';", .nothing),
    ("select 1;  -- done", .nothing),
    ("explain select * from shares", .semicolon),
    ("SELECT * FROM envs WHERE alias = 'it''s", .quote("'")),
    ("select \"env", .quote("\"")),
    ("select * from envs where env_id in (select", .closingParenthesis),
    ("select 1 /* a comment", .endOfComment),
    ("shares of wx30877432d1026706", .nothing),
    ("unshare prod-77a0d2 from", .more),
    ("show tables", .nothing),
    ("describe envs", .nothing),
    ("create table bad as select env_id from envs", .semicolon),
    ("create table bad as select env_id from envs;", .nothing),
    ("drop table bad", .nothing),
    ("unshare prod-77a0d2 from (select appid from shares)", .nothing),
    ("unshare prod-77a0d2 from (select appid\nfrom shares", .closingParenthesis),
    ("share (select env_id, appid from wanted)", .nothing),
    (".mode csv", .nothing),
    ("select 1; shares of wx1", .nothing),
    ("shares of wx1; select 1", .semicolon),
    ("", .nothing),
    ("   ", .nothing),
  ])
  func waitsFor(text: String, expected: InputWait) {
    #expect(InputWait.after(text) == expected)
  }

  @Test func thePromptSaysWhatItWaitsFor() {
    #expect(InputWait.semicolon.promptMark == ";")
    #expect(InputWait.quote("'").promptMark == "'")
    #expect(InputWait.closingParenthesis.promptMark == ")")
    #expect(InputWait.endOfComment.promptMark == "*/")
    #expect(InputWait.more.promptMark == "")
  }
}

@Suite struct SemicolonBoundaryTests {
  @Test func aQueryTypedOverLinesIsOneStatementUpToItsSemicolon() {
    let text = "select appid\nfrom shares\nselect_me_not\n;shares of wx1"
    let lines = Script.parse(text)
    let semicolons = Script.parse(text, boundaries: .semicolons)
    #expect(semicolons.units.count == 2)
    #expect(semicolons.units[0].text == "select appid\nfrom shares\nselect_me_not")
    #expect(semicolons.units[1].text == "shares of wx1")
    // The line rule would have cut before a line starting with `select`:
    let cut = Script.parse("select appid from shares\nselect 1 from envs", boundaries: .lines)
    #expect(cut.units.count == 2)
    #expect(
      Script.parse("select appid from shares\nselect 1 from envs", boundaries: .semicolons).units
        .count == 1)
    #expect(lines.units.count >= 2)
  }
}

/// The line rule with brackets: a subquery or the select after `with` may start its own line.
@Suite struct BracketBoundaryTests {
  @Test func aSubqueryOnItsOwnLineStaysInItsStatement() {
    let text = "select * from shares where appid in (\n  select appid from apps)\nshares of wx1"
    let units = Script.parse(text).units
    #expect(units.count == 2)
    #expect(units.allSatisfy { $0.diagnostics.isEmpty })
    #expect(units[0].text == "select * from shares where appid in (\n  select appid from apps)")
  }

  @Test func theSelectAfterWithStaysWithIt() {
    let text =
      "with bad as (select env_id from envs where status <> 'NORMAL')\nselect * from bad\nselect 1 from envs"
    let units = Script.parse(text).units
    #expect(units.count == 2)
    #expect(units.allSatisfy { $0.diagnostics.isEmpty })
  }

  @Test func aCompleteStatementStillEndsAtTheNextLinesKeyword() {
    let units = Script.parse("select * from envs\nselect * from apps").units
    #expect(units.count == 2)
  }
}
