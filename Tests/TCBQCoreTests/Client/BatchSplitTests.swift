import Testing

@testable import TCBQCore

@Suite struct BatchSplitTests {
  /// A service that answers 40097 to more than `limit` appids.
  static func limited(to limit: Int) -> FakeTransport {
    FakeTransport { request, _ in
      Wire.appids(of: request).count > limit
        ? Wire.error(40097, "invalid args rid: 0a-0b-0c") : Wire.shares(for: request)
    }
  }

  @Test func splittingFindsALimitOfThree() async throws {
    let transport = Self.limited(to: 3)
    let client = makeClient(transport, batchSize: 10, concurrency: 1)
    let ids = appids(30)
    let result = try await client.sharedEnvs(of: ids)
    #expect(result.failures.isEmpty)
    #expect(result.relations.map(\.appid) == ids)
    #expect(result.relations.allSatisfy { $0.envIDs == ["env-\($0.appid)"] })
    #expect(client.discoveredBatchLimit == 3)
    #expect(client.effectiveBatchSize == 3)
    // 10 → 5 → 3 + 2, 5 → 3 + 2; then the remaining 20 appids in batches of at most 3.
    let sizes = transport.requests.map { Wire.appids(of: $0).count }
    #expect(Array(sizes.prefix(7)) == [10, 5, 3, 2, 5, 3, 2])
    #expect(sizes.dropFirst(7).allSatisfy { $0 <= 3 })
    #expect(sizes.dropFirst(7).reduce(0, +) == 20)
  }

  @Test func theLimitIsRememberedForLaterStatements() async throws {
    let transport = Self.limited(to: 3)
    let client = makeClient(transport, batchSize: 10, concurrency: 1)
    _ = try await client.sharedEnvs(of: appids(10))
    let before = transport.requests.count
    _ = try await client.sharedEnvs(of: appids(6))
    #expect(transport.requests.dropFirst(before).map { Wire.appids(of: $0).count } == [3, 3])
    #expect(client.estimatedShareCalls(appCount: 7) == 3)
  }

  @Test func aSingleAppidAnswering40097IsAFailure() async throws {
    let transport = FakeTransport { request, _ in
      Wire.appids(of: request).contains("bad")
        ? Wire.error(40097, "invalid args") : Wire.shares(for: request)
    }
    let client = makeClient(transport, batchSize: 4)
    let result = try await client.sharedEnvs(of: ["wx1", "bad", "wx3", "wx4"])
    #expect(result.failures.map(\.appid) == ["bad"])
    #expect(result.failures.first?.errcode == 40097)
    #expect(result.relations.map(\.appid) == ["wx1", "wx3", "wx4"])
  }
}
