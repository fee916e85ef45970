import Foundation
import Testing

@testable import TCBQCore

private func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
  try JSONDecoder().decode(type, from: Data(json.utf8))
}

private func read<T: WireAnswer>(_ type: T.Type, _ json: String) throws -> T {
  try T(json: Array(json.utf8))
}

private func decode(_ type: CloudBaseRunEnv.Type, _ json: String) throws -> CloudBaseRunEnv {
  try CloudBaseRunEnv(json: Array(json.utf8))
}

/// A describecloudbaserunenvs answer read as the client reads it (streamed, here in 7-byte
/// chunks).
private func decodeEnvList(_ json: String) async throws -> [CloudBaseRunEnv] {
  let transport = FakeTransport(chunkSize: 7) { _, _ in Wire.json(json) }
  return try await makeClient(transport).describeEnvs()
}

@Suite struct WireDecodingTests {
  /// The shape of describecloudbaserunenvs in the seed documents, every field and array set.
  static let fullEnvironment = """
    {"errcode": 0, "errmsg": "ok", "env_list": [{
      "env_id": "prod-3g5x", "alias": "prod", "source": "miniapp",
      "create_time": "2021-12-16 15:06:52", "update_time": "2022-01-04 10:00:00",
      "status": "NORMAL",
      "databases": [{"instance_id": "tnt-abc", "status": "RUNNING", "region": "ap-shanghai"}],
      "storages": [{"region": "ap-shanghai", "bucket": "7072-prod", "cdn_domain": "7072.tcb.qcloud.la", "app_id": "1300000000"}],
      "functions": [{"namespace": "prod-3g5x", "region": "ap-shanghai"}],
      "package_id": "baas_1", "package_name": "basic",
      "log_services": [{"logset_name": "tcb_logset", "logset_id": "ls-1", "topic_name": "topic", "topic_id": "tp-1", "region": "ap-shanghai"}],
      "static_storages": [{"static_domain": "prod.tcloudbaseapp.com", "default_dir_name": "web", "status": "online", "region": "ap-shanghai", "bucket": "static-1"}],
      "is_auto_degrade": false, "env_channel": "wxrun", "pay_mode": "postpaid", "is_default": true,
      "region": "ap-shanghai",
      "tags": [{"key": "team", "value": "growth"}],
      "custom_log_services": [{"cls_region": "ap-guangzhou", "cls_logset_id": "cls-ls", "cls_topic_id": "cls-tp", "create_time": "2022-03-01T08:00:00Z"}]
    }]}
    """

