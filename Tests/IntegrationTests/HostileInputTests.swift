import Foundation
import TCBQSandbox
import Testing

/// Hostile input to the real `tcbq` binary (issue 6): each case ends with a clear answer or a
/// clear error, never a crash (a signal would show as a status other than 0, 1, 2, 3).
@Suite(.serialized) struct HostileInputTests {
  /// Writes `bytes` as a script file in tcbq's private home and returns its path.
  func script(_ tcbq: TCBQRunner, _ name: String, _ bytes: [UInt8]) throws -> String {
    let url = tcbq.home.appendingPathComponent(name)
    try Foundation.Data(bytes).write(to: url)
    return url.path
  }

  @Test func aOneMegabyteLine() throws {
    let tcbq = try TCBQRunner()
    let literal = String(repeating: "x", count: 1_000_000)
    let path = try tcbq.file("big.tcbq", "select '\(literal)' as x from envs limit 1\n")
    let result = try tcbq.run(["--format", "csv", "--no-header", path])
    #expect(result.status == 0, "\(result.stderr.prefix(300))")
    #expect(result.stdout == literal + "\r\n")
  }

  @Test func aOneMegabyteExpressionIsAClearErrorWithoutEchoingIt() throws {
    let tcbq = try TCBQRunner()
    let path = try tcbq.file(
      "big-error.tcbq", "select " + String(repeating: "1 + ", count: 250_000) + "nope from envs\n")
    let result = try tcbq.run([path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("line 1, column 8: expression too complex"))
    #expect(result.stderr.count < 10_000)  // the source line is shown cut around the caret
  }

  @Test func aScriptOf100000Statements() throws {
    let tcbq = try TCBQRunner()
    let path = try tcbq.file("many.tcbq", String(repeating: "show tables\n", count: 100_000))
    let out = tcbq.home.appendingPathComponent("many.csv").path
    let result = try tcbq.run(["--format", "csv", "--no-header", "-o", out, path])
    #expect(result.status == 0, "\(result.stderr.prefix(300))")
    let one = try tcbq.run(["--format", "csv", "--no-header", "-c", "show tables"])
    let all = try String(contentsOfFile: out, encoding: .utf8)
    #expect(all.count == one.stdout.count * 100_000)
  }

  @Test func aScriptOf100000CommentLinesAndOneStatement() throws {
    let tcbq = try TCBQRunner()
    let text =
      String(repeating: "-- a comment\n", count: 100_000) + "select 'end' from envs limit 1\n"
    let path = try tcbq.file("comments.tcbq", text)
    let result = try tcbq.run(["--format", "csv", "--no-header", path])
    #expect(result.status == 0, "\(result.stderr.prefix(300))")
    #expect(result.stdout == "end\r\n")
  }

  @Test func aNULByteIsAnErrorWithItsPlace() throws {
    let tcbq = try TCBQRunner()
    let path = try script(
      tcbq, "nul.tcbq", Array("select 1 from envs".utf8) + [0] + Array(" limit 1\n".utf8))
    let result = try tcbq.run([path])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("line 1, column 19"))
    #expect(result.stderr.contains("U+0000"))
  }

  @Test func invalidUTF8IsReadWithReplacementCharacters() throws {
    let tcbq = try TCBQRunner()
    let bytes =
      Array("select 'a".utf8) + [0xFF, 0xFE, 0xC3] + Array("b' as x from envs limit 1\n".utf8)
    let path = try script(tcbq, "bad.tcbq", bytes)
    let result = try tcbq.run(["--format", "json", path])
    #expect(result.status == 0, "\(result.stderr)")
    let rows =
      try JSONSerialization.jsonObject(with: Foundation.Data(result.stdout.utf8))
      as? [[String: String]]
    let value = try #require(rows?.first?["x"])
    #expect(value.hasPrefix("a") && value.hasSuffix("b"))
    #expect(value.contains("\u{FFFD}"))
  }

