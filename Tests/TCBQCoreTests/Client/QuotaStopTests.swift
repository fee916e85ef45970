import Testing

@testable import TCBQCore

@Suite struct QuotaStopTests {
  @Test func quotaExhaustionStopsTheEndpointForTheStatement() async throws {
    let transport = FakeTransport { request, call in
      if request.path == WeChatPath.batchGetEnvID, call >= 2 {
        return Wire.error(45009, "reach max api daily quota limit rid: 1111-2222-3333")
      }
      if request.path == WeChatPath.batchGetEnvID { return Wire.shares(for: request) }
      return Wire.json(#"{"env_list": []}"#)
    }
    let client = makeClient(transport, batchSize: 2, concurrency: 1)
    let ids = appids(10)
    let result = try await client.withStatement {
      let result = try await client.sharedEnvs(of: ids)
      // Another endpoint still answers within the same statement.
      _ = try await client.describeEnvs()
      // The stopped endpoint is not called again.
      let again = try await client.sharedEnvs(of: ["wxother"])
      #expect(again.failures.first?.errcode == 45009)
      return result
    }
    #expect(transport.requests(to: WeChatPath.batchGetEnvID).count == 2)
    #expect(result.relations.map(\.appid) == Array(ids[0..<2]))
    #expect(result.failures.map(\.appid) == Array(ids[2...]))
    #expect(result.failures.allSatisfy { $0.errcode == 45009 })
    #expect(result.failures.first?.rid == "1111-2222-3333")
    #expect(client.ledger.snapshot()[WeChatPath.batchGetEnvID]?.retries == 0)
  }

  @Test func aNewStatementCallsAgain() async throws {
    let transport = FakeTransport { _, _ in Wire.error(45009, "reach max api daily quota limit") }
    let client = makeClient(transport)
    let error = await #expect(throws: APIError.self) { try await client.describeEnvs() }
    #expect(error?.errcode == 45009)
    await #expect(throws: APIError.self) { try await client.describeEnvs() }
    #expect(transport.requests.count == 2)
  }

  @Test func withinAStatementOtherCallsToTheEndpointThrowUnsent() async throws {
    let transport = FakeTransport { _, _ in Wire.error(45009, "reach max api daily quota limit") }
    let client = makeClient(transport)
    await client.withStatement {
      await #expect(throws: APIError.self) { try await client.apiQuota(cgiPath: "/a") }
      let error = await #expect(throws: APIError.self) { try await client.apiQuota(cgiPath: "/b") }
      #expect(error?.errmsg.contains("not sent") == true)
    }
    #expect(transport.requests.count == 1)
  }
}
