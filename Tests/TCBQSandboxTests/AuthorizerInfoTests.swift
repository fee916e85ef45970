import Foundation
import TCBQCore
import Testing

@testable import TCBQSandbox

extension SandboxCall {
  static let infoPath = "/cgi-bin/component/api_get_authorizer_info"

  /// api_get_authorizer_info for `appid` as the default component.
  func info(_ appid: String) -> Answer {
    json(
      Self.infoPath,
      #"{"component_appid":"wx0123456789abcdef","authorizer_appid":"\#(appid)"}"#)
  }
}

extension Answer {
  var authorizer: [String: Any] { object["authorizer_info"] as? [String: Any] ?? [:] }
  var authorization: [String: Any] { object["authorization_info"] as? [String: Any] ?? [:] }
  var funcscopeIDs: [Int] {
    (authorization["func_info"] as? [[String: Any]] ?? []).compactMap {
      ($0["funcscope_category"] as? [String: Any])?["id"] as? Int
    }
  }
  var isMiniProgram: Bool { authorizer["MiniProgramInfo"] != nil }
  func id(_ key: String) -> Int? { (authorizer[key] as? [String: Any])?["id"] as? Int }
}

@Suite struct SandboxAuthorizerInfoTests {
  @Test func answersWhoAMiniProgramIs() {
    let answer = SandboxCall().info(DefaultDataset.appSharingThree)
    #expect(answer.status == 200)
    #expect(answer.object["errcode"] == nil)
    #expect(answer.authorizer["nick_name"] as? String == "云栈商城")
    #expect(answer.authorizer["principal_name"] as? String == "深圳市云栈科技有限公司")
    #expect(answer.authorizer["signature"] as? String == "云栈官方商城，正品直供")
    let userName = answer.authorizer["user_name"] as? String ?? ""
    #expect(userName.range(of: #"^gh_[0-9a-f]{12}$"#, options: .regularExpression) != nil)
    #expect((answer.authorizer["head_img"] as? String)?.hasPrefix("http://wx.qlogo.cn/") == true)
    #expect(answer.id("service_type_info") == 0)
    #expect(answer.id("verify_type_info") == 0)
    #expect(answer.authorizer["account_status"] as? Int == 1)
    #expect(answer.isMiniProgram)
    #expect(answer.funcscopeIDs == [17, 18, 19, 30, 49])
    #expect(answer.authorization["authorizer_appid"] as? String == DefaultDataset.appSharingThree)
    #expect(
      (answer.authorization["authorizer_refresh_token"] as? String)?.hasPrefix("refreshtoken@@@")
        == true)
  }

  @Test func officialAccountsHaveNoMiniProgramInfoNorCloudDevelopment() {
    let call = SandboxCall()
    let account = call.info(DefaultDataset.officialAccount)
    #expect(account.authorizer["nick_name"] as? String == "云栈科技")
    #expect(!account.isMiniProgram)
    #expect(account.id("service_type_info") == 2)
    #expect(account.authorizer["alias"] as? String == "yunzhan_tech")
    #expect(!account.funcscopeIDs.contains(49))
    let unverified = call.info(DefaultDataset.unverifiedAccount)
    #expect(unverified.id("verify_type_info") == -1)
    #expect(!unverified.isMiniProgram)
  }

