import Foundation
import Testing

extension TerminalTests {
  /// The README's three-line query, typed line by line: Enter goes on until the `;`, so the
  /// `where` typed last applies.
  @Test func theReadmeQueryTypedOverThreeLinesRunsAtItsSemicolon() async throws {
    let tmux = try await TmuxSession.start()
    defer { tmux.stop() }
    try await tmux.startTCBQ()
    let prompt = TmuxSession.sandboxPrompt

    tmux.typeLine("select s.appid, e.alias")
    #expect(await tmux.waitForLastLine(TmuxSession.continuationPrompt), "\(tmux.screen())")
    tmux.typeLine("from shares s join envs e on e.env_id = s.env_id")
    // Complete as it stands, but not run: still waiting for the `;`.
    #expect(
      await tmux.waitForLastLine(TmuxSession.continuationPrompt)
        && tmux.count(of: TmuxSession.continuationPrompt) == 2, "\(tmux.screen())")
    let output = try await tmux.run("where e.status = 'UNAVAILABLE';", timeout: .seconds(30))
    let rows = Self.lines(output).filter { $0.hasPrefix("wx") }
    #expect(
      rows.map { $0.split(separator: " ").map(String.init) } == [
        ["wxc87a171ac826a6fc", "legacy-crm"], ["wxe48478dcb74f2134", "legacy-crm"],
      ], "\(tmux.screen())")
    #expect(!tmux.screen().contains("error:"), "\(tmux.screen())")

    let shells = tmux.count(of: TmuxSession.shellPrompt)
    tmux.typeLine(".quit")
    #expect(await tmux.waitForShell(after: shells))
    // One history entry for the three lines.
    let saved = try String(contentsOf: tmux.historyFile, encoding: .utf8)
    #expect(
      saved.split(separator: "\n").last
        == #""select s.appid, e.alias\nfrom shares s join envs e on e.env_id = s.env_id\nwhere e.status = 'UNAVAILABLE';""#,
      "\(saved)")
    _ = prompt
  }

  /// `.maxrows` cuts a long result on the terminal, says how many rows are left out, and never
  /// cuts csv or a file given with `-o`; the default is 1,000 rows.
  @Test func maxrowsCutsTableOutputOnTheTerminalOnly() async throws {
    let sandbox = try await SandboxProcess.start(["--apps", "1500"], lifetime: 180)
    defer { sandbox.stop() }
    let environment = [
      "TCBQ_ENDPOINT": sandbox.baseURL, "TCBQ_ACCESS_TOKEN": "sandbox-token",
      "TCBQ_COMPONENT_APPID": "wx0123456789abcdef",
    ]
    let tmux = try await TmuxSession.start(environment: environment)
    defer { tmux.stop() }
    let prompt = TmuxSession.prompt(for: sandbox)
    try await tmux.startTCBQ([], prompt: prompt)

    let whole = try await tmux.run("select appid from apps order by appid;", prompt: prompt)
    let wholeLines = Self.lines(whole)
    #expect(wholeLines.count == 2 + 1000 + 1, "\(wholeLines.count) lines")
    #expect(wholeLines.last == "… 500 more rows (.maxrows 0 shows all)", "\(wholeLines.suffix(3))")

    try await tmux.run(".maxrows 5", prompt: prompt)
    let five = try await tmux.run("select appid from apps order by appid;", prompt: prompt)
    #expect(Self.lines(five).count == 2 + 5 + 1, "\(five)")
    #expect(Self.lines(five).last == "… 1,495 more rows (.maxrows 0 shows all)", "\(five)")

    try await tmux.run(".mode csv", prompt: prompt)
    let csv = try await tmux.run("select appid from apps order by appid;", prompt: prompt)
    #expect(Self.lines(csv).count == 1 + 1500, "\(Self.lines(csv).suffix(2))")
    #expect(!csv.contains("more rows"))

    try await tmux.run(".mode table", prompt: prompt)
    try await tmux.run(".maxrows 0", prompt: prompt)
    let all = try await tmux.run("select appid from apps order by appid;", prompt: prompt)
    #expect(Self.lines(all).count == 2 + 1500, "\(Self.lines(all).suffix(2))")

    // A file given with -o, from the same terminal, holds every row.
    let shells = tmux.count(of: TmuxSession.shellPrompt)
    tmux.typeLine(".quit")
    #expect(await tmux.waitForShell(after: shells))
    let file = tmux.home.appendingPathComponent("apps.txt")
    let binary = try TestBinaries.url(named: "tcbq")
    let before = tmux.count(of: TmuxSession.shellPrompt)
    tmux.typeLine(
      "\(binary.path) -o \(file.path) -c 'select appid from apps'; echo \"tcbq-exit=$?\"")
    #expect(await tmux.waitForScreen(containing: "tcbq-exit=0", timeout: .seconds(30)))
    #expect(await tmux.waitForShell(after: before))
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(Self.lines(text).count == 2 + 1500)
    #expect(!text.contains("more rows"))
  }

  /// A table wider than the terminal says so and suggests `.mode line`.
  @Test func aResultWiderThanTheTerminalSuggestsLineMode() async throws {
    let tmux = try await TmuxSession.start()
    defer { tmux.stop() }
    try await tmux.startTCBQ()
    let output = try await tmux.run("select * from envs limit 2;")
    #expect(output.contains("columns wide and the terminal 120; .mode line"), "\(output)")
    let narrow = try await tmux.run("select env_id from envs limit 2;")
    #expect(!narrow.contains(".mode line"), "\(narrow)")
  }

  /// `_` after a query holds its rows: a narrower question costs no API call.
  @Test func underscoreNarrowsTheLastResultWithoutAnAPICall() async throws {
    let sandbox = try await SandboxProcess.start(lifetime: 120)
    defer { sandbox.stop() }
    let tmux = try await TmuxSession.start(environment: [
      "TCBQ_ENDPOINT": sandbox.baseURL, "TCBQ_ACCESS_TOKEN": "sandbox-token",
      "TCBQ_COMPONENT_APPID": "wx0123456789abcdef",
    ])
    defer { tmux.stop() }
    let prompt = TmuxSession.prompt(for: sandbox)
    try await tmux.startTCBQ([], prompt: prompt)

    let envs = try await tmux.run("select env_id, status from envs;", prompt: prompt)
    #expect(Self.hasRow(envs, "prod-77a0d2", "UNAVAILABLE"), "\(envs)")
    let calls = try SandboxLog.requests(sandbox).count
    let narrowed = try await tmux.run(
      "select env_id from _ where status <> 'NORMAL' order by env_id;", prompt: prompt)
    #expect(Self.lines(narrowed) == ["env_id", "-----------", "prod-77a0d2", "test-06d9b4"])
    #expect(try SandboxLog.requests(sandbox).count == calls)
    let tables = try await tmux.run("show tables;", prompt: prompt)
    #expect(Self.hasRow(tables, "_", "tcbq"), "\(tables)")
  }

  /// `.watch` re-runs a query, fetching afresh each round (one call each, within
  /// `--max-calls 1`), until Ctrl-C returns to the prompt.
  @Test func watchRefetchesEachRoundUntilControlC() async throws {
    let sandbox = try await SandboxProcess.start(lifetime: 120)
    defer { sandbox.stop() }
    let tmux = try await TmuxSession.start(environment: [
      "TCBQ_ENDPOINT": sandbox.baseURL, "TCBQ_ACCESS_TOKEN": "sandbox-token",
      "TCBQ_COMPONENT_APPID": "wx0123456789abcdef",
    ])
    defer { tmux.stop() }
    let prompt = TmuxSession.prompt(for: sandbox)
    try await tmux.startTCBQ(["--max-calls", "1"], prompt: prompt)

    let prompts = tmux.count(of: prompt)
    tmux.typeLine(".watch 0.3 select count(*) as n from envs")
    #expect(await tmux.waitForScreen(containing: "Every 0.3s: select count(*) as n from envs"))
    let describe = "/componenttcb/describecloudbaserunenvs"
    let rounds = await tmux.waitUntil(timeout: .seconds(20)) { _ in
      ((try? SandboxLog.requests(sandbox).filter { $0.path == describe }.count) ?? 0) >= 3
    }
    #expect(rounds, "\(tmux.screen())")
    tmux.press("C-c")
    #expect(await tmux.waitForScreen(containing: prompt, count: prompts + 1), "\(tmux.screen())")
    #expect(!tmux.screen().contains("refused"), "\(tmux.screen())")
    #expect(!tmux.screen().contains(".watch stopped"), "\(tmux.screen())")
    let after = try SandboxLog.requests(sandbox).filter { $0.path == describe }.count
    try await Task.sleep(for: .milliseconds(800))
    #expect(try SandboxLog.requests(sandbox).filter { $0.path == describe }.count == after)
    // Back at the prompt, which still runs statements.
    let output = try await tmux.run("select count(*) as n from envs;", prompt: prompt)
    #expect(Self.lines(output).last?.trimmingCharacters(in: .whitespaces) == "12", "\(output)")
  }
}
