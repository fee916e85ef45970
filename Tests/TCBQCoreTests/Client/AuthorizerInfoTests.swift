import Foundation
import Synchronization
import Testing

@testable import TCBQCore

/// The request of an api_get_authorizer_info call.
private func infoRequest(_ request: TransportRequest) throws -> AuthorizerInfoRequest {
  try JSONDecoder().decode(AuthorizerInfoRequest.self, from: Data(request.body))
}

/// An answer naming `appid` `nick-<appid>`, a mini program granting 18 and 49.
private func infoAnswer(_ appid: String) -> TransportResponse {
  Wire.json(
    """
    {"authorizer_info": {"nick_name": "nick-\(appid)", "user_name": "gh_000000000001",
      "principal_name": "深圳市云栈科技有限公司", "account_status": 1, "MiniProgramInfo": {}},
     "authorization_info": {"authorizer_appid": "\(appid)",
      "func_info": [{"funcscope_category": {"id": 18}}, {"funcscope_category": {"id": 49}}]}}
    """)
}

/// A service answering every appid, after `delay(appid)`; `answer` may replace the answer.
private func infoService(
  delay: @escaping @Sendable (String) -> Duration = { _ in .zero },
  answer: @escaping @Sendable (String, Int) throws -> TransportResponse? = { _, _ in nil }
) -> FakeTransport {
  let attempts = Mutex([String: Int]())
  return FakeTransport { request, _ in
    let appid = try infoRequest(request).authorizerAppID
    let attempt = attempts.withLock { attempts -> Int in
      attempts[appid, default: 0] += 1
      return attempts[appid]!
    }
    let wait = delay(appid)
    if wait > .zero { try await Task.sleep(for: wait) }
    return try answer(appid, attempt) ?? infoAnswer(appid)
  }
}

