import Foundation
import Testing

/// The real `tcbq-sandbox` binary, checked with the real `curl` against wechat-api.md.
@Suite(.serialized) struct SandboxServerTests {
  static let token = "sandbox-token"
  static let api = "access_token=\(token)"

  func post(_ sandbox: SandboxProcess, _ path: String, _ body: String, token: String? = token)
    throws -> CurlResult
  {
    let query = token.map { "?access_token=\($0)" } ?? ""
    return try Curl.run("POST", "\(sandbox.baseURL)\(path)\(query)", body: body)
  }

  func expectRID(_ result: CurlResult, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(
      result.errmsg.range(
        of: #" rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$"#, options: .regularExpression) != nil,
      "errmsg: \(result.errmsg)", sourceLocation: sourceLocation)
  }

  @Test func everyEndpointAnswersItsDocumentedShape() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }

    let envs = try post(sandbox, "/componenttcb/describecloudbaserunenvs", "{}")
    #expect(envs.status == 200)
    #expect(envs.errcode == 0)
    let envList = try #require(envs.json?["env_list"] as? [[String: Any]])
    #expect(envList.count == 12)
    #expect(envList.contains { $0["status"] as? String == "UNAVAILABLE" })
    #expect(envs.text.contains("标准版"))

    let shares = try post(
      sandbox, "/componenttcb/batchgetenvid",
      #"{"appids":["wx30877432d1026706","wx12da86a78c49ea20"],"source_type":1}"#)
    #expect(shares.errcode == 0)
    let relations = try #require(shares.json?["relation_data"] as? [[String: Any]])
    #expect(relations.first?["appid"] as? String == "wx30877432d1026706")
    #expect(
      relations.first?["env_list"] as? [String] == ["prod-3fa9c1", "test-8b2d47", "gray-5f1a2c"])
    let errList = try #require(shares.json?["err_list"] as? [[String: Any]])
    #expect(errList.first?["appid"] as? String == "wx12da86a78c49ea20")

    let share = try post(
      sandbox, "/componenttcb/batchshareenv",
      #"{"data":[{"env":"prod-9e6b58","appids":["wx29a279764017f2ed"]}],"source_type":1}"#)
    #expect(share.errcode == 0)
    let links = try #require(share.json?["msg_info_list"] as? [[String: Any]])
    #expect(
      links.first?["url"] as? String
        == "\(sandbox.baseURL)/__sandbox/confirm?appid=wx29a279764017f2ed&env=prod-9e6b58")