  @Test func decodesEveryFieldOfAnEnvironment() async throws {
    let envs = try await decodeEnvList(Self.fullEnvironment)
    #expect(envs.count == 1)
    let env = try #require(envs.first)
    #expect(env.envID == "prod-3g5x")
    #expect(env.alias == "prod")
    #expect(env.source == "miniapp")
    #expect(env.createTime == "2021-12-16 15:06:52")
    #expect(env.updateTime == "2022-01-04 10:00:00")
    #expect(env.status == "NORMAL")
    #expect(
      env.databases == [.init(instanceID: "tnt-abc", status: "RUNNING", region: "ap-shanghai")])
    #expect(
      env.storages == [
        .init(
          region: "ap-shanghai", bucket: "7072-prod", cdnDomain: "7072.tcb.qcloud.la",
          appID: "1300000000")
      ])
    #expect(env.functions == [.init(namespace: "prod-3g5x", region: "ap-shanghai")])
    #expect(env.packageID == "baas_1")
    #expect(env.packageName == "basic")
    #expect(
      env.logServices == [
        .init(
          logsetName: "tcb_logset", logsetID: "ls-1", topicName: "topic", topicID: "tp-1",
          region: "ap-shanghai")
      ])
    #expect(
      env.staticStorages == [
        .init(
          staticDomain: "prod.tcloudbaseapp.com", defaultDirName: "web", status: "online",
          region: "ap-shanghai", bucket: "static-1")
      ])
    #expect(env.isAutoDegrade == false)
    #expect(env.envChannel == "wxrun")
    #expect(env.payMode == "postpaid")
    #expect(env.isDefault == true)
    #expect(env.region == "ap-shanghai")
    #expect(env.tags == [.init(key: "team", value: "growth")])
    #expect(
      env.customLogServices == [
        .init(
          clsRegion: "ap-guangzhou", clsLogsetID: "cls-ls", clsTopicID: "cls-tp",
          createTime: "2022-03-01T08:00:00Z")
      ])
  }

  @Test func encodingAnEnvironmentUsesWireKeysAndRoundTrips() async throws {
    let env = try #require(try await decodeEnvList(Self.fullEnvironment).first)
    let data = try JSONEncoder().encode(env)
    let text = String(decoding: data, as: UTF8.self)
    for key in [
      "env_id", "instance_id", "cdn_domain", "app_id", "logset_name", "static_domain",
      "default_dir_name", "cls_logset_id", "is_auto_degrade", "custom_log_services",
    ] {
      #expect(text.contains("\"\(key)\""), "missing \(key)")
    }
    #expect(try CloudBaseRunEnv(json: Array(data)) == env)
  }

  @Test(arguments: [
    #"{"env_id": "e", "databases": [], "storages": [], "tags": []}"#,
    #"{"env_id": "e", "databases": null, "storages": null, "tags": null, "functions": null}"#,
    #"{"env_id": "e"}"#,
  ])
  func emptyNullAndAbsentArraysAreEmpty(json: String) throws {
    let env = try decode(CloudBaseRunEnv.self, json)
    #expect(env.envID == "e")
    #expect(env.databases.isEmpty && env.storages.isEmpty && env.tags.isEmpty)
    #expect(env.functions.isEmpty && env.logServices.isEmpty && env.customLogServices.isEmpty)
    #expect(env.alias == nil)
  }

  @Test func numbersWhereStringsAreExpectedDecodeAsStrings() throws {
    let env = try decode(
      CloudBaseRunEnv.self,
      #"{"storages": [{"app_id": 1300000000, "bucket": "b"}], "package_id": 42}"#)
    #expect(env.storages.first?.appID == "1300000000")
    #expect(env.packageID == "42")
  }

  @Test(arguments: [("true", true), ("false", false), ("1", true), ("0", false), ("\"1\"", true)])
  func booleansAcceptZeroAndOne(json: String, expected: Bool) throws {
    let env = try decode(
      CloudBaseRunEnv.self, #"{"is_default": \#(json), "is_auto_degrade": \#(json)}"#)
    #expect(env.isDefault == expected)
    #expect(env.isAutoDegrade == expected)
  }

  @Test func aMissingErrcodeIsZero() throws {
    let answer = try read(
      BatchGetEnvIDResponse.self, #"{"relation_data": [{"appid": "wx1", "env_list": ["a"]}]}"#)
    #expect(answer.errcode == 0)
    #expect(answer.errList.isEmpty)
    #expect(try decode(WireEnvelope.self, "{}").errcode == 0)
  }

  @Test func errListEntriesWithAndWithoutEnv() throws {
    let answer = try read(
      BatchGetEnvIDResponse.self,
      #"{"errcode": 0, "relation_data": null, "err_list": [{"appid": "wx1", "errmsg": "no qbase privilege"}, {"appid": "wx2", "env": "prod", "errmsg": "x"}]}"#
    )
    #expect(answer.relationData.isEmpty)
    #expect(
      answer.errList == [
        WireAppError(appid: "wx1", errmsg: "no qbase privilege"),
        WireAppError(env: "prod", appid: "wx2", errmsg: "x"),
      ])
  }

  @Test func sixtyFourBitIntegers() throws {
    let quota = try decode(
      APIQuotaResponse.self,
      #"{"quota": {"daily_limit": 10000000000, "used": 4294967297, "remain": "5705032703"}, "rate_limit": {"call_count": 100, "refresh_second": 60}}"#
    )
    #expect(quota.quota?.dailyLimit == 10_000_000_000)
    #expect(quota.quota?.used == 4_294_967_297)
    #expect(quota.quota?.remain == 5_705_032_703)
    #expect(quota.rateLimit == .init(callCount: 100, refreshSecond: 60))
    #expect(quota.componentRateLimit == nil)
    let list = try read(
      AuthorizerListResponse.self,
      #"{"total_count": 3000000000, "list": [{"authorizer_appid": "wx1", "refresh_token": "secret", "auth_time": 1700000000123}]}"#
    )
    #expect(list.totalCount == 3_000_000_000)
    #expect(list.list == [.init(authorizerAppID: "wx1", authTime: 1_700_000_000_123)])
  }

  @Test func quotaRowFromAnswer() throws {
    let answer = try decode(
      APIQuotaResponse.self,
      #"{"errcode": 0, "quota": {"daily_limit": 100, "used": 1, "remain": 99}, "component_rate_limit": {"call_count": 5, "refresh_second": 1}}"#
    )
    let row = APIQuota(cgiPath: "/componenttcb/batchgetenvid", response: answer)
    #expect(row.dailyLimit == 100 && row.used == 1 && row.remain == 99)
    #expect(row.rateLimitCallCount == nil && row.rateLimitRefreshSecond == nil)
    #expect(row.componentRateLimitCallCount == 5 && row.componentRateLimitRefreshSecond == 1)
  }

  @Test func tokenAnswerWithoutErrcode() throws {
    let answer = try decode(
      ComponentTokenResponse.self, #"{"component_access_token": "abc", "expires_in": 7200}"#)
    #expect(answer.errcode == 0)
    #expect(answer.componentAccessToken == "abc")
    #expect(answer.expiresIn == 7200)
    #expect(!answer.description.contains("abc"))
  }

  @Test func shareAnswerWithLinks() throws {
    let answer = try read(
      BatchShareEnvResponse.self,
      #"{"errcode": 0, "errmsg": "ok", "err_list": [{"env": "e", "appid": "wx2", "errmsg": "not same principal"}], "msg_info_list": [{"appid": "wx1", "url": "https://example/confirm"}]}"#
    )
    #expect(answer.errList.first?.env == "e")
    #expect(answer.msgInfoList == [.init(appid: "wx1", url: "https://example/confirm")])
  }

  /// Encoders write exactly the documented request bodies.
  @Test(arguments: [
    (
      try! JSONEncoder.sorted.encode(BatchGetEnvIDRequest(appids: ["wx1", "wx2"])),
      #"{"appids":["wx1","wx2"],"source_type":1}"#
    ),
    (
      Data(try! BatchShareEnvRequest(data: [.init(env: "e", appids: ["wx1"])]).encoded()),
      #"{"data":[{"env":"e","appids":["wx1"]}],"source_type":1}"#
    ),
    (try! JSONEncoder.sorted.encode(DescribeCloudBaseRunEnvsRequest()), "{}"),
    (
      try! JSONEncoder.sorted.encode(
        AuthorizerListRequest(componentAppID: "wxc", offset: 500, count: 500)),
      #"{"component_appid":"wxc","count":500,"offset":500}"#
    ),
    (
      try! JSONEncoder.sorted.encode(APIQuotaRequest(cgiPath: "/componenttcb/batchgetenvid")),
      #"{"cgi_path":"\/componenttcb\/batchgetenvid"}"#
    ),
    (
      try! JSONEncoder.sorted.encode(
        ComponentTokenRequest(
          componentAppID: "wxc", componentAppSecret: "s", componentVerifyTicket: "t")),
      #"{"component_appid":"wxc","component_appsecret":"s","component_verify_ticket":"t"}"#
    ),
  ])
  func requestEncoding(data: Data, expected: String) {
    #expect(String(decoding: data, as: UTF8.self) == expected)
  }

  @Test(
    arguments: [
      (
        "invalid args rid: 6543c0a5-1c5b4f12-5f0b1d93", "6543c0a5-1c5b4f12-5f0b1d93", "invalid args"
      ),
      (
        "reach max api daily quota limit, rid: 65a1-0b2c-3d4e", "65a1-0b2c-3d4e",
        "reach max api daily quota limit"
      ),
      ("ok", nil, "ok"),
      ("rid: abc-def", "abc-def", ""),
      ("the rid: field is odd here", nil, "the rid: field is odd here"),
    ] as [(String, String?, String)])
  func ridExtraction(errmsg: String, rid: String?, message: String) {
    let error = APIError(path: WeChatPath.batchGetEnvID, errcode: 40097, errmsg: errmsg)
    #expect(error.rid == rid)
    #expect(error.message == message)
  }
}

extension JSONEncoder {
  static var sorted: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return encoder
  }
}
