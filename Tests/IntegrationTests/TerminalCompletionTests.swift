import Foundation
import Testing

extension TerminalTests {
  /// Tab completes a keyword, a table and a column in place.
  @Test(arguments: [
    (typed: "sel", completed: "select "),
    (typed: "select * from ta", completed: "select * from tags "),
    (typed: "select * from envs where reg", completed: "select * from envs where region "),
  ])
  func tabCompletesTheWordBeforeTheCursor(typed: String, completed: String) async throws {
    let tmux = try await TmuxSession.start()
    defer { tmux.stop() }
    try await tmux.startTCBQ()
    let prompt = TmuxSession.sandboxPrompt

    tmux.type(typed)
    #expect(await tmux.waitForLastLine(prompt + typed))
    tmux.press("Tab")
    #expect(await tmux.waitForLastLine(prompt + completed), "\(tmux.screen())")
    // The cursor is after the inserted text: typing goes on from there.
    tmux.type("X")
    #expect(await tmux.waitForLastLine(prompt + completed + "X"), "\(tmux.screen())")
  }

  /// Appids complete once the session has fetched them, and the completed statement runs.
  @Test func tabCompletesAnAppidTheSessionHasSeen() async throws {
    let tmux = try await TmuxSession.start()
    defer { tmux.stop() }
    try await tmux.startTCBQ()
    let prompt = TmuxSession.sandboxPrompt

    // Before any fetch there is nothing to complete.
    tmux.type("shares of wx30877")
    tmux.press("Tab")
    tmux.type("Z")
    #expect(await tmux.waitForLastLine(prompt + "shares of wx30877Z"), "\(tmux.screen())")
    tmux.press("C-u")
    #expect(await tmux.waitForLastLine(prompt))

    let listed = try await tmux.run("select appid from apps limit 3;")
    let appids = Self.lines(listed).filter { $0.hasPrefix("wx") }
    try #require(appids.count == 3, "\(listed)")
    let first = appids[0]

    let typed = "shares of " + first.prefix(10)
    tmux.type(typed)
    #expect(await tmux.waitForLastLine(prompt + typed))
    tmux.press("Tab")
    #expect(await tmux.waitForLastLine(prompt + "shares of \(first)"), "\(tmux.screen())")
    let before = tmux.count(of: prompt)
    tmux.press("Enter")
    #expect(await tmux.waitForScreen(containing: prompt, count: before + 1))
    let output = tmux.output(afterPromptNumber: before)
    #expect(Self.hasRow(output, "appid", "env_id"), "\(output)")
    #expect(Self.hasRow(output, first), "\(output)")
  }

  /// Once app_info has been fetched, a nick name typed where an appid is expected completes to
  /// the appid, and the statement runs.
  @Test func tabCompletesANickNameToItsAppid() async throws {
    let tmux = try await TmuxSession.start()
    defer { tmux.stop() }
    try await tmux.startTCBQ()
    let prompt = TmuxSession.sandboxPrompt
    let appid = "wx85813dbad3c681d0"  // 示例餐饮外卖 in the embedded dataset

    let listed = try await tmux.run("select nick_name from app_info where appid = '\(appid)';")
    #expect(listed.contains("示例餐饮外卖"), "\(listed)")

    tmux.type("shares of 示例餐饮外")
    #expect(await tmux.waitForLastLine(prompt + "shares of 示例餐饮外"), "\(tmux.screen())")
    tmux.press("Tab")
    #expect(await tmux.waitForLastLine(prompt + "shares of \(appid)"), "\(tmux.screen())")
    let before = tmux.count(of: prompt)
    tmux.press("Enter")
    #expect(await tmux.waitForScreen(containing: prompt, count: before + 1))
    let output = tmux.output(afterPromptNumber: before)
    #expect(Self.hasRow(output, "appid", "env_id"), "\(output)")
  }
}
