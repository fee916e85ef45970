import TCBQQuery
import Testing

struct DiagnosticFormatterTests {
  private func location(_ line: Int, _ column: Int, _ offset: Int) -> TCBQQuery.SourceLocation {
    TCBQQuery.SourceLocation(line: line, column: column, offset: offset)
  }

  @Test func contractExample() {
    let source = "select env_id\nfrom envs\nwhere 1 = 1 and stauts = 'NORMAL'"
    let start = location(3, 17, 40)
    let end = location(3, 23, 46)
    let diagnostic = Diagnostic(
      .error, "unknown column 'stauts' in table envs", at: SourceRange(start: start, end: end),
      suggestion: "did you mean 'status'?")
    #expect(
      DiagnosticFormatter.format(diagnostic, source: source) == """
        error: line 3, column 17: unknown column 'stauts' in table envs (did you mean 'status'?)
        where 1 = 1 and stauts = 'NORMAL'
                        ^~~~~~
        """)
  }

  @Test func parseDiagnosticEndToEnd() {
    let source = "show tables\n\nselect * from envs\n  oder by env_id"
    let diagnostics = Script.parse(source).diagnostics
    #expect(
      DiagnosticFormatter.format(diagnostics, source: source) == """
        error: line 4, column 3: unexpected 'oder' (did you mean 'order'?)
          oder by env_id
          ^~~~
        """)
  }

  @Test func warningsSayWarning() {
    let diagnostic = Diagnostic(
      .warning, "careful", at: SourceRange(start: location(1, 1, 0), end: location(1, 2, 1)))
    #expect(
      DiagnosticFormatter.format(diagnostic, source: "x")
        == "warning: line 1, column 1: careful\nx\n^")
  }

  @Test func tabsAreExpanded() {
    let source = "select\t*\tfrom\tenvs\twher x = 1"
    let diagnostics = Script.parse(source).diagnostics
    #expect(
      DiagnosticFormatter.format(diagnostics[0], source: source)
        == "error: line 1, column 20: unexpected 'wher' (did you mean 'where'?)\n"
        + "select  *       from    envs    wher x = 1\n"
        + String(repeating: " ", count: 32) + "^~~~")
  }

  @Test func caretLinesUpUnderWideCharacters() {
    let source = "select '状态名', '한국' form envs"
    let diagnostics = Script.parse(source).diagnostics
    #expect(
      DiagnosticFormatter.format(diagnostics[0], source: source)
        == "error: line 1, column 20: unexpected 'form' (did you mean 'from'?)\n"
        + "select '状态名', '한국' form envs\n"
        + String(repeating: " ", count: 24) + "^~~~")
  }

  @Test func caretUnderAWideCharacterIsTwoColumns() {
    let source = "select a， b from t"
    let formatted = DiagnosticFormatter.format(Script.parse(source).diagnostics[0], source: source)
    #expect(formatted.hasSuffix("select a， b from t\n        ^~"))
  }

  @Test func endOfInputCaretIsPastTheLastCharacter() {
    let source = "select *\n  from envs where"
    let formatted = DiagnosticFormatter.format(Script.parse(source).diagnostics[0], source: source)
    #expect(
      formatted == """
        error: line 2, column 18: expected an expression, found end of input
          from envs where
                         ^
        """)
  }

  @Test func rangeOverSeveralLinesStopsAtTheEndOfTheFirst() {
    let source = "ab\ncd"
    let diagnostic = Diagnostic(
      .error, "m", at: SourceRange(start: location(1, 2, 1), end: location(2, 2, 4)))
    #expect(
      DiagnosticFormatter.format(diagnostic, source: source) == "error: line 1, column 2: m\nab\n ^"
    )
  }

  @Test func controlCharactersAreShownAsReplacement() {
    let source = "select \u{0} from t"
    let formatted = DiagnosticFormatter.format(Script.parse(source).diagnostics[0], source: source)
    #expect(
      formatted
        == "error: line 1, column 8: unexpected character U+0000\nselect \u{FFFD} from t\n       ^")
  }

  @Test func longLinesShowAWindowAroundTheCaret() {
    let source =
      "select " + String(repeating: "a, ", count: 10_000) + "! "
      + String(repeating: "b, ", count: 100)
      + "c from t"
    let formatted = DiagnosticFormatter.format(Script.parse(source).diagnostics[0], source: source)
    let lines = formatted.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 3)
    #expect(lines[0] == "error: line 1, column 30008: unexpected character '!'")
    #expect(lines[1].hasPrefix("…"))
    #expect(lines[1].hasSuffix("…"))
    #expect(DisplayWidth.of(lines[1]) <= 162)
    let caretColumn = lines[2].firstIndex(of: "^").map {
      lines[2].distance(from: lines[2].startIndex, to: $0)
    }
    let bangColumn = lines[1].firstIndex(of: "!").map {
      lines[1].distance(from: lines[1].startIndex, to: $0)
    }
    #expect(caretColumn != nil)
    #expect(caretColumn == bangColumn)
  }

  @Test func rangeOutsideTheSourceGivesTheMessageOnly() {
    let diagnostic = Diagnostic(
      .error, "m", at: SourceRange(start: location(9, 1, 500), end: location(9, 2, 501)))
    #expect(DiagnosticFormatter.format(diagnostic, source: "short") == "error: line 9, column 1: m")
  }

  @Test(arguments: [
    ("a", 1), ("状态", 4), ("한국어", 6), ("ｆｕｌｌ", 8), ("e\u{301}", 1), ("😀", 2), ("a\u{200B}b", 2),
  ])
  func displayWidth(_ text: String, _ width: Int) {
    #expect(DisplayWidth.of(text) == width)
  }

  @Test(
    arguments: [
      ("stauts", ["env_id", "status", "region"], "status"),
      ("STAUTS", ["env_id", "status"], "status"),
      ("selct", ["select", "show"], "select"),
      ("form", ["from", "where"], "from"),
      ("regoin", ["region", "regions"], "region"),
      ("envid", ["env_id", "alias"], "env_id"),
      ("xyz", ["env_id", "status"], nil),
      ("ab", ["abc", "a"], nil),
      ("status", ["status", "statuses"], nil),
      ("logservices", ["log_services", "custom_log_services"], "log_services"),
    ] as [(String, [String], String?)])
  func suggestions(_ word: String, _ candidates: [String], _ expected: String?) {
    #expect(Suggestions.closest(to: word, among: candidates) == expected)
  }

  @Test func didYouMeanText() {
    #expect(Suggestions.didYouMean("status") == "did you mean 'status'?")
  }
}