@Suite struct AuthorizerInfoTests {
  @Test func infosComeInInputOrderEachAppidAskedOnce() async throws {
    // Later appids answer sooner, so the answers arrive out of order.
    let transport = infoService(delay: { .milliseconds(Int($0.dropFirst(5))! % 4 * 5) })
    let client = makeClient(transport, concurrency: 4)
    let asked = ["wxapp3", "wxapp1", "wxapp3", "wxapp2", "wxapp0", "wxapp1"]
    let result = try await client.authorizerInfo(of: asked)
    #expect(result.failures.isEmpty)
    #expect(result.infos.map(\.appid) == ["wxapp3", "wxapp1", "wxapp2", "wxapp0"])
    #expect(
      result.infos.map(\.nickName) == ["nick-wxapp3", "nick-wxapp1", "nick-wxapp2", "nick-wxapp0"])
    #expect(result.infos.allSatisfy { $0.isMiniProgram && $0.grantsCloudDevelopment })
    let requests = try transport.requests.map(infoRequest)
    #expect(requests.map(\.authorizerAppID).sorted() == ["wxapp0", "wxapp1", "wxapp2", "wxapp3"])
    #expect(requests.allSatisfy { $0.componentAppID == "wxcomponent" })
    #expect(transport.requests.allSatisfy { $0.path == WeChatPath.authorizerInfo })
    #expect(transport.requests.allSatisfy { Wire.token(of: $0) == "T0KEN-SECRET" })
    #expect(client.ledger.snapshot()[WeChatPath.authorizerInfo]?.calls == 4)
  }

  @Test(arguments: [1, 3, 8])
  func atMostConcurrencyCallsInFlight(concurrency: Int) async throws {
    let transport = infoService(delay: { _ in .milliseconds(20) })
    let client = makeClient(transport, concurrency: concurrency)
    let result = try await client.authorizerInfo(of: appids(12))
    #expect(result.infos.count == 12)
    #expect(transport.maxInFlight <= concurrency)
    #expect(transport.maxInFlight >= min(concurrency, 2))
  }

  @Test func notAuthorizedAndInvalidAppidsAreAnsweredFailures() async throws {
    let transport = infoService(answer: { appid, _ in
      switch appid {
      case "wxgone": Wire.error(61003, "component is not authorized by this account rid: a-b-c")
      case "wxbad": Wire.error(40013, "invalid appid")
      default: nil
      }
    })
    let client = makeClient(transport, concurrency: 2)
    let result = try await client.authorizerInfo(of: ["wxgone", "wx1", "wxbad", "wx2"])
    #expect(result.infos.map(\.appid) == ["wx1", "wx2"])
    #expect(result.failures.map(\.appid) == ["wxgone", "wxbad"])
    #expect(result.failures.map(\.errcode) == [61003, 40013])
    #expect(result.failures.allSatisfy { $0.answered })
    #expect(result.failures.first?.errmsg == "component is not authorized by this account")
    #expect(result.failures.first?.rid == "a-b-c")
    let texts = result.failures.map(\.description)
    #expect(texts[0].contains("has not authorized the component"))
    #expect(texts[1].contains("invalid appid"))
    // The service's own answer: not asked again.
    #expect(transport.requests.count == 4)
    #expect(client.ledger.snapshot()[WeChatPath.authorizerInfo]?.retries == 0)
  }

  @Test func busyAnswersAreRetried() async throws {
    let transport = infoService(answer: { _, attempt in
      attempt == 1 ? Wire.error(-1, "system error") : nil
    })
    let client = makeClient(transport, concurrency: 2)
    let result = try await client.authorizerInfo(of: ["wx1", "wx2", "wx3"])
    #expect(result.infos.map(\.appid) == ["wx1", "wx2", "wx3"])
    #expect(result.failures.isEmpty)
    let entry = client.ledger.snapshot()[WeChatPath.authorizerInfo]
    #expect(entry?.calls == 6)
    #expect(entry?.retries == 3)
  }

  @Test func anAppStillBusyAfterRetriesIsAFailureNotAnswered() async throws {
    let transport = infoService(answer: { appid, _ in
      appid == "wx2" ? Wire.error(-1, "system error rid: 1-2-3") : nil
    })
    let client = makeClient(transport, maxAttempts: 3)
    let result = try await client.authorizerInfo(of: ["wx1", "wx2", "wx3"])
    #expect(result.infos.map(\.appid) == ["wx1", "wx3"])
    let failure = try #require(result.failures.first)
    #expect(failure.appid == "wx2")
    #expect(failure.errcode == -1)
    #expect(!failure.answered)
    #expect(failure.shareErrorKind == .failed)
    #expect(transport.requests.count == 5)
  }

  @Test func theStatementBudgetStopsTheCalls() async throws {
    let transport = infoService()
    let client = makeClient(transport)
    let error = await #expect(throws: ClientError.self) {
      try await client.withStatement(maxCalls: 3) {
        try await client.authorizerInfo(of: appids(5))
      }
    }
    #expect(error == .budgetExceeded(count: 3, limit: 3))
    #expect(transport.requests.count == 3)
  }

  @Test func quotaExhaustionStopsTheEndpoint() async throws {
    let transport = infoService(answer: { appid, _ in
      appid == "wx2" ? Wire.error(45009, "reach max api daily quota limit") : nil
    })
    let client = makeClient(transport, concurrency: 1)
    let result = try await client.authorizerInfo(of: ["wx1", "wx2", "wx3", "wx4"])
    #expect(result.infos.map(\.appid) == ["wx1"])
    #expect(result.failures.map(\.appid) == ["wx2", "wx3", "wx4"])
    #expect(result.failures.allSatisfy { $0.errcode == 45009 && !$0.answered })
    #expect(transport.requests.count == 2)
  }

  @Test func aRejectedStaticTokenIsThrown() async throws {
    let transport = infoService(answer: { _, _ in Wire.error(40014, "invalid access_token") })
    let client = makeClient(transport)
    let error = await #expect(throws: ClientError.self) {
      try await client.authorizerInfo(of: ["wx1", "wx2"])
    }
    #expect(error == .staticTokenRejected(errcode: 40014))
  }

  @Test func needsTheComponentAppID() async throws {
    let transport = infoService()
    let client = makeClient(transport, componentAppID: nil)
    let error = await #expect(throws: ClientError.self) {
      try await client.authorizerInfo(of: ["wx1"])
    }
    #expect(error == .componentAppIDRequired(path: WeChatPath.authorizerInfo))
    #expect(transport.requests.isEmpty)
  }

  @Test func noAppidsNoCalls() async throws {
    let transport = infoService()
    let client = makeClient(transport)
    let result = try await client.authorizerInfo(of: [])
    #expect(result == AuthorizerInfoResult(infos: [], failures: []))
    #expect(transport.requests.isEmpty)
    #expect(client.estimatedAuthorizerInfoCalls(appCount: 0) == 0)
    #expect(client.estimatedAuthorizerInfoCalls(appCount: 7) == 7)
  }

  @Test func progressCountsCallsAndRows() async throws {
    let reports = Mutex([CallProgress]())
    let transport = infoService(answer: { appid, _ in appid == "wx2" ? Wire.error(61003, "no") : nil
    })
    let client = makeClient(transport, concurrency: 2) { configuration in
      configuration.progress = { progress in reports.withLock { $0.append(progress) } }
    }
    _ = try await client.authorizerInfo(of: ["wx1", "wx2", "wx3"])
    let seen = reports.withLock { $0 }
    #expect(seen.map(\.callsDone) == [1, 2, 3])
    #expect(seen.allSatisfy { $0.path == WeChatPath.authorizerInfo && $0.callsTotal == 3 })
    #expect(seen.last?.rows == 2)
  }
}
