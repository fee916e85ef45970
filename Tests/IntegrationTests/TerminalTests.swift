import Foundation
import Testing

/// The interactive shell of the real `tcbq` binary, driven through tmux as a user would: keys in,
/// the screen out. Each test has its own tmux server and private home. Further tests of this
/// suite are in the other `Terminal*.swift` files.
///
/// Serialized: every test runs a debug `tcbq` in a terminal and waits for the screen, which on a
/// busy 2-core machine is steadier one at a time.
@Suite(.serialized) struct TerminalTests {
  static let appid = "wx30877432d1026706"

  /// Whether `screen` shows a table row holding each of `cells` as a whole cell.
  static func hasRow(_ screen: String, _ cells: String...) -> Bool {
    screen.split(separator: "\n").contains { line in
      let words = line.split(separator: " ").map(String.init)
      return cells.allSatisfy(words.contains)
    }
  }

  /// The non-blank lines of `text`.
  static func lines(_ text: String) -> [String] {
    text.split(separator: "\n").map(String.init).filter { !$0.allSatisfy(\.isWhitespace) }
  }

  // MARK: typing and editing

  @Test func editingKeysChangeTheStatementThatRuns() async throws {
    let tmux = try await TmuxSession.start()
    defer { tmux.stop() }
    try await tmux.startTCBQ()
    let prompt = TmuxSession.sandboxPrompt

    tmux.type("env_id from envs limit 9 junk")
    tmux.press("C-w")  // delete the word before the cursor
    #expect(await tmux.waitForLastLine(prompt + "env_id from envs limit 9"))
    tmux.press("C-a")
    tmux.type("select ")
    tmux.press("C-e")
    tmux.press("BSpace", "BSpace")  // the space and the 9
    tmux.type("2")
    #expect(await tmux.waitForLastLine(prompt + "select env_id from envs limit 2"))
    for _ in 0..<8 { tmux.press("Left") }  // back over " limit 2"
    tmux.type(" order by env_id asc")
    tmux.press("M-BSpace")  // Alt-Backspace deletes the word "asc"
    #expect(await tmux.waitForLastLine(prompt + "select env_id from envs order by env_id  limit 2"))
    tmux.type("desc")
    #expect(
      await tmux.waitForLastLine(prompt + "select env_id from envs order by env_id desc limit 2"))
    tmux.press("C-e")
    tmux.type(";")  // a query runs at its `;`
    let edited = "select env_id from envs order by env_id desc limit 2;"
    #expect(await tmux.waitForLastLine(prompt + edited))

    let before = tmux.count(of: prompt)
    tmux.press("Enter")
    #expect(await tmux.waitForScreen(containing: prompt, count: before + 1))
    let result = Self.lines(tmux.output(afterPromptNumber: before))
    #expect(result == ["env_id", "-----------", "test-8b2d47", "test-2a7fd0"], "\(tmux.screen())")
    #expect(tmux.screen().contains(prompt + edited + "\n"))
  }

  // MARK: continuation

  @Test func aTwoLineStatementShowsTheContinuationPromptAndRuns() async throws {
    let tmux = try await TmuxSession.start()
    defer { tmux.stop() }
    try await tmux.startTCBQ()

    tmux.typeLine("select env_id, status")
    #expect(await tmux.waitForLastLine(TmuxSession.continuationPrompt))
    let output = try await tmux.run("from envs where env_id = 'prod-77a0d2';")
    #expect(
      tmux.screen().contains(
        "\(TmuxSession.sandboxPrompt)select env_id, status\n"
          + "\(TmuxSession.continuationPrompt)from envs where env_id = 'prod-77a0d2';\n"))
    #expect(Self.hasRow(output, "env_id", "status"), "\(output)")
    #expect(Self.hasRow(output, "prod-77a0d2", "UNAVAILABLE"), "\(output)")
  }

  // MARK: leaving

  @Test func controlDLeavesAndRestoresTheTerminal() async throws {
    let tmux = try await TmuxSession.start()
    defer { tmux.stop() }
    try await tmux.startTCBQ()
    try await tmux.run("select env_id from envs limit 1;")

    let shells = tmux.count(of: TmuxSession.shellPrompt)
    tmux.press("C-d")
    #expect(await tmux.waitForShell(after: shells))
    tmux.typeLine("stty -a; echo \"status=$?\"")
    #expect(await tmux.waitForScreen(containing: "status=0"))
    let words = Set(
      tmux.screen().components(separatedBy: CharacterSet(charactersIn: " ;\n")).filter {
        !$0.isEmpty
      })
    #expect(words.contains("icanon") && !words.contains("-icanon"), "\(tmux.screen())")
    #expect(words.contains("echo") && !words.contains("-echo"), "\(tmux.screen())")
    #expect(words.contains("isig") && !words.contains("-isig"), "\(tmux.screen())")
  }

  @Test func dotQuitLeavesWithStatusZero() async throws {
    let tmux = try await TmuxSession.start()
    defer { tmux.stop() }
    try await tmux.startTCBQ()

    let shells = tmux.count(of: TmuxSession.shellPrompt)
    tmux.typeLine(".quit")
    #expect(await tmux.waitForShell(after: shells))
    tmux.typeLine("echo \"tcbq-exit=$?\"")
    #expect(await tmux.waitForScreen(containing: "tcbq-exit=0"))
  }
}
