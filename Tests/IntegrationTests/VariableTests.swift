import Foundation
import TCBQSandbox
import Testing

/// `-v NAME=VALUE`, `.set`, `.unset` and `:NAME`, with the real binaries over loopback HTTP.
@Suite(.serialized) struct VariableTests {
  typealias Data = DefaultDataset

  /// Quotes, `;`, `--`, a newline and statement keywords: all of it stays one appid.
  static let hostile = "wx1' or 1=1; unshare prod-77a0d2 from wx2 -- x\nselect * from envs"

  @Test func hostileValueStaysOneAppidInASelect() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let result = try tcbq.run([
      "-v", "app=\(Self.hostile)", "--format", "csv", "-c",
      "select appid, env_id from shares where appid = :app",
    ])
    // The appid is not authorized: a per-appid failure naming it whole; nothing else ran.
    #expect(result.status == 1)
    #expect(result.stderr.contains("  \(Self.hostile): appid not authorized"), "\(result.stderr)")
    let requests = try SandboxLog.requests(sandbox)
    #expect(requests.map(\.path) == ["/componenttcb/batchgetenvid"])
    #expect(requests.first?.appids == [Self.hostile])
    #expect(!requests.contains { $0.path.contains("unshare") })
  }

  @Test func hostileValueStaysOneAppidInAWrite() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let statement = "unshare :env from :app"
    let result = try tcbq.run([
      "--yes", "-v", "app=\(Self.hostile)", "--set", "env=\(Data.unavailableEnvID)", "-c",
      statement,
    ])
    #expect(result.status == 1, "the service refuses the appid: \(result.stderr)")
    let writes = try SandboxLog.requests(sandbox).filter { $0.path.contains("unshare") }
    #expect(writes.count == 1)
    #expect(writes.first?.appids == [Self.hostile])
    #expect(writes.first?.envs == [Data.unavailableEnvID])
    let audit = tcbq.auditLines()
    #expect(audit.count == 1)
    #expect(audit.first?["appids"] as? [String] == [Self.hostile])
    // The audit log keeps the statement as written.
    #expect(audit.first?["statement"] as? String == statement)
  }

  @Test func hostileValueInADryRunIsOneJSONString() async throws {
    let tcbq = try TCBQRunner()
    let result = try tcbq.run([
      "--dry-run", "-v", "app=\(Self.hostile)", "-c", "share prod-9e6b58 with :app",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.contains(
        #"{"data":[{"env":"prod-9e6b58","appids":["wx1' or 1=1; unshare prod-77a0d2 from wx2 -- x\nselect * from envs"]}]"#
      ), "\(result.stdout)")
  }

  @Test func undefinedVariableIsADiagnosticBeforeAnythingRuns() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let script = "select count(*) from envs\nselect * from shares where appid = :appid\n"
    let result = try tcbq.run(["-v", "appids=wx1"], stdin: script)
    #expect(result.status == 1)
    #expect(
      result.stderr.contains(
        "error: line 2, column 36: undefined variable ':appid' (set it with -v appid=VALUE or .set appid VALUE) (did you mean ':appids'?)"
      ), "\(result.stderr)")
    #expect(result.stderr.contains("\n                                   ^~~~~~\n"))
    #expect(try SandboxLog.requests(sandbox).isEmpty)
  }

  @Test func variablesWorkWithCommandFileAndStandardInput() throws {
    let tcbq = try TCBQRunner()
    let query = "select :greeting as g, count(*) as n from envs where env_id = :env"
    let file = try tcbq.file("morning.tcbq", query)
    let arguments = ["-v", "greeting=hi", "-v", "env=\(Data.unavailableEnvID)", "--format", "csv"]
    for run in [
      try tcbq.run(arguments + ["-c", query]), try tcbq.run(arguments + ["-f", file]),
      try tcbq.run(arguments, stdin: query),
    ] {
      #expect(run.status == 0, "\(run.stderr)")
      #expect(run.stdout == "g,n\r\nhi,1\r\n")
    }
  }

  @Test func setUnsetAndListInAScript() throws {
    let tcbq = try TCBQRunner()
    let script = """
      .set env \(Data.unavailableEnvID)
      .set note 'two words'
      select env_id, :note as note from envs where env_id = :env
      .set
      .unset note
      .set
      """
    let result = try tcbq.run(["--format", "csv"], stdin: script)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout
        == "env_id,note\r\n\(Data.unavailableEnvID),two words\r\n"
        + "name,value\r\nenv,\(Data.unavailableEnvID)\r\nnote,two words\r\n"
        + "name,value\r\nenv,\(Data.unavailableEnvID)\r\n")
  }

  @Test func unsetVariableIsUndefinedAfterwards() throws {
    let tcbq = try TCBQRunner()
    let result = try tcbq.run(["-v", "x=1", "-c", ".unset x\nselect :x from envs"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("undefined variable ':x'"))
  }

  @Test func badDefinitionIsAUsageError() throws {
    let tcbq = try TCBQRunner()
    let result = try tcbq.run(["-v", "1x=2", "-c", "show tables"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("-v needs NAME=VALUE"))
  }

  @Test func equalsVariableOnSharesAppidIsPushedDown() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let result = try tcbq.run([
      "-v", "app=\(Data.appSharingThree)", "--format", "csv", "--no-header", "-c",
      "select env_id from shares where appid = :app order by env_id",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.split(separator: "\r\n").count == 3)
    let requests = try SandboxLog.requests(sandbox)
    #expect(requests.map(\.path) == ["/componenttcb/batchgetenvid"])
    #expect(requests.first?.appids == [Data.appSharingThree])
  }
}
