import Foundation
import Testing

extension TerminalTests {
  static let confirmQuestion = "now? [y/N] "

  /// Answering `y` sends the share: the result row says ok and the audit log has its line.
  @Test func answeringYesSendsTheShare() async throws {
    let tmux = try await TmuxSession.start()
    defer { tmux.stop() }
    try await tmux.startTCBQ()
    let prompt = TmuxSession.sandboxPrompt

    let prompts = tmux.count(of: prompt)
    tmux.typeLine("share prod-c41e09 with \(Self.appid)")
    #expect(await tmux.waitForScreen(containing: Self.confirmQuestion), "\(tmux.screen())")
    #expect(tmux.screen().contains("prod-c41e09 with \(Self.appid)   [not shared now]"))
    tmux.typeLine("y")
    #expect(await tmux.waitForScreen(containing: prompt, count: prompts + 1))
    let output = tmux.output(afterPromptNumber: prompts)
    #expect(Self.hasRow(output, "prod-c41e09", Self.appid, "ok"), "\(output)")

    let audit = tmux.auditLines()
    #expect(audit.count == 1, "\(audit)")
    #expect(audit.first?["env"] as? String == "prod-c41e09")
    #expect(audit.first?["appids"] as? [String] == [Self.appid])

    let shares = try await tmux.run("shares of \(Self.appid)")
    #expect(Self.hasRow(shares, Self.appid, "prod-c41e09"), "\(shares)")
  }

  /// Anything but yes — `n` or a bare Enter — sends nothing.
  @Test(arguments: ["n", ""])
  func answeringNoSendsNothing(answer: String) async throws {
    let tmux = try await TmuxSession.start()
    defer { tmux.stop() }
    try await tmux.startTCBQ()
    let prompt = TmuxSession.sandboxPrompt

    let prompts = tmux.count(of: prompt)
    tmux.typeLine("unshare prod-3fa9c1 from \(Self.appid)")
    #expect(await tmux.waitForScreen(containing: Self.confirmQuestion), "\(tmux.screen())")
    #expect(tmux.screen().contains("prod-3fa9c1 from \(Self.appid)   [shared now]"))
    tmux.typeLine(answer)
    #expect(await tmux.waitForScreen(containing: prompt, count: prompts + 1))
    let output = tmux.output(afterPromptNumber: prompts)
    #expect(output.contains("not confirmed: nothing sent"), "\(output)")
    #expect(tmux.auditLines().isEmpty)
    #expect(!FileManager.default.fileExists(atPath: tmux.auditLog.path))

    // The share is still there.
    let shares = try await tmux.run("shares of \(Self.appid)")
    #expect(Self.hasRow(shares, Self.appid, "prod-3fa9c1"), "\(shares)")
  }
}
