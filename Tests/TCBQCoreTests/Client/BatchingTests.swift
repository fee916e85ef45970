import Testing

@testable import TCBQCore

@Suite struct BatchingTests {
  @Test func batchesKeepInputOrder() async throws {
    let transport = FakeTransport { request, call in
      // Later batches answer first.
      try await Task.sleep(for: .milliseconds(30 - 10 * min(call, 3)))
      return Wire.shares(for: request)
    }
    let client = makeClient(transport, batchSize: 100, concurrency: 3)
    let ids = appids(250).reversed().map { $0 }
    let result = try await client.sharedEnvs(of: ids)
    #expect(result.relations.map(\.appid) == ids)
    #expect(transport.requests.map { Wire.appids(of: $0).count }.sorted() == [50, 100, 100])
    #expect(Set(transport.requests.flatMap(Wire.appids(of:))) == Set(ids))
  }

  @Test(arguments: [1, 3, 8])
  func concurrencyIsBounded(concurrency: Int) async throws {
    let transport = FakeTransport { request, _ in
      try await Task.sleep(for: .milliseconds(15))
      return Wire.shares(for: request)
    }
    let client = makeClient(transport, batchSize: 2, concurrency: concurrency)
    let result = try await client.sharedEnvs(of: appids(40))
    #expect(transport.requests.count == 20)
    #expect(transport.maxInFlight <= concurrency)
    #expect(transport.maxInFlight >= min(concurrency, 2))
    #expect(result.relations.count == 40)
  }

  @Test func errListEntriesAreFailuresAndTheRestAreRelations() async throws {
    let transport = FakeTransport { _, _ in
      Wire.json(
        #"{"errcode": 0, "errmsg": "ok", "relation_data": [{"appid": "wx1", "env_list": ["a", "b"]}, {"appid": "wx3", "env_list": null}], "err_list": [{"appid": "wx2", "errmsg": "no qbase privilege rid: 9-9-9"}]}"#
      )
    }
    let client = makeClient(transport)
    let result = try await client.sharedEnvs(of: ["wx1", "wx2", "wx3", "wx4", "wx1"])
    #expect(transport.requests.count == 1)
    #expect(Wire.appids(of: transport.requests[0]) == ["wx1", "wx2", "wx3", "wx4"])
    #expect(
      result.relations == [
        .init(appid: "wx1", envIDs: ["a", "b"]), .init(appid: "wx3", envIDs: []),
        .init(appid: "wx4", envIDs: []),
      ])
    #expect(
      result.failures == [
        AppFailure(
          appid: "wx2", errcode: 85088, errmsg: "no qbase privilege", rid: "9-9-9", answered: true)
      ])
  }

  @Test func noAppidsNoCall() async throws {
    let transport = FakeTransport { request, _ in Wire.shares(for: request) }
    let result = try await makeClient(transport).sharedEnvs(of: [])
    #expect(result == SharesResult(relations: [], failures: []))
    #expect(transport.requests.isEmpty)
  }

  @Test func requestsCarryTheTokenInTheQueryAndJSONBody() async throws {
    let transport = FakeTransport { request, _ in Wire.shares(for: request) }
    _ = try await makeClient(transport).sharedEnvs(of: ["wx1"])
    let request = try #require(transport.requests.first)
    #expect(request.method == "POST")
    #expect(request.path == "/componenttcb/batchgetenvid")
    #expect(request.query == [.init(name: "access_token", value: "T0KEN-SECRET")])
    #expect(
      String(decoding: request.body, as: UTF8.self) == #"{"appids":["wx1"],"source_type":1}"#
        || String(decoding: request.body, as: UTF8.self) == #"{"source_type":1,"appids":["wx1"]}"#)
  }

  @Test func describeEnvsSendsAnEmptyObject() async throws {
    let transport = FakeTransport { _, _ in Wire.json(WireDecodingTests.fullEnvironment) }
    let envs = try await makeClient(transport).describeEnvs()
    #expect(envs.map(\.envID) == ["prod-3g5x"])
    #expect(String(decoding: transport.requests[0].body, as: UTF8.self) == "{}")
  }

  @Test func quotaOfOnePath() async throws {
    let transport = FakeTransport { _, _ in
      Wire.json(
        #"{"errcode": 0, "quota": {"daily_limit": 10000000000, "used": 3, "remain": 9999999997}}"#)
    }
    let quota = try await makeClient(transport).apiQuota(cgiPath: WeChatPath.batchGetEnvID)
    #expect(quota.cgiPath == WeChatPath.batchGetEnvID)
    #expect(quota.dailyLimit == 10_000_000_000 && quota.used == 3 && quota.remain == 9_999_999_997)
    #expect(transport.requests[0].path == "/cgi-bin/openapi/quota/get")
  }
}
