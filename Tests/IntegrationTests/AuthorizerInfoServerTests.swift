import Foundation
import Testing

/// api_get_authorizer_info on the real `tcbq-sandbox` binary, with the real `curl`.
@Suite struct AuthorizerInfoServerTests {
  static let path = "/cgi-bin/component/api_get_authorizer_info?access_token=sandbox-token"

  func info(_ sandbox: SandboxProcess, _ appid: String) throws -> CurlResult {
    try Curl.run(
      "POST", sandbox.baseURL + Self.path,
      body: #"{"component_appid":"wx0123456789abcdef","authorizer_appid":"\#(appid)"}"#)
  }

  @Test func answersAChineseNickNameAndRefusesAnUnknownApp() async throws {
    let sandbox = try await SandboxProcess.start()
    defer { sandbox.stop() }

    let known = try info(sandbox, "wx30877432d1026706")
    #expect(known.status == 200)
    #expect(known.errcode == 0)
    let authorizer = try #require(known.json?["authorizer_info"] as? [String: Any])
    #expect(authorizer["nick_name"] as? String == "云栈商城")
    #expect(authorizer["principal_name"] as? String == "深圳市云栈科技有限公司")
    #expect(authorizer["MiniProgramInfo"] != nil)

    let unknown = try info(sandbox, "wxffffffffffffffff")
    #expect(unknown.status == 200)
    #expect(unknown.errcode == 61003)
    #expect(unknown.errmsg.hasPrefix("component is not authorized by this account rid: "))
  }
}
