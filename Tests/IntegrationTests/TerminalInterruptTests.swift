import Foundation
import Testing

extension TerminalTests {
  /// Ctrl-C at the prompt throws the typed line away; the shell keeps going.
  @Test func controlCAtThePromptClearsTheLine() async throws {
    let tmux = try await TmuxSession.start()
    defer { tmux.stop() }
    try await tmux.startTCBQ()
    let prompt = TmuxSession.sandboxPrompt

    tmux.type("select env_id from envs where nothing")
    #expect(await tmux.waitForLastLine(prompt + "select env_id from envs where nothing"))
    let prompts = tmux.count(of: prompt)
    tmux.press("C-c")
    #expect(await tmux.waitForScreen(containing: prompt, count: prompts + 1))
    #expect(await tmux.waitForLastLine(prompt), "\(tmux.screen())")

    // Also in the middle of a two-line statement: the whole statement is dropped.
    tmux.typeLine("select env_id")
    #expect(await tmux.waitForLastLine(TmuxSession.continuationPrompt))
    tmux.type("from")
    tmux.press("C-c")
    #expect(await tmux.waitForLastLine(prompt), "\(tmux.screen())")

    let output = try await tmux.run("select env_id from envs where env_id = 'dev-1c9b3e';")
    #expect(Self.lines(output) == ["env_id", "----------", "dev-1c9b3e"], "\(tmux.screen())")
    #expect(!tmux.screen().contains("error"), "\(tmux.screen())")
  }

  /// Ctrl-C while a slow fetch is in flight cancels the statement and returns to the prompt.
  @Test func controlCCancelsASlowFetch() async throws {
    // 8 s per call: long enough that the statement is still fetching when Ctrl-C comes even if
    // the test's own 500 ms pause overruns (it did by over 2.5 s under ThreadSanitizer with the
    // whole suite running). SIGKILL at the end: a cancelled request may still sleep there.
    let sandbox = try await SandboxProcess.start(["--latency-ms", "8000"], lifetime: 180)
    defer { sandbox.stop(signal: SIGKILL) }
    let tmux = try await TmuxSession.start(environment: [
      "TCBQ_ACCESS_TOKEN": "sandbox-token",
      "TCBQ_COMPONENT_APPID": "wx0123456789abcdef",
    ])
    defer { tmux.stop() }
    let prompt = TmuxSession.prompt(for: sandbox)
    try await tmux.startTCBQ(["--endpoint", sandbox.baseURL], prompt: prompt)

    let prompts = tmux.count(of: prompt)
    tmux.typeLine("select * from envs;")
    // The editor has taken the line once the cursor is at the start of the next one; give the
    // statement a moment to begin its (8 s) call before interrupting it.
    #expect(await tmux.waitUntil { _ in tmux.cursorColumn() == 0 })
    try await Task.sleep(for: .milliseconds(500))
    tmux.press("C-c")
    #expect(
      await tmux.waitForScreen(containing: "interrupted: the statement was cancelled"),
      "\(tmux.screen())")
    #expect(await tmux.waitForScreen(containing: prompt, count: prompts + 1))
    let cancelled = tmux.output(afterPromptNumber: prompts, prompt: prompt)
    #expect(!cancelled.contains("prod-3fa9c1"), "rows were printed:\n\(cancelled)")

    let tables = try await tmux.run("show tables", prompt: prompt)
    #expect(Self.hasRow(tables, "shares", "batchgetenvid"), "\(tables)")
    // The shell still fetches after the interruption.
    let envs = try await tmux.run(
      "select env_id, status from envs where env_id = 'prod-77a0d2';", prompt: prompt,
      timeout: .seconds(40))
    #expect(Self.hasRow(envs, "prod-77a0d2", "UNAVAILABLE"), "\(tmux.screen())")
  }
}