    let unshare = try post(
      sandbox, "/componenttcb/batchunshareenv",
      #"{"data":[{"env":"prod-9e6b58","appids":["wx29a279764017f2ed"]}],"source_type":1}"#)
    #expect(unshare.errcode == 0)
    #expect((unshare.json?["err_list"] as? [Any])?.isEmpty == true)

    let minted = try post(
      sandbox, "/cgi-bin/component/api_component_token",
      #"{"component_appid":"wx0123456789abcdef","component_appsecret":"sandbox-secret","component_verify_ticket":"sandbox-ticket"}"#,
      token: nil)
    #expect(minted.json?["errcode"] == nil)
    #expect(minted.json?["expires_in"] as? Int == 7200)
    let newToken = try #require(minted.json?["component_access_token"] as? String)

    let apps = try post(
      sandbox, "/cgi-bin/component/api_get_authorizer_list",
      #"{"component_appid":"wx0123456789abcdef","offset":0,"count":500}"#, token: newToken)
    #expect(apps.errcode == 0)
    #expect(apps.json?["total_count"] as? Int == 40)
    #expect((apps.json?["list"] as? [Any])?.count == 40)

    let quota = try post(
      sandbox, "/cgi-bin/openapi/quota/get", #"{"cgi_path":"/componenttcb/batchgetenvid"}"#)
    #expect(quota.errcode == 0)
    #expect(
      quota.json?["quota"] as? [String: Int] == [
        "daily_limit": 100_000, "used": 1, "remain": 99_999,
      ])
  }

  struct ErrorCase: Sendable, CustomTestStringConvertible {
    var errcode: Int
    var method = "POST"
    var token: String? = SandboxServerTests.token
    var path = "/componenttcb/batchgetenvid"
    var body: String? = #"{"appids":["wx30877432d1026706"],"source_type":1}"#
    var testDescription: String { "\(errcode)" }
  }

  @Test(arguments: [
    ErrorCase(errcode: 43002, method: "GET", body: nil),
    ErrorCase(errcode: 41001, token: nil),
    ErrorCase(errcode: 40014, token: "wrong-token"),
    ErrorCase(errcode: 44002, body: ""),
    ErrorCase(errcode: 47001, body: "not json"),
    ErrorCase(errcode: 40101, body: #"{"source_type":1}"#),
    ErrorCase(errcode: 40097, body: #"{"appids":[],"source_type":1}"#),
    ErrorCase(errcode: 76021, path: "/cgi-bin/openapi/quota/get", body: #"{"cgi_path":"/nope"}"#),
    ErrorCase(errcode: 76003, path: "/cgi-bin/openapi/quota/get", body: #"{"cgi_path":"nope"}"#),
    ErrorCase(
      errcode: 61006, token: nil, path: "/cgi-bin/component/api_component_token",
      body:
        #"{"component_appid":"wx0123456789abcdef","component_appsecret":"sandbox-secret","component_verify_ticket":"x"}"#
    ),
  ])
  func errorsAreHTTP200WithErrcodeAndRID(_ errorCase: ErrorCase) async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    let query = errorCase.token.map { "?access_token=\($0)" } ?? ""
    let result = try Curl.run(
      errorCase.method, "\(sandbox.baseURL)\(errorCase.path)\(query)", body: errorCase.body)
    #expect(result.status == 200)
    #expect(result.errcode == errorCase.errcode)
    expectRID(result)
    if let token = errorCase.token { #expect(!result.text.contains(token)) }
  }

  @Test func tokenExpiryAnd45009OverHTTP() async throws {
    let sandbox = try await SandboxProcess.start([
      "--expire-token-after", "2", "--daily-limit", "/componenttcb/describecloudbaserunenvs=1",
    ])
    defer { sandbox.stop() }
    let first = try post(sandbox, "/componenttcb/describecloudbaserunenvs", "{}")
    let second = try post(sandbox, "/componenttcb/describecloudbaserunenvs", "{}")
    let third = try post(sandbox, "/componenttcb/describecloudbaserunenvs", "{}")
    #expect([first.errcode, second.errcode, third.errcode] == [0, 45009, 42001])
    expectRID(second)
  }

  @Test func tokenNeverAppearsInAnswersOrTheRequestLog() async throws {
    let secret = "tok-\(UUID().uuidString)"
    let logFile = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tcbq-log-\(UUID().uuidString).jsonl")
    defer { try? FileManager.default.removeItem(at: logFile) }
    let sandbox = try await SandboxProcess.start(["--token", secret, "--request-log", logFile.path])
    defer { sandbox.stop() }
    let good = try post(
      sandbox, "/componenttcb/batchgetenvid", #"{"appids":["wx30877432d1026706"],"source_type":1}"#,
      token: secret)
    #expect(good.errcode == 0)
    #expect(
      try post(sandbox, "/componenttcb/batchgetenvid", "{}", token: "sandbox-token").errcode
        == 40014)
    let log = try Curl.run("GET", "\(sandbox.baseURL)/__sandbox/requests")
    #expect(!log.text.contains(secret))
    #expect(!good.text.contains(secret))
    let lines = try String(contentsOf: logFile, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 2)
    #expect(!lines.joined().contains(secret))
  }

  @Test func requestLogRecordsPathsAppidsAndErrcodes() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }
    _ = try post(
      sandbox, "/componenttcb/batchgetenvid",
      #"{"appids":["wx30877432d1026706","wxffffffffffffffff"],"source_type":1}"#)
    _ = try post(sandbox, "/componenttcb/batchgetenvid", "", token: nil)
    let log = try Curl.run("GET", "\(sandbox.baseURL)/__sandbox/requests")
    let records = try #require(
      (try JSONSerialization.jsonObject(with: log.body)) as? [[String: Any]])
    #expect(records.count == 2)
    #expect(records[0]["path"] as? String == "/componenttcb/batchgetenvid")
    #expect(records[0]["appids"] as? [String] == ["wx30877432d1026706", "wxffffffffffffffff"])
    #expect(records[0]["errcode"] as? Int == 0)
    #expect(records[1]["errcode"] as? Int == 41001)

    let reset = try Curl.run("POST", "\(sandbox.baseURL)/__sandbox/reset-log")
    #expect(reset.errcode == 0)
    let empty = try Curl.run("GET", "\(sandbox.baseURL)/__sandbox/requests")
    #expect(empty.text == "[]")
  }

  @Test func heldShareIsConfirmedThroughItsLink() async throws {
    let sandbox = try await SandboxProcess.start(["--hold-pending"])
    defer { sandbox.stop() }
    let getShares = #"{"appids":["wx29a279764017f2ed"],"source_type":1}"#
    let share = try post(
      sandbox, "/componenttcb/batchshareenv",
      #"{"data":[{"env":"prod-9e6b58","appids":["wx29a279764017f2ed"]}],"source_type":1}"#)
    let url = try #require(
      (share.json?["msg_info_list"] as? [[String: Any]])?.first?["url"] as? String)
    let before = try post(sandbox, "/componenttcb/batchgetenvid", getShares)
    #expect(
      (before.json?["relation_data"] as? [[String: Any]])?.first?["env_list"] as? [String] == [])
    let confirm = try Curl.run("GET", url)
    #expect(confirm.json?["confirmed"] as? Int == 1)
    let after = try post(sandbox, "/componenttcb/batchgetenvid", getShares)
    #expect(
      (after.json?["relation_data"] as? [[String: Any]])?.first?["env_list"] as? [String] == [
        "prod-9e6b58"
      ])
  }

