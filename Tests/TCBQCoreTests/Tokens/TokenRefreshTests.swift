import Foundation
import Testing

@testable import TCBQCore

/// A service whose token endpoint mints `tok-1`, `tok-2`, … and whose batchgetenvid rejects
/// `tok-1` with `rejection`.
private func serviceRejectingFirstToken(with rejection: Int64) -> FakeTransport {
  FakeTransport { request, call in
    if request.path == WeChatPath.componentToken {
      return Wire.json(#"{"component_access_token": "tok-\#(call)", "expires_in": 7200}"#)
    }
    if Wire.token(of: request) == "tok-1" { return Wire.error(rejection, "token rejected") }
    return Wire.shares(for: request)
  }
}

private func componentTokens(_ transport: FakeTransport, ledger: CallLedger? = nil)
  -> ComponentTokenProvider
{
  ComponentTokenProvider(
    componentAppID: "wxcomponent", appSecret: "APP-SECRET", verifyTicket: "TICKET",
    transport: transport, ledger: ledger)
}

@Suite struct TokenRefreshTests {
  @Test(arguments: [40001, 40014, 42001] as [Int64])
  func componentTokenIsMintedAgainOnceAndTheCallRetried(rejection: Int64) async throws {
    let transport = serviceRejectingFirstToken(with: rejection)
    let ledger = CallLedger()
    let tokens = componentTokens(transport, ledger: ledger)
    let client = makeClient(transport, tokens: tokens, ledger: ledger)
    let result = try await client.sharedEnvs(of: ["wx1"])
    #expect(result.relations == [.init(appid: "wx1", envIDs: ["env-wx1"])])
    #expect(await tokens.mintCount == 2)
    #expect(
      transport.requests(to: WeChatPath.batchGetEnvID).compactMap(Wire.token(of:)) == [
        "tok-1", "tok-2",
      ])
    #expect(ledger.snapshot()[WeChatPath.componentToken]?.calls == 2)
    #expect(ledger.snapshot()[WeChatPath.batchGetEnvID]?.retries == 1)
  }

  @Test func aSecondRejectionIsThrownNotRetriedAgain() async throws {
    let transport = FakeTransport { request, call in
      if request.path == WeChatPath.componentToken {
        return Wire.json(#"{"component_access_token": "tok-\#(call)", "expires_in": 7200}"#)
      }
      return Wire.error(40001, "invalid credential")
    }
    let tokens = componentTokens(transport)
    let client = makeClient(transport, tokens: tokens)
    let error = await #expect(throws: APIError.self) { try await client.sharedEnvs(of: ["wx1"]) }
    #expect(error?.errcode == 40001)
    #expect(transport.requests(to: WeChatPath.batchGetEnvID).count == 2)
    #expect(await tokens.mintCount == 2)
  }

  @Test(arguments: [40001, 40014, 42001] as [Int64])
  func aStaticTokenCannotBeRefreshed(rejection: Int64) async throws {
    let transport = FakeTransport { _, _ in Wire.error(rejection, "token rejected") }
    let client = makeClient(transport, tokens: StaticTokenProvider("T0KEN-SECRET"))
    let error = await #expect(throws: ClientError.self) { try await client.describeEnvs() }
    #expect(error == .staticTokenRejected(errcode: rejection))
    #expect(error?.description.contains("\(rejection)") == true)
    #expect(error?.description.contains("T0KEN-SECRET") == false)
    #expect(transport.requests.count == 1)
  }

  @Test func staticTokenExpiryMessage() async throws {
    let transport = FakeTransport { _, _ in Wire.error(42001, "access_token expired") }
    let client = makeClient(transport)
    let error = await #expect(throws: ClientError.self) { try await client.sharedEnvs(of: ["wx1"]) }
    #expect(
      error?.description
        == "static token expired (42001): set a fresh TCBQ_ACCESS_TOKEN or configure component credentials"
    )
  }

  @Test func concurrentCallersShareOneMint() async throws {
    let transport = FakeTransport { _, call in
      try await Task.sleep(for: .milliseconds(20))
      return Wire.json(#"{"component_access_token": "tok-\#(call)", "expires_in": 7200}"#)
    }
    let tokens = componentTokens(transport)
    let values = try await withThrowingTaskGroup(of: String.self) { group in
      for _ in 0..<10 { group.addTask { try await tokens.token() } }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(Set(values) == ["tok-1"])
    #expect(transport.requests.count == 1)
    // Refreshing after a token that is no longer current returns the current one.
    #expect(try await tokens.refresh(after: "tok-0") == "tok-1")
    #expect(try await tokens.refresh(after: "tok-1") == "tok-2")
    #expect(transport.requests.count == 2)
  }

  @Test func theTokenIsMintedAgainTenMinutesBeforeExpiry() async throws {
    let clock = TestClock()
    let transport = FakeTransport { _, call in
      Wire.json(#"{"component_access_token": "tok-\#(call)", "expires_in": 7200}"#)
    }
    let tokens = ComponentTokenProvider(
      componentAppID: "wxc", appSecret: "s", verifyTicket: "t", transport: transport,
      now: { clock.now })
    #expect(try await tokens.token() == "tok-1")
    clock.advance(by: .seconds(7200 - 601))
    #expect(try await tokens.token() == "tok-1")
    clock.advance(by: .seconds(2))
    #expect(try await tokens.token() == "tok-2")
    #expect(transport.requests.count == 2)
  }

  @Test func mintRequestCarriesCredentialsInTheBodyOnly() async throws {
    let transport = FakeTransport { _, _ in
      Wire.json(#"{"component_access_token": "tok", "expires_in": 7200}"#)
    }
    _ = try await componentTokens(transport).token()
    let request = try #require(transport.requests.first)
    #expect(request.path == WeChatPath.componentToken)
    #expect(request.query.isEmpty)
    let body = try JSONDecoder().decode(ComponentTokenRequest.self, from: Data(request.body))
    #expect(
      body
        == ComponentTokenRequest(
          componentAppID: "wxcomponent", componentAppSecret: "APP-SECRET",
          componentVerifyTicket: "TICKET"))
  }

  @Test(
    arguments: [(61005, "ticket"), (61004, "whitelist"), (40125, "appsecret")] as [(Int64, String)])
  func mintErrorsAreExplained(errcode: Int64, fragment: String) async throws {
    let transport = FakeTransport { _, _ in Wire.error(errcode, "mint failed rid: 1-2-3") }
    let client = makeClient(transport, tokens: componentTokens(transport))
    let error = await #expect(throws: APIError.self) { try await client.describeEnvs() }
    #expect(error?.path == WeChatPath.componentToken)
    #expect(error?.description.contains(fragment) == true)
    #expect(error?.rid == "1-2-3")
    #expect(transport.requests(to: WeChatPath.describeCloudBaseRunEnvs).isEmpty)
  }
}

/// A settable clock for token expiry.
final class TestClock: @unchecked Sendable {
  private let lock = NSLock()
  private var instant = ContinuousClock.now

  var now: ContinuousClock.Instant {
    lock.lock()
    defer { lock.unlock() }
    return instant
  }

  func advance(by duration: Duration) {
    lock.lock()
    defer { lock.unlock() }
    instant += duration
  }
}
