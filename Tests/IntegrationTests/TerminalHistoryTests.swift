import Foundation
import Testing

extension TerminalTests {
  /// Statements typed in one run come back with Up in the next, a two-line statement as one
  /// entry that runs whole.
  @Test func historyIsRecalledInTheNextRun() async throws {
    let tmux = try await TmuxSession.start()
    defer { tmux.stop() }
    let prompt = TmuxSession.sandboxPrompt

    try await tmux.startTCBQ()
    try await tmux.run("select env_id from envs where env_id = 'dev-1c9b3e';")
    tmux.typeLine("select env_id, status")
    #expect(await tmux.waitForLastLine(TmuxSession.continuationPrompt))
    try await tmux.run("from envs where env_id = 'prod-77a0d2';")
    var shells = tmux.count(of: TmuxSession.shellPrompt)
    tmux.typeLine(".quit")
    #expect(await tmux.waitForShell(after: shells))

    // The file holds one entry per statement.
    let saved = try String(contentsOf: tmux.historyFile, encoding: .utf8)
    #expect(
      saved.split(separator: "\n") == [
        #""select env_id from envs where env_id = 'dev-1c9b3e';""#,
        #""select env_id, status\nfrom envs where env_id = 'prod-77a0d2';""#,
      ], "\(saved)")

    try await tmux.startTCBQ()
    tmux.press("Up")
    #expect(
      await tmux.waitUntil { screen in
        screen.hasSuffix(prompt + "select env_id, status\nfrom envs where env_id = 'prod-77a0d2';")
      }, "\(tmux.screen())")
    tmux.press("Up")
    #expect(
      await tmux.waitForLastLine(prompt + "select env_id from envs where env_id = 'dev-1c9b3e';"),
      "\(tmux.screen())")
    tmux.press("Down")
    #expect(await tmux.waitForLastLine("from envs where env_id = 'prod-77a0d2';"))

    // Enter runs the recalled two-line statement whole.
    let before = tmux.count(of: prompt)
    tmux.press("Enter")
    #expect(await tmux.waitForScreen(containing: prompt, count: before + 1))
    let output = tmux.output(afterPromptNumber: before)
    #expect(Self.hasRow(output, "env_id", "status"), "\(output)")
    #expect(Self.hasRow(output, "prod-77a0d2", "UNAVAILABLE"), "\(output)")
    #expect(!output.contains(TmuxSession.continuationPrompt), "\(output)")

    shells = tmux.count(of: TmuxSession.shellPrompt)
    tmux.press("C-d")
    #expect(await tmux.waitForShell(after: shells))
  }

  /// A line holding the configured access token is never written to the history file.
  @Test func theAccessTokenNeverReachesTheHistoryFile() async throws {
    let secret = "tok-SECRET-123"
    let sandbox = try await SandboxProcess.start(["--token", secret], lifetime: 120)
    defer { sandbox.stop() }
    let tmux = try await TmuxSession.start(environment: [
      "TCBQ_ACCESS_TOKEN": secret,
      "TCBQ_COMPONENT_APPID": "wx0123456789abcdef",
    ])
    defer { tmux.stop() }
    let prompt = TmuxSession.prompt(for: sandbox)

    try await tmux.startTCBQ(["--endpoint", sandbox.baseURL], prompt: prompt)
    let envs = try await tmux.run(
      "select env_id from envs where env_id = 'prod-77a0d2';", prompt: prompt)
    #expect(Self.hasRow(envs, "prod-77a0d2"), "\(envs)")  // the token works
    try await tmux.run("select env_id from envs where env_id = '\(secret)';", prompt: prompt)
    try await tmux.run("select count(*) from envs;", prompt: prompt)
    let shells = tmux.count(of: TmuxSession.shellPrompt)
    tmux.typeLine(".quit")
    #expect(await tmux.waitForShell(after: shells))

    let saved = try String(contentsOf: tmux.historyFile, encoding: .utf8)
    #expect(saved.contains("select count(*) from envs"), "\(saved)")
    #expect(saved.contains("prod-77a0d2"), "\(saved)")
    #expect(!saved.contains(secret), "\(saved)")
    #expect(!saved.contains("SECRET"), "\(saved)")
  }
}
