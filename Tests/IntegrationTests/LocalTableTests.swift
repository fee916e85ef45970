import Foundation
import TCBQSandbox
import Testing

/// `.import`, `create table … as select`, `drop table`: tables the session holds.
@Suite(.serialized) struct LocalTableTests {
  typealias Data = DefaultDataset

  /// Field `i` of the big file: commas, doubled quotes, CJK, and now and then a line break.
  static func note(_ i: Int) -> String {
    switch i % 4 {
    case 0: "plain \(i)"
    case 1: "a, \"quoted\" \(i)"
    case 2: "客户 \(i)，备注"
    default: "two\r\nlines \(i)"
    }
  }

  static func quoted(_ field: String) -> String {
    "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  @Test func tenThousandLinesWithQuotesCommasCRLFAndCJK() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let tcbq = try TCBQRunner.against(sandbox)
    var text = "appid,note,env_id\r\n"
    for i in 0..<10_000 {
      let env = i == 7 ? Data.unavailableEnvID : "none"
      text += "wx\(String(format: "%016x", i)),\(Self.quoted(Self.note(i))),\(env)\r\n"
    }
    let path = try tcbq.file("customers.csv", text)
    let script = """
      .import \(path) customers
      select appid, note from customers order by appid
      select c.appid, e.status from customers c join envs e on e.env_id = c.env_id
      show tables
      """
    let result = try tcbq.run(["--format", "jsonl"], stdin: script)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("imported 10000 rows into customers"))
    let lines = result.stdout.split(separator: "\n").map(String.init)
    let objects = try lines.map {
      try #require(JSONSerialization.jsonObject(with: Foundation.Data($0.utf8)) as? [String: Any])
    }
    try #require(objects.count >= 10_002)
    for i in [0, 1, 2, 3, 4_321, 9_999] {
      #expect(objects[i]["appid"] as? String == "wx\(String(format: "%016x", i))")
      #expect(objects[i]["note"] as? String == Self.note(i))
    }
    #expect(objects[10_000]["status"] as? String == "UNAVAILABLE")
    #expect(objects[10_000]["appid"] as? String == "wx0000000000000007")
    let customers = objects.first { $0["table"] as? String == "customers" }
    #expect(customers?["filled_by"] as? String == "local")
    // The local table cost no call: only the envs of the join were fetched.
    #expect(
      try SandboxLog.requests(sandbox).map(\.path) == ["/componenttcb/describecloudbaserunenvs"])
  }

  @Test func aMalformedRowFailsWithItsLineAndLeavesNoTable() throws {
    let tcbq = try TCBQRunner()
    var text = "appid,note\n"
    for i in 0..<100 { text += "wx\(i),n\(i)\n" }
    text += "wx100,one,too many\n"
    text += "wx101,n101\n"
    let path = try tcbq.file("bad.csv", text)
    let result = try tcbq.run(["--keep-going", "-c", ".import \(path) t\nselect count(*) from t"])
    #expect(result.status == 1)
    #expect(
      result.stderr.contains(
        "line 102: expected 2 fields as the header names, found 3; nothing imported"),
      "\(result.stderr)")
    #expect(result.stderr.contains("unknown table 't'") || result.stderr.contains("no table"))
    #expect(result.stdout.isEmpty)
  }

  @Test func anUnclosedQuoteIsNamedAtTheLineItOpens() throws {
    let tcbq = try TCBQRunner()
    let path = try tcbq.file("open.csv", "a,b\n1,2\n3,\"open\n4,5\n")
    let result = try tcbq.run(["-c", ".import \(path) t"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("line 3: a quoted field is not closed"), "\(result.stderr)")
  }

  @Test func tsvAndJSONLines() throws {
    let tcbq = try TCBQRunner()
    let tsv = try tcbq.file("a.tsv", "appid\tn\nwx1\t007\n")
    let jsonl = try tcbq.file(
      "b.data", #"{"appid":"wx1","n":7,"ok":true}"# + "\n" + #"{"appid":"wx2","x":1.5}"# + "\n")
    let result = try tcbq.run([
      "--format", "jsonl", "-c",
      ".import \(tsv) a\n.import --jsonl \(jsonl) b\nselect * from a\nselect * from b order by appid",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.split(separator: "\n") == [
        #"{"appid":"wx1","n":"007"}"#,
        #"{"appid":"wx1","n":7,"ok":true,"x":null}"#,
        #"{"appid":"wx2","n":null,"ok":null,"x":1.5}"#,
      ])
  }

  @Test func createAsSelectAndDrop() throws {
    let tcbq = try TCBQRunner()
    let script = """
      create table bad as select env_id, status from envs where status = 'UNAVAILABLE'
      select count(*) as n from bad
      drop table bad
      select count(*) from bad
      """
    let result = try tcbq.run(["--format", "csv", "--keep-going"], stdin: script)
    #expect(result.stdout == "n\r\n2\r\n")
    #expect(result.stderr.contains("table bad: 2 rows"))
    #expect(result.stderr.contains("table bad dropped"))
    #expect(result.stderr.contains("'bad'"))
  }

  @Test func apiTableNamesCannotBeTaken() throws {
    let tcbq = try TCBQRunner()
    let path = try tcbq.file("x.csv", "a\n1\n")
    for statement in [
      ".import \(path) shares", "create table envs as select 1 from apps",
      "create table _ as select 1 from apps", "drop table envs",
    ] {
      let result = try tcbq.run(["-c", statement])
      #expect(result.status == 1, "\(statement)")
      #expect(result.stderr.contains("table of tcbq"), "\(statement): \(result.stderr)")
    }
  }
}
