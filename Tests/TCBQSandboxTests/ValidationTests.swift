import TCBQCore
import TCBQSandbox
import Testing

/// One case per error code, each built to fail exactly one check, in the real service's order.
@Suite struct ValidationTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var errcode: Int
    var method = "POST"
    var token: String? = SandboxConfiguration.defaultToken
    var path = "/componenttcb/batchgetenvid"
    var body = #"{"appids":["wx30877432d1026706"],"source_type":1}"#
    var faults = SandboxFaults.none
    var testDescription: String { "\(errcode) \(name)" }
  }

  static let cases: [Case] = [
    Case(name: "not POST", errcode: 43002, method: "GET", token: nil, body: ""),
    Case(name: "token missing", errcode: 41001, token: nil, body: ""),
    Case(name: "token empty", errcode: 41001, token: "", body: ""),
    Case(name: "token unknown", errcode: 40014, token: "not-a-token", body: ""),
    Case(
      name: "token expired", errcode: 42001, body: "", faults: SandboxFaults(expireTokenAfter: 0)),
    Case(name: "empty body", errcode: 44002, body: ""),
    Case(name: "not JSON", errcode: 47001, body: "{appids:"),
    Case(name: "not an object", errcode: 47001, body: "[1,2]"),
    Case(name: "appids not an array", errcode: 47001, body: #"{"appids":"wx30877432d1026706"}"#),
    Case(name: "source_type a string", errcode: 47001, body: #"{"appids":[],"source_type":"1"}"#),
    Case(name: "appids missing", errcode: 40101, body: #"{"source_type":1}"#),
    Case(name: "source_type missing", errcode: 40101, body: #"{"appids":["wx30877432d1026706"]}"#),
    Case(
      name: "bad source_type", errcode: 40097,
      body: #"{"appids":["wx30877432d1026706"],"source_type":2}"#),
    Case(name: "empty appids", errcode: 40097, body: #"{"appids":[],"source_type":1}"#),
    Case(
      name: "over max appids", errcode: 40097,
      body: #"{"appids":["wx30877432d1026706","wxd7e805da846a32c3"],"source_type":1}"#,
      faults: SandboxFaults(maxAppidsPerCall: 1)),
    Case(
      name: "share data not an array", errcode: 47001, path: "/componenttcb/batchshareenv",
      body: #"{"data":{"env":"prod-3fa9c1"},"source_type":1}"#),
    Case(
      name: "share env missing", errcode: 40101, path: "/componenttcb/batchshareenv",
      body: #"{"data":[{"appids":["wx30877432d1026706"]}],"source_type":1}"#),
    Case(
      name: "share empty data", errcode: 40097, path: "/componenttcb/batchshareenv",
      body: #"{"data":[],"source_type":1}"#),
    Case(
      name: "unshare empty appids", errcode: 40097, path: "/componenttcb/batchunshareenv",
      body: #"{"data":[{"env":"prod-3fa9c1","appids":[]}],"source_type":1}"#),
    Case(
      name: "describe empty body", errcode: 44002, path: "/componenttcb/describecloudbaserunenvs",
      body: ""),
    Case(
      name: "quota path missing", errcode: 40101, path: "/cgi-bin/openapi/quota/get", body: "{}"),
    Case(
      name: "quota path unknown", errcode: 76021, path: "/cgi-bin/openapi/quota/get",
      body: #"{"cgi_path":"/componenttcb/nosuchthing"}"#),
    Case(
      name: "quota path without slash", errcode: 76003, path: "/cgi-bin/openapi/quota/get",
      body: #"{"cgi_path":"componenttcb/batchgetenvid"}"#),
    Case(
      name: "authorizer count over 500", errcode: 40097,
      path: "/cgi-bin/component/api_get_authorizer_list",
      body: #"{"component_appid":"wx0123456789abcdef","offset":0,"count":501}"#),
    Case(
      name: "authorizer other component", errcode: 40013,
      path: "/cgi-bin/component/api_get_authorizer_list",
      body: #"{"component_appid":"wx0000000000000000","offset":0,"count":10}"#),
  ]

  @Test(arguments: cases)
  func answersTheFirstFailingCheck(_ testCase: Case) {
    var call = SandboxCall(SandboxConfiguration(faults: testCase.faults))
    call.token = testCase.token
    let answer = call.json(testCase.path, testCase.body, method: testCase.method)
    #expect(answer.status == 200)
    #expect(answer.errcode == testCase.errcode)
    #expect(endsWithRID(answer.errmsg), "errmsg: \(answer.errmsg)")
  }

  @Test func errmsgTextsMatchTheDocumentation() {
    var call = SandboxCall()
    #expect(
      call.json("/componenttcb/batchgetenvid", "", method: "GET").errmsg.hasPrefix(
        "require POST method rid: "))
    call.token = nil
    #expect(
      call.json("/componenttcb/batchgetenvid", "").errmsg.hasPrefix("access_token missing rid: "))
    call.token = "nope"
    #expect(
      call.json("/componenttcb/batchgetenvid", "").errmsg.hasPrefix("invalid access_token rid: "))
  }

  @Test func ridsAreDistinctAndDeterministic() {
    let first = SandboxCall(), second = SandboxCall()
    let a = (0..<3).map { _ in first.json("/componenttcb/batchgetenvid", "").errmsg }
    let b = (0..<3).map { _ in second.json("/componenttcb/batchgetenvid", "").errmsg }
    #expect(a == b)
    #expect(Set(a).count == 3)
  }

  @Test func tokenIsNeverEchoed() {
    var call = SandboxCall()
    call.token = "secret-looking-token-123"
    let answer = call.raw("/componenttcb/batchgetenvid", "{}")
    #expect(!String(decoding: answer.body, as: UTF8.self).contains("secret-looking-token-123"))
  }

  @Test func unknownPathIs404() {
    let answer = SandboxCall().raw("/componenttcb/nosuch", "{}")
    #expect(answer.status == 404)
  }

  @Test func perAppProblemsGoToErrList() {
    let answer = SandboxCall().getEnvIDs([
      DefaultDataset.appSharingThree, DefaultDataset.appWithoutPrivilege,
      DefaultDataset.officialAccount, "wxffffffffffffffff", DefaultDataset.appSharingNothing,
    ])
    #expect(answer.errcode == 0)
    #expect(answer.errmsg == "ok")
    #expect(answer.relations[DefaultDataset.appSharingThree]?.count == 3)
    #expect(answer.relations[DefaultDataset.appSharingNothing] == [])
    #expect(
      answer.failedAppids == [
        DefaultDataset.appWithoutPrivilege, DefaultDataset.officialAccount, "wxffffffffffffffff",
      ])
    let messages = answer.array("err_list").compactMap { $0["errmsg"] as? String }
    #expect(messages.first == "no qbase privilege")
  }
}