  @Test func bannedFrozenAndOtherPrincipals() {
    let call = SandboxCall()
    #expect(call.info(DefaultDataset.bannedApp).authorizer["account_status"] as? Int == 16)
    #expect(call.info(DefaultDataset.frozenApp).authorizer["account_status"] as? Int == 19)
    #expect(
      call.info(DefaultDataset.appOfOtherPrincipal).authorizer["principal_name"] as? String
        == "广州市示例餐饮有限公司")
    let withoutPrivilege = call.info(DefaultDataset.appWithoutPrivilege)
    #expect(withoutPrivilege.isMiniProgram)
    #expect(withoutPrivilege.funcscopeIDs.contains(18))
    #expect(!withoutPrivilege.funcscopeIDs.contains(49))
  }

  /// MiniProgramInfo and the cloud development set agree with what batchgetenvid answers.
  @Test(arguments: [SandboxConfiguration(), SandboxConfiguration(seed: 11, envs: 5, apps: 300)])
  func agreesWithBatchGetEnvID(configuration: SandboxConfiguration) {
    let call = SandboxCall(configuration)
    let apps = configuration.makeDataset().apps
    let shares = call.getEnvIDs(apps.map(\.appid))
    let errmsgs = Dictionary(
      uniqueKeysWithValues: shares.array("err_list").map {
        ($0["appid"] as? String ?? "", $0["errmsg"] as? String ?? "")
      })
    var nickNames = Set<String>()
    for app in apps {
      let info = call.info(app.appid)
      #expect(info.isMiniProgram == (errmsgs[app.appid] != "appid is not a mini program"))
      #expect(
        (info.isMiniProgram && !info.funcscopeIDs.contains(49))
          == (errmsgs[app.appid] == "no qbase privilege"))
      #expect(info.isMiniProgram == (app.kind == .miniProgram))
      #expect(info.authorizer["principal_name"] as? String == app.principal)
      #expect(
        info.isMiniProgram ? info.id("service_type_info") == 0 : info.funcscopeIDs.contains(1))
      nickNames.insert(info.authorizer["nick_name"] as? String ?? "")
    }
    #expect(nickNames.allSatisfy { name in name.unicodeScalars.contains { $0.value >= 0x4E00 } })
    #expect(nickNames.count > apps.count / 2)
  }

  @Test func generatedAppsVaryAsRealOnesDo() {
    let dataset = SandboxGenerator.dataset(seed: 3, envs: 1, apps: 3_000)
    let infos = dataset.apps.map { SandboxGenerator.info(for: $0) }
    let statuses = Dictionary(grouping: infos, by: \.accountStatus).mapValues(\.count)
    #expect(Set(statuses.keys) == [1, 16, 19])
    #expect((40...150).contains(statuses[16] ?? 0))
    #expect((40...150).contains(statuses[19] ?? 0))
    #expect(infos.contains { $0.verifyType == -1 })
    #expect(infos.allSatisfy { $0.funcscopeIDs.contains(18) || $0.funcscopeIDs.contains(1) })
    let accounts = zip(dataset.apps, infos).filter { $0.0.kind == .officialAccount }.map(\.1)
    #expect(!accounts.isEmpty)
    #expect(accounts.allSatisfy { !$0.alias.isEmpty })
    #expect(Set(accounts.map(\.serviceType)) == [0, 1, 2])
    // Several apps per principal, and more than one principal besides the provider's.
    let perPrincipal = Dictionary(grouping: dataset.apps, by: \.principal).mapValues(\.count)
    #expect(perPrincipal.count > 3)
    #expect(perPrincipal.values.filter { $0 >= 5 }.count > 3)
  }

  @Test func sameSeedSameAnswersOtherSeedOtherNames() {
    let configuration = SandboxConfiguration(seed: 7, envs: 3, apps: 60)
    let first = SandboxCall(configuration), second = SandboxCall(configuration)
    let apps = configuration.makeDataset().apps.map(\.appid)
    #expect(apps.map { first.info($0).bytes } == apps.map { second.info($0).bytes })
    let other = SandboxConfiguration(seed: 8, envs: 3, apps: 60)
    let otherCall = SandboxCall(other)
    let names = { (call: SandboxCall, appids: [String]) in
      appids.map { call.info($0).authorizer["nick_name"] as? String ?? "" }
    }
    #expect(names(first, apps) != names(otherCall, other.makeDataset().apps.map(\.appid)))
  }

  /// A request body with these members (nil: absent; strings quoted, others as given).
  static func body(component: String? = "\"wx0123456789abcdef\"", appid: String?) -> String {
    let members = [("component_appid", component), ("authorizer_appid", appid)]
    return "{"
      + members.compactMap { key, value in value.map { "\"\(key)\":\($0)" } }
      .joined(separator: ",") + "}"
  }

  static let errorCases: [(String, String?, Int)] = [
    (body(appid: #""wxffffffffffffffff""#), nil, 61003),
    (body(appid: #""wx1234""#), nil, 40013),
    (body(appid: #""WX30877432D1026706""#), nil, 40013),
    (body(appid: #""wx30877432d102670g""#), nil, 40013),
    (body(appid: #""""#), nil, 40013),
    (body(appid: nil), nil, 40013),
    (body(appid: "null"), nil, 40013),
    (body(component: #""wx1111111111111111""#, appid: #""wx30877432d1026706""#), nil, 40013),
    (body(component: nil, appid: #""wx30877432d1026706""#), nil, 40101),
    (body(appid: "5"), nil, 47001),
    (body(component: "true", appid: #""wx30877432d1026706""#), nil, 47001),
    ("[]", nil, 47001),
    ("", nil, 44002),
    (body(appid: #""wx30877432d1026706""#), "", 41001),
    (body(appid: #""wx30877432d1026706""#), "x", 40014),
  ]

  @Test(arguments: errorCases)
  func refusesAsTheService(body: String, token: String?, errcode: Int) {
    var call = SandboxCall()
    if let token { call.token = token }
    let answer = call.json(SandboxCall.infoPath, body)
    #expect(answer.status == 200)
    #expect(answer.errcode == errcode)
    #expect(endsWithRID(answer.errmsg), "errmsg: \(answer.errmsg)")
    #expect(answer.object["authorizer_info"] == nil)
  }

  @Test func notAuthorizedSaysSo() {
    let answer = SandboxCall().info("wxffffffffffffffff")
    #expect(answer.errmsg.hasPrefix("component is not authorized by this account rid: "))
  }

  @Test func quotaIsCountedAndSpent() {
    let limits = SandboxQuotaLimits(defaultLimit: 10_000, perPath: [SandboxCall.infoPath: 2])
    let call = SandboxCall(SandboxConfiguration(dailyLimits: limits))
    let codes = (0..<3).map { _ in call.info(DefaultDataset.appSharingThree).errcode }
    #expect(codes == [0, 0, 45009])
    let quota = call.quota(SandboxCall.infoPath)
    #expect(quota.errcode == 0)
    #expect(quota.object["quota"] as? [String: Int] == ["daily_limit": 2, "used": 2, "remain": 0])
    #expect(call.service.quotaUsed(for: WeChatPath.authorizerInfo) == 2)
  }

  @Test func theRequestLogNamesTheAppid() {
    let call = SandboxCall()
    _ = call.info("wxffffffffffffffff")
    let record = call.service.requestLog.last
    #expect(record?.path == WeChatPath.authorizerInfo)
    #expect(record?.appids == ["wxffffffffffffffff"])
    #expect(record?.errcode == 61003)
  }

  @Test func theClientReadsTheSandbox() async throws {
    let client = WeChatClient(
      transport: InProcessTransport(), tokens: StaticTokenProvider("sandbox-token"),
      configuration: ClientConfiguration(
        concurrency: 3, componentAppID: SandboxConfiguration.defaultComponentAppID))
    let result = try await client.authorizerInfo(of: [
      DefaultDataset.appSharingThree, DefaultDataset.officialAccount, "wxffffffffffffffff",
      DefaultDataset.bannedApp, "wx-not-an-appid",
    ])
    #expect(result.infos.map(\.nickName) == ["云栈商城", "云栈科技", "云栈抽奖"])
    #expect(result.infos.map(\.isMiniProgram) == [true, false, true])
    #expect(result.infos.map(\.accountStatus) == [1, 1, 16])
    #expect(result.infos[0].grantsCloudDevelopment)
    #expect(!result.infos[1].grantsCloudDevelopment)
    #expect(result.failures.map(\.errcode) == [61003, 40013])
    #expect(result.failures.allSatisfy { $0.answered })
    #expect(!"\(result)".contains("refreshtoken@@@"))
  }
}
