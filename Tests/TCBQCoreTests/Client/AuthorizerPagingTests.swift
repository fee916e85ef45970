import Foundation
import Synchronization
import Testing

@testable import TCBQCore

/// A service with `total` authorizers, paging as api_get_authorizer_list does; it announces
/// `announced` (default: the real total) as `total_count`, and each call waits `delay`.
/// `shares` answers batchgetenvid calls.
private func authorizerService(
  total: Int, announced: Int? = nil, delay: Duration = .zero,
  list: @escaping @Sendable (Range<Int>) -> [String] = { $0.map { "wxapp\($0)" } }
) -> FakeTransport {
  FakeTransport { request, _ in
    if delay > .zero { try await Task.sleep(for: delay) }
    if request.path == WeChatPath.batchGetEnvID { return Wire.shares(for: request) }
    let page = try JSONDecoder().decode(AuthorizerListRequest.self, from: Data(request.body))
    let range = min(page.offset, total)..<min(total, page.offset + page.count)
    let items = zip(range, list(range)).map {
      AuthorizerListResponse.Item(authorizerAppID: $1, authTime: 1_700_000_000 + Int64($0))
    }
    return Wire.encoded(
      AuthorizerListResponse(totalCount: Int64(announced ?? total), list: items))
  }
}

private func pages(of transport: FakeTransport) throws -> [AuthorizerListRequest] {
  try transport.requests.map {
    try JSONDecoder().decode(AuthorizerListRequest.self, from: Data($0.body))
  }
}

