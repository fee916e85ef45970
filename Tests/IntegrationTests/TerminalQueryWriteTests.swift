import Foundation
import Testing

extension TerminalTests {
  static let share40 = "share prod-9e6b58 with (select appid from apps order by appid)"

  /// A write from a query of 40 pairs: the list is taller than the 40-line pane, so it is shown
  /// in the pager; over `--max-writes` (20), the dialog asks for the count to be typed, and the
  /// count sends exactly the pairs, in one call, audited.
  @Test func aLongQueryDrivenWriteIsPagedAndSentWhenTheCountIsTyped() async throws {
    let tmux = try await TmuxSession.start(environment: ["PAGER": "less"])
    defer { tmux.stop() }
    try await tmux.startTCBQ()
    let prompt = TmuxSession.sandboxPrompt
    let prompts = tmux.count(of: prompt)
    tmux.typeLine(Self.share40)
    // The pager shows the header and the first pairs; q leaves it.
    #expect(
      await tmux.waitForScreen(containing: "About to share prod-9e6b58 with 40 mini programs:"),
      "\(tmux.screen())")
    #expect(tmux.screen().contains("[not shared now]"))
    #expect(!tmux.screen().contains("Type 40"), "the question waits until the pager is left")
    tmux.press("q")
    #expect(await tmux.waitForScreen(containing: "Type 40 to send them"), "\(tmux.screen())")
    #expect(tmux.screen().contains("(shown in the pager)"))
    tmux.typeLine("40")
    // The 40 result rows are taller than the pane too: the pager again.
    #expect(await tmux.waitForScreen(containing: "prod-9e6b58  wx0853964b50af03b9  ok"))
    tmux.press("q")
    #expect(await tmux.waitForScreen(containing: prompt, count: prompts + 1), "\(tmux.screen())")
    let audit = tmux.auditLines()
    #expect(audit.count == 1, "40 pairs fit one call of 100")
    #expect((audit.first?["appids"] as? [String])?.count == 40)
    #expect(audit.first?["statement"] as? String == Self.share40)
  }

  /// Anything but the count — `y` included — sends nothing.
  @Test func aWriteOverTheGuardIsNotSentOnY() async throws {
    let tmux = try await TmuxSession.start()
    defer { tmux.stop() }
    try await tmux.startTCBQ()
    let prompt = TmuxSession.sandboxPrompt
    let prompts = tmux.count(of: prompt)
    tmux.typeLine(Self.share40)
    #expect(await tmux.waitForScreen(containing: "Type 40 to send them"), "\(tmux.screen())")
    tmux.typeLine("y")
    #expect(await tmux.waitForScreen(containing: prompt, count: prompts + 1))
    #expect(tmux.output(afterPromptNumber: prompts).contains("not confirmed: nothing sent"))
    #expect(tmux.auditLines().isEmpty)
  }
}
