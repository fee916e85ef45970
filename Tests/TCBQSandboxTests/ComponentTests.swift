import TCBQCore
import TCBQSandbox
import Testing

@Suite struct ComponentTests {
  static let path = "/cgi-bin/component/api_component_token"

  func tokenCall(_ body: String) -> Answer {
    var call = SandboxCall()
    call.token = nil
    return call.json(Self.path, body)
  }

  @Test func mintsAWorkingTokenWithoutErrcode() {
    let service = SandboxService()
    let token = mintToken(service)
    #expect(token != nil)
    var call = SandboxCall(service: service)
    call.token = token
    #expect(call.json("/componenttcb/describecloudbaserunenvs", "{}").errcode == 0)
    let answer = tokenCall(
      #"{"component_appid":"wx0123456789abcdef","component_appsecret":"sandbox-secret","component_verify_ticket":"sandbox-ticket"}"#
    )
    #expect(answer.object["errcode"] == nil)
    #expect(answer.object["expires_in"] as? Int == 7200)
  }

  @Test(arguments: [
    (
      #"{"component_appsecret":"sandbox-secret","component_verify_ticket":"sandbox-ticket"}"#, 41002
    ),
    (
      #"{"component_appid":"wx1111111111111111","component_appsecret":"sandbox-secret","component_verify_ticket":"sandbox-ticket"}"#,
      40013
    ),
    (
      #"{"component_appid":"wx0123456789abcdef","component_verify_ticket":"sandbox-ticket"}"#, 41004
    ),
    (
      #"{"component_appid":"wx0123456789abcdef","component_appsecret":"wrong","component_verify_ticket":"sandbox-ticket"}"#,
      40125
    ),
    (#"{"component_appid":"wx0123456789abcdef","component_appsecret":"sandbox-secret"}"#, 40101),
    (
      #"{"component_appid":"wx0123456789abcdef","component_appsecret":"sandbox-secret","component_verify_ticket":"old"}"#,
      61006
    ),
    (#"{"component_appid":5}"#, 47001),
    ("", 44002),
  ])
  func refusesBadCredentials(body: String, errcode: Int) {
    let answer = tokenCall(body)
    #expect(answer.errcode == errcode)
    #expect(endsWithRID(answer.errmsg))
    #expect(!answer.text.contains("sandbox-secret"))
  }

  @Test func authorizerListPages() {
    let call = SandboxCall()
    func page(_ offset: Int, _ count: Int) -> Answer {
      call.json(
        "/cgi-bin/component/api_get_authorizer_list",
        #"{"component_appid":"wx0123456789abcdef","offset":\#(offset),"count":\#(count)}"#)
    }
    let first = page(0, 25), second = page(25, 25)
    #expect(first.errcode == 0)
    #expect(first.object["total_count"] as? Int == 40)
    #expect(first.array("list").count == 25)
    #expect(second.array("list").count == 15)
    let appids = (first.array("list") + second.array("list")).compactMap {
      $0["authorizer_appid"] as? String
    }
    #expect(Set(appids).count == 40)
    #expect(appids.contains(DefaultDataset.officialAccount))
    #expect(first.array("list").allSatisfy { $0["auth_time"] is Int })
    #expect(first.array("list").contains { $0["refresh_token"] == nil })
  }
}

@Suite struct TokenParameterTests {
  @Test func acceptsComponentAccessTokenSpelling() {
    let service = SandboxService()
    let request = TransportRequest(
      path: WeChatPath.describeCloudBaseRunEnvs,
      query: [.init(name: "component_access_token", value: SandboxConfiguration.defaultToken)],
      body: Array("{}".utf8))
    #expect(Answer(service.handle(request)).errcode == 0)
  }
}