  @Test func busyAnd500AndTruncationOverHTTP() async throws {
    let sandbox = try await SandboxProcess.start([
      "--http500-first", "1", "--busy-first", "2", "--truncate-first", "3",
    ])
    defer { sandbox.stop() }
    let body = #"{"appids":["wx30877432d1026706"],"source_type":1}"#
    let first = try post(sandbox, "/componenttcb/batchgetenvid", body)
    #expect(first.status == 500)
    #expect(first.json == nil)
    let second = try post(sandbox, "/componenttcb/batchgetenvid", body)
    #expect(second.status == 200)
    #expect(second.errcode == nil)  // busy and truncated: not JSON
    let third = try post(sandbox, "/componenttcb/batchgetenvid", body)
    #expect(third.status == 200)
    #expect(third.json == nil)
    #expect(third.text.hasPrefix(#"{"errcode":0"#))
    let fourth = try post(sandbox, "/componenttcb/batchgetenvid", body)
    #expect(fourth.errcode == 0)
  }

  @Test func busyFirstOverHTTP() async throws {
    let sandbox = try await SandboxProcess.start(["--busy-first", "1"])
    defer { sandbox.stop() }
    let busy = try post(sandbox, "/componenttcb/describecloudbaserunenvs", "{}")
    #expect(busy.status == 200)
    #expect(busy.errcode == -1)
    expectRID(busy)
    #expect(try post(sandbox, "/componenttcb/describecloudbaserunenvs", "{}").errcode == 0)
  }

  @Test func latencyDelaysAnswers() async throws {
    let sandbox = try await SandboxProcess.start(["--latency-ms", "3000"])
    defer { sandbox.stop() }
    let url = "\(sandbox.baseURL)/componenttcb/describecloudbaserunenvs?\(Self.api)"
    let impatient = try Curl.run("POST", url, body: "{}", maxTime: 0.5)
    #expect(impatient.exitStatus == 28)  // curl: operation timed out
    let patient = try Curl.run("POST", url, body: "{}", maxTime: 60)
    #expect(patient.errcode == 0)
  }

  @Test func maxAppidsOverHTTP() async throws {
    let sandbox = try await SandboxProcess.start(["--max-appids", "1"])
    defer { sandbox.stop() }
    let two = try post(
      sandbox, "/componenttcb/batchgetenvid",
      #"{"appids":["wx30877432d1026706","wxd7e805da846a32c3"],"source_type":1}"#)
    #expect(two.errcode == 40097)
  }

  @Test func generatedDataIsServedAndSeeded() async throws {
    let first = try await SandboxProcess.start(["--seed", "11", "--envs", "50", "--apps", "80"])
    defer { first.stop() }
    let second = try await SandboxProcess.start(["--seed", "11", "--envs", "50", "--apps", "80"])
    defer { second.stop() }
    let a = try post(first, "/componenttcb/describecloudbaserunenvs", "{}")
    let b = try post(second, "/componenttcb/describecloudbaserunenvs", "{}")
    #expect((a.json?["env_list"] as? [Any])?.count == 50)
    #expect(a.body == b.body)
  }

  @Test func lifetimeEndsTheServerAndSIGTERMExitsCleanly() async throws {
    let shortLived = try await SandboxProcess.start(["--lifetime", "3"])
    #expect(await shortLived.waitForExit(timeout: .seconds(30)))
    #expect(shortLived.stop() == 0)
    let sandbox = try await SandboxProcess.start()
    #expect(sandbox.isRunning)
    #expect(sandbox.stop() == 0)
  }

  @Test func badArgumentsFailToStart() async throws {
    await #expect(throws: SandboxProcess.StartFailure.self) {
      _ = try await SandboxProcess.start(["--busy-rate", "2"])
    }
  }
}
