import Foundation
import Testing

@testable import TCBQCore

/// A service with `total` authorizers, paging as api_get_authorizer_list does.
private func authorizerService(total: Int) -> FakeTransport {
  FakeTransport { request, _ in
    let page = try JSONDecoder().decode(AuthorizerListRequest.self, from: Data(request.body))
    let upper = min(total, page.offset + page.count)
    let list = (min(page.offset, total)..<upper).map {
      AuthorizerListResponse.Item(
        authorizerAppID: "wxapp\($0)", authTime: 1_700_000_000 + Int64($0))
    }
    return Wire.encoded(AuthorizerListResponse(totalCount: Int64(total), list: list))
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
    #expect(try pages(of: transport).map(\.offset) == [0, 500, 1000])
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
}
