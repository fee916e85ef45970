import Foundation
import Testing

/// `.once`, `_` and `.watch` in scripts, `-c` and standard input (the terminal side is in
/// TerminalHabitsTests.swift).
@Suite struct ShellHabitsCLITests {
  @Test func onceSendsOnlyTheNextResultToItsFile() throws {
    let tcbq = try TCBQRunner()
    let path = tcbq.home.appendingPathComponent("unavailable.csv").path
    let result = try tcbq.run([
      "--format", "csv", "-c",
      ".once \(path)\nselect env_id from envs where status = 'UNAVAILABLE' order by env_id\nselect count(*) as n from envs",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let file = try String(contentsOfFile: path, encoding: .utf8)
    #expect(file == "env_id\r\nprod-77a0d2\r\ntest-06d9b4\r\n")
    #expect(result.stdout == "n\r\n12\r\n")
  }

  @Test func onceToAFileThatCannotBeOpenedFailsAtOnce() throws {
    let tcbq = try TCBQRunner()
    let result = try tcbq.run(["-c", ".once /nonexistent-dir/x.csv\nselect count(*) from envs"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("cannot write /nonexistent-dir/x.csv"), "\(result.stderr)")
    #expect(result.stdout.isEmpty, "\(result.stdout)")
  }

  @Test func underscoreIsTheLastSelectInAScriptOnStandardInput() throws {
    let tcbq = try TCBQRunner()
    let script = """
      select env_id, status from envs
      select env_id from _ where status <> 'NORMAL' order by env_id
      select count(*) as n from _
      """
    let result = try tcbq.run(["--format", "jsonl"], stdin: script)
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(
      lines.suffix(3) == [#"{"env_id":"prod-77a0d2"}"#, #"{"env_id":"test-06d9b4"}"#, #"{"n":2}"#])
  }

  @Test func underscoreMakesNoAPICallOverHTTP() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let result = try tcbq.run([
      "--format", "csv", "-c",
      "select appid, env_id from shares where appid = '\(TerminalTests.appid)'; select count(*) from _",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasSuffix("count(*)\r\n3\r\n"), "\(result.stdout)")
    let paths = try SandboxLog.requests(sandbox).map(\.path)
    #expect(paths == ["/componenttcb/batchgetenvid"], "\(paths)")
  }

  @Test func aMistakeInAStatementReadingUnderscoreIsReportedWhenItRuns() throws {
    let tcbq = try TCBQRunner()
    let result = try tcbq.run(["-c", "select env_id from envs limit 1\nselect nope from _"])
    #expect(result.status == 1)
    #expect(result.stdout.contains("env_id"), "the first statement ran: \(result.stdout)")
    #expect(result.stderr.contains("nope"), "\(result.stderr)")
  }

  @Test func watchRefusesWritesAndNeedsAStatement() throws {
    let tcbq = try TCBQRunner()
    let write = try tcbq.run(["-c", ".watch 1 unshare prod-3fa9c1 from \(TerminalTests.appid)"])
    #expect(write.status == 1)
    #expect(write.stderr.contains("never re-run"), "\(write.stderr)")
    let none = try tcbq.run(["-c", ".watch 1"])
    #expect(none.status == 1)
    #expect(none.stderr.contains("no statement run yet"), "\(none.stderr)")
    let bad = try tcbq.run(["-c", ".watch 0 select 1 from envs"])
    #expect(bad.stderr.contains("usage: .watch SECONDS [STATEMENT]"), "\(bad.stderr)")
  }
}