  @Test func invalidUTF8OnStandardInputIsNoCrash() throws {
    let tcbq = try TCBQRunner()
    // Standard input is written through a file by the runner; feed bytes through -f instead.
    let path = try script(
      tcbq, "bad-keyword.tcbq", [0xC0, 0x80] + Array("select 1 from envs\n".utf8))
    let result = try tcbq.run(["-f", path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("line 1, column 1"))
  }

  @Test func tenThousandNestedParenthesesAreAClearError() throws {
    let tcbq = try TCBQRunner()
    let depth = 10_000
    let query =
      "select " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
      + " from envs"
    let path = try tcbq.file("nested.tcbq", query + "\n")
    let result = try tcbq.run([path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("nested too deeply"))
    #expect(result.stderr.contains("line 1, column"))
    #expect(result.stderr.count < 10_000)
  }

  @Test func deepNotChainsAndUnaryMinusAreAClearError() throws {
    let tcbq = try TCBQRunner()
    for (name, text) in [
      ("not.tcbq", "select 1 from envs where " + String(repeating: "not ", count: 10_000) + "true"),
      ("minus.tcbq", "select " + String(repeating: "- ", count: 10_000) + "1 from envs"),
    ] {
      let result = try tcbq.run([try tcbq.file(name, text + "\n")])
      #expect(result.status == 1, "\(name)")
      #expect(result.stderr.contains("nested too deeply"), "\(name): \(result.stderr.prefix(200))")
    }
  }

  @Test func anINListOf100000Items() throws {
    let tcbq = try TCBQRunner()
    let items = (0..<100_000).map { "'e\($0)'" }.joined(separator: ",")
    let query =
      "select count(*) from envs where env_id in (\(items), '\(DefaultDataset.unavailableEnvID)')"
    let result = try tcbq.run([
      "--format", "csv", "--no-header", try tcbq.file("in.tcbq", query + "\n"),
    ])
    #expect(result.status == 0, "\(result.stderr.prefix(300))")
    #expect(result.stdout == "1\r\n")
  }

  @Test func anAppidINListOf100000ItemsIsEstimatedInBatches() throws {
    // On shares the IN list is pushed down: 100,000 appids are 1,000 calls at 100 a call.
    let tcbq = try TCBQRunner()
    let items = (0..<100_000).map { "'wx\(String(format: "%016x", $0))'" }.joined(separator: ",")
    let path = try tcbq.file(
      "in-shares.tcbq", "explain select * from shares where appid in (\(items))\n")
    let result = try tcbq.run([path])
    #expect(result.status == 0, "\(result.stderr.prefix(300))")
    #expect(result.stdout.contains("batchgetenvid: 1000"))
  }

  @Test func aHalfMillionRowResultInTableFormat() async throws {
    // 708 environments joined with themselves: 501,264 rows.
    let sandbox = try await SandboxProcess.start(["--envs", "708", "--apps", "5"])
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    let out = tcbq.home.appendingPathComponent("big.txt").path
    let result = try tcbq.run([
      "-o", out, "-c", "select a.env_id, b.env_id from envs a join envs b on 1 = 1",
    ])
    #expect(result.status == 0, "\(result.stderr.prefix(300))")
    let text = try String(contentsOfFile: out, encoding: .utf8)
    let lines = text.split(separator: "\n")
    #expect(lines.count == 708 * 708 + 2)  // header, rule, rows
    // Aligned: the second column starts at the same place on every line.
    let header = Array(try #require(lines.first))
    let start = try #require(header.indices.last { header[$0] == " " }) + 1
    var misaligned = 0
    for line in lines.dropFirst(2) {
      let characters = Array(line)
      if characters.count <= start || characters[start - 1] != " " || characters[start] == " " {
        misaligned += 1
      }
    }
    #expect(misaligned == 0)
  }

  @Test(arguments: [
    "this is = = not toml [",
    "[profiles.prod\nbatch_size = 5",
    "batch_size = \"ten\"",
    "\u{0}\u{1}binary",
  ])
  func aConfigFileThatIsNotTOMLExitsTwo(text: String) throws {
    var tcbq = try TCBQRunner()
    let path = try tcbq.file("config.toml", text)
    tcbq.environment["TCBQ_CONFIG"] = path
    let result = try tcbq.run(["-c", "show tables"])
    #expect(result.status == 2)
    #expect(result.stderr.contains(path))
    #expect(result.stdout.isEmpty)
  }

  @Test func aConfigFileThatIsNotUTF8ExitsTwo() throws {
    var tcbq = try TCBQRunner()
    let path = try script(tcbq, "config.toml", [0xFF, 0xFE, 0x00, 0x41])
    tcbq.environment["TCBQ_CONFIG"] = path
    let result = try tcbq.run(["-c", "show tables"])
    #expect(result.status == 2)
    #expect(result.stderr.contains(path))
  }
}
