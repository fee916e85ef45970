import TCBQCore
import TCBQQuery
import Testing

@testable import TCBQShell

/// How errors look on standard error and which status each gives (`UserFacingError`).
@Suite struct UserFacingErrorTests {
  let plain = Console(colorEnabled: false)

  /// `TCBQShell.ExitStatus`, not Swift Testing's.
  typealias Status = TCBQShell.ExitStatus

  func shown(_ error: any Error, source: String = "", console: Console? = nil) -> (
    Status, String
  ) {
    let shown = error as? any UserFacingError
    let console = console ?? plain
    return (
      shown?.exitStatus ?? .failure, shown?.rendered(for: console, source: source) ?? "plain"
    )
  }

  @Test func anInterruptIsStatus130AndNoError() {
    let interrupted = shown(CancellationError())
    #expect(interrupted == (Status.interrupted, "interrupted: the statement was cancelled\n"))
  }

  @Test func aPlanErrorShowsEachDiagnosticWithItsCaret() {
    let source = "select stauts from envs"
    let start = SourceLocation(line: 1, column: 8, offset: 7)
    let end = SourceLocation(line: 1, column: 14, offset: 13)
    let diagnostic = Diagnostic("unknown column 'stauts'", at: SourceRange(start: start, end: end))
    let (status, text) = shown(PlanError([diagnostic, diagnostic]), source: source)
    #expect(status == Status.failure)
    let one = DiagnosticFormatter.format(diagnostic, source: source) + "\n"
    #expect(text == one + one)
    #expect(text.hasPrefix("error: line 1, column 8: unknown column 'stauts'\nselect stauts"))
  }

  @Test func aSpentQuotaAddsTheAdvice() {
    let spent = APIError(path: WeChatPath.describeCloudBaseRunEnvs, errcode: 45009, errmsg: "limit")
    let (status, text) = shown(spent)
    #expect(status == Status.failure)
    #expect(text == "error: \(spent)\n" + ScriptRunner.quotaAdvice + "\n")
    let other = APIError(path: WeChatPath.describeCloudBaseRunEnvs, errcode: 40001, errmsg: "x")
    #expect(shown(other).1 == "error: \(other)\n")
  }

  @Test func theErrorLabelIsRedOnAColourTerminal() {
    let usage = UsageError("cannot read script x")
    #expect(shown(usage) == (Status.usage, "error: cannot read script x\n"))
    #expect(
      shown(usage, console: Console(colorEnabled: true)).1
        == "\u{1B}[31merror:\u{1B}[0m cannot read script x\n")
  }

  @Test func aUsageErrorKeepsTheTextOfWhatFailed() {
    let config = ConfigError("--profile needs a config file")
    #expect(UsageError(config).description == config.description)
  }

  @Test func anyOtherErrorIsNotUserFacing() {
    #expect(shown(StatementError("refused")) == (Status.failure, "plain"))
  }
}
