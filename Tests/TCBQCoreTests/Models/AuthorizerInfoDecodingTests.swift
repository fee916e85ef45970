import Foundation
import Testing

@testable import TCBQCore

private func decode(_ json: String) throws -> AuthorizerInfoResponse {
  try JSONDecoder().decode(AuthorizerInfoResponse.self, from: Data(json.utf8))
}

@Suite struct AuthorizerInfoDecodingTests {
  /// The documented answer of a mini program, with members tcbq does not keep.
  static let miniProgram = """
    {"authorizer_info": {
      "nick_name": "云栈商城", "head_img": "http://wx.qlogo.cn/mmopen/abc/0",
      "service_type_info": {"id": 0}, "verify_type_info": {"id": -1},
      "user_name": "gh_eb5e3a772040", "principal_name": "深圳市云栈科技有限公司",
      "alias": "", "signature": "正品直供", "qrcode_url": "http://mmbiz.qpic.cn/x/0",
      "business_info": {"open_pay": 0, "open_shake": 0},
      "MiniProgramInfo": {"network": {"RequestDomain": ["https://a.example"]},
        "categories": [{"first": "工具", "second": "效率"}], "visit_status": 0},
      "register_type": 0, "account_status": 1,
      "basic_config": {"is_phone_configured": true, "is_email_configured": true}},
     "authorization_info": {"authorizer_appid": "wx30877432d1026706",
      "authorizer_refresh_token": "refreshtoken@@@SECRET-r3fr3sh-value",
      "func_info": [{"funcscope_category": {"id": 18}},
        {"funcscope_category": {"id": 49}, "confirm_info": {"need_confirm": 0}}]}}
    """

  @Test func decodesTheDocumentedAnswer() throws {
    let answer = try decode(Self.miniProgram)
    #expect(answer.errcode == 0)
    let info = AuthorizerInfo(appid: "wx30877432d1026706", response: answer)
    #expect(
      info
        == AuthorizerInfo(
          appid: "wx30877432d1026706", nickName: "云栈商城", userName: "gh_eb5e3a772040",
          principalName: "深圳市云栈科技有限公司", serviceType: 0, verifyType: -1, accountStatus: 1,
          isMiniProgram: true, signature: "正品直供", headImg: "http://wx.qlogo.cn/mmopen/abc/0",
          alias: "", funcscopeIDs: [18, 49]))
    #expect(info.grantsCloudDevelopment)
    #expect(answer.authorizationInfo?.authorizerAppID == "wx30877432d1026706")
  }

  @Test func theRefreshTokenIsNotKept() throws {
    let answer = try decode(Self.miniProgram)
    let info = AuthorizerInfo(appid: "wx30877432d1026706", response: answer)
    for text in [
      String(describing: answer), String(reflecting: answer), String(describing: info),
      String(reflecting: info), "\(AuthorizerInfoResult(infos: [info], failures: []))",
    ] {
      #expect(!text.contains("SECRET-r3fr3sh-value"))
      #expect(!text.contains("refreshtoken@@@"))
    }
    #expect(String(describing: info).contains("云栈商城"))
  }

  @Test(arguments: [
    "{}",
    #"{"authorizer_info": null, "authorization_info": null}"#,
    #"{"authorizer_info": {}, "authorization_info": {}}"#,
    """
    {"authorizer_info": {"nick_name": null, "head_img": null, "service_type_info": null,
      "verify_type_info": null, "user_name": null, "principal_name": null, "signature": null,
      "alias": null, "MiniProgramInfo": null, "account_status": null},
     "authorization_info": {"authorizer_appid": null, "func_info": null}}
    """,
    """
    {"authorizer_info": {"service_type_info": {}, "verify_type_info": {"id": null}},
     "authorization_info": {"func_info": []}}
    """,
  ])
  func absentAndNullFieldsAreNil(json: String) throws {
    let info = AuthorizerInfo(appid: "wx1", response: try decode(json))
    #expect(info == AuthorizerInfo(appid: "wx1"))
    #expect(!info.isMiniProgram)
    #expect(!info.grantsCloudDevelopment)
  }

  @Test func numbersMaySendAsStrings() throws {
    let answer = try decode(
      """
      {"errcode": "0", "authorizer_info": {"nick_name": 12345, "service_type_info": {"id": "2"},
        "verify_type_info": {"id": "-1"}, "account_status": "16", "user_name": "gh_1"},
       "authorization_info": {"func_info": [{"funcscope_category": {"id": "1"}},
        {"funcscope_category": {"id": 49.0}}]}}
      """)
    let info = AuthorizerInfo(appid: "wx1", response: answer)
    #expect(info.nickName == "12345")
    #expect(info.serviceType == 2)
    #expect(info.verifyType == -1)
    #expect(info.accountStatus == 16)
    #expect(info.funcscopeIDs == [1, 49])
    #expect(!info.isMiniProgram)
  }

  @Test func idObjectsMayBeFlattenedAndEntriesIncomplete() throws {
    let answer = try decode(
      """
      {"authorizer_info": {"service_type_info": 2, "verify_type_info": "0",
        "MiniProgramInfo": {}},
       "authorization_info": {"func_info": [null, {}, {"funcscope_category": null},
        {"funcscope_category": {}}, {"funcscope_category": {"id": 17}}, {"funcscope_category": 30}]}}
      """)
    let info = AuthorizerInfo(appid: "wx1", response: answer)
    #expect(info.serviceType == 2)
    #expect(info.verifyType == 0)
    #expect(info.isMiniProgram)
    #expect(info.funcscopeIDs == [17, 30])
  }

  @Test func aWrongTypeIsADecodingError() {
    #expect(throws: DecodingError.self) {
      try decode(#"{"authorizer_info": {"account_status": "banned"}}"#)
    }
  }

  @Test func theRequestNamesBothAppids() throws {
    let body = try JSONEncoder().encode(
      AuthorizerInfoRequest(componentAppID: "wxcomponent", authorizerAppID: "wxapp"))
    let object = try JSONSerialization.jsonObject(with: body) as? [String: String]
    #expect(object == ["component_appid": "wxcomponent", "authorizer_appid": "wxapp"])
  }
}