@Suite struct AuthorizerPagingTests {
  @Test func pagesUntilAShortPage() async throws {
    let transport = authorizerService(total: 1001)
    let client = makeClient(transport)
    let apps = try await client.authorizers()
    #expect(apps.count == 1001)
    #expect(apps.first == Authorizer(appid: "wxapp0", authTime: 1_700_000_000))
    #expect(apps.last?.appid == "wxapp1000")
    #expect(try pages(of: transport).map(\.offset).sorted() == [0, 500, 1000])
    #expect(
      try pages(of: transport).allSatisfy { $0.count == 500 && $0.componentAppID == "wxcomponent" })
    #expect(client.ledger.snapshot()[WeChatPath.authorizerList]?.calls == 3)
  }

  @Test(arguments: [(0, 1), (4, 1), (5, 2), (12, 3)])
  func pageSizeIsASetting(total: Int, expectedCalls: Int) async throws {
    let transport = authorizerService(total: total)
    let client = makeClient(transport, authorizerPageSize: 5)
    #expect(try await client.authorizers().count == total)
    #expect(transport.requests.count == expectedCalls)
    #expect(client.estimatedAuthorizerCalls(appCount: total) == expectedCalls)
  }

  @Test func needsTheComponentAppID() async throws {
    let transport = authorizerService(total: 3)
    let client = makeClient(transport, componentAppID: nil)
    let error = await #expect(throws: ClientError.self) { try await client.authorizers() }
    #expect(error == .componentAppIDRequired(path: WeChatPath.authorizerList))
    #expect(
      error?.description.hasPrefix("component appid required for api_get_authorizer_list") == true)
    #expect(transport.requests.isEmpty)
  }

  @Test func pagesAfterTheFirstAreAskedConcurrently() async throws {
    let transport = authorizerService(total: 4_000, delay: .milliseconds(20))
    let client = makeClient(transport, concurrency: 4)
    let apps = try await client.authorizers()
    #expect(apps.map(\.appid) == (0..<4_000).map { "wxapp\($0)" })
    #expect(
      try pages(of: transport).map(\.offset).sorted()
        == Array(stride(from: 0, through: 4_000, by: 500)))
    #expect(try pages(of: transport).first?.offset == 0)
    #expect(transport.maxInFlight == 4)
    #expect(client.estimatedAuthorizerCalls(appCount: 4_000) == transport.requests.count)
  }

  @Test func aStaleTotalCountStillReadsEveryPage() async throws {
    // total_count says 1000, the list holds 1600: the full page at 1000 asks for the next one.
    let transport = authorizerService(total: 1_600, announced: 1_000)
    let client = makeClient(transport, concurrency: 8)
    #expect(try await client.authorizers().count == 1_600)
    #expect(try pages(of: transport).map(\.offset).sorted() == [0, 500, 1000, 1500])
  }

  @Test func aShortPageEndsTheWalk() async throws {
    // total_count says 3000 but the list holds 700: one page in flight at a time, so the short
    // page at 500 stops the walk before the planned pages after it are sent.
    let transport = authorizerService(total: 700, announced: 3_000)
    let client = makeClient(transport, concurrency: 1)
    #expect(try await client.authorizers().count == 700)
    #expect(try pages(of: transport).map(\.offset) == [0, 500])
  }

  @Test func anAppidListedTwiceCountsOnce() async throws {
    // The list shifted during the walk: page 500 starts with the last appid of page 0.
    let transport = authorizerService(total: 1_200) { range in
      range.map { "wxapp\($0 == 500 ? 499 : $0)" }
    }
    let client = makeClient(transport, concurrency: 3)
    let apps = try await client.authorizers()
    #expect(apps.count == 1_199)
    #expect(Set(apps.map(\.appid)).count == 1_199)
    #expect(apps[499] == Authorizer(appid: "wxapp499", authTime: 1_700_000_499))
  }

  @Test(arguments: [1, 5, 16])
  func sharesOfTheListAreThoseOfTheSequentialCalls(concurrency: Int) async throws {
    let pipelined = authorizerService(total: 2_345, delay: .milliseconds(2))
    let client = makeClient(pipelined, batchSize: 100, concurrency: concurrency)
    let walk = try await client.authorizersWithShares()

    let sequential = authorizerService(total: 2_345)
    let other = makeClient(sequential, batchSize: 100, concurrency: concurrency)
    let apps = try await other.authorizers()
    let shares = try await other.sharedEnvs(of: apps.map(\.appid))

    #expect(walk.authorizers == apps)
    #expect(walk.shares == shares)
    #expect(pipelined.maxInFlight <= concurrency)
    let batches = pipelined.requests(to: WeChatPath.batchGetEnvID)
    #expect(batches.count == client.estimatedShareCalls(appCount: 2_345))
    #expect(batches.map { Wire.appids(of: $0).count }.sorted().first == 45)
    #expect(
      pipelined.requests(to: WeChatPath.authorizerList).count
        == client.estimatedAuthorizerCalls(appCount: 2_345))
  }

  @Test func batchesStartWhilePagesAreStillInFlight() async throws {
    // Counts the pages in flight whenever a batch is sent.
    let pagesInFlight = Mutex((now: 0, seenByABatch: 0))
    let transport = FakeTransport { request, _ in
      if request.path == WeChatPath.batchGetEnvID {
        pagesInFlight.withLock { $0.seenByABatch = max($0.seenByABatch, $0.now) }
        try await Task.sleep(for: .milliseconds(5))
        return Wire.shares(for: request)
      }
      pagesInFlight.withLock { $0.now += 1 }
      defer { pagesInFlight.withLock { $0.now -= 1 } }
      try await Task.sleep(for: .milliseconds(40))
      let page = try JSONDecoder().decode(AuthorizerListRequest.self, from: Data(request.body))
      let items = (page.offset..<min(5_000, page.offset + page.count)).map {
        AuthorizerListResponse.Item(authorizerAppID: "wxapp\($0)", authTime: nil)
      }
      return Wire.encoded(AuthorizerListResponse(totalCount: 5_000, list: items))
    }
    let client = makeClient(transport, batchSize: 100, concurrency: 4)
    let walk = try await client.authorizersWithShares()
    #expect(walk.shares.relations.count == 5_000)
    #expect(pagesInFlight.withLock { $0.seenByABatch } > 0)
    #expect(transport.maxInFlight == 4)
  }
}
