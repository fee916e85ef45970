import Testing

@testable import TCBQCore

/// A failure a read retries, as a script step.
enum RetryableFailure: String, CaseIterable, Sendable, CustomTestStringConvertible {
  case busy, systemError, http502, http503, timeout, refused, reset, undecodable, truncated

  func respond() throws -> TransportResponse {
    switch self {
    case .busy: return Wire.error(-1, "system error")
    case .systemError: return Wire.error(-1000, "system error")
    case .http502: return Wire.json("<html>bad gateway</html>", status: 502)
    case .http503: return Wire.json("", status: 503)
    case .timeout: throw TransportError.timeout
    case .refused: throw TransportError.connectionRefused
    case .reset: throw TransportError.connectionFailed("connection reset by peer")
    case .undecodable: return Wire.json("<html>proxy</html>")
    case .truncated: return Wire.json(#"{"errcode": 0, "relation_data": [{"appid": "wx"#)
    }
  }

  var testDescription: String { rawValue }
}

@Suite struct RetryTests {
  @Test(arguments: RetryableFailure.allCases)
  func readsRetryEachRetryableFailure(failure: RetryableFailure) async throws {
    let transport = FakeTransport { request, call in
      if call <= 2 { return try failure.respond() }
      return Wire.shares(for: request)
    }
    let client = makeClient(transport)
    let result = try await client.sharedEnvs(of: ["wx1", "wx2"])
    #expect(transport.requests.count == 3)
    #expect(result.failures.isEmpty)
    #expect(
      result.relations == [
        .init(appid: "wx1", envIDs: ["env-wx1"]), .init(appid: "wx2", envIDs: ["env-wx2"]),
      ])
    let entry = client.ledger.snapshot()[WeChatPath.batchGetEnvID]
    #expect(entry?.calls == 3)
    #expect(entry?.retries == 2)
  }

  @Test(arguments: RetryableFailure.allCases)
  func retriesStopAtMaxAttemptsAndTheBatchFails(failure: RetryableFailure) async throws {
    let transport = FakeTransport { _, _ in try failure.respond() }
    let client = makeClient(transport, maxAttempts: 4)
    let result = try await client.sharedEnvs(of: ["wx1", "wx2", "wx3"])
    #expect(transport.requests.count == 4)
    #expect(result.relations.isEmpty)
    #expect(result.failures.map(\.appid) == ["wx1", "wx2", "wx3"])
    #expect(result.failures.allSatisfy { !$0.errmsg.isEmpty })
  }

  @Test func busyFailureCarriesErrcodeAndRid() async throws {
    let transport = FakeTransport { _, _ in Wire.error(-1, "system error rid: aaaa-bbbb-cccc") }
    let client = makeClient(transport, maxAttempts: 2)
    let result = try await client.sharedEnvs(of: ["wx1"])
    #expect(
      result.failures == [
        AppFailure(
          appid: "wx1", errcode: -1,
          errmsg: "system error",
          rid: "aaaa-bbbb-cccc")
      ])
  }

  @Test func totalRetryTimeIsBounded() async throws {
    let transport = FakeTransport { _, _ in Wire.error(-1) }
    let client = makeClient(transport, maxAttempts: 10) { configuration in
      configuration.baseDelay = .seconds(5)
      configuration.maxDelay = .seconds(5)
      configuration.maxRetryTime = .milliseconds(100)
    }
    let result = try await client.sharedEnvs(of: ["wx1"])
    // The first backoff (2.5 s to 5 s) already exceeds the 100 ms bound: no retry.
    #expect(transport.requests.count == 1)
    #expect(result.failures.first?.errcode == -1)
  }

  @Test(arguments: [40101, 43002, 44002, 47001, 85088] as [Int64])
  func otherErrcodesAreNotRetried(errcode: Int64) async throws {
    let transport = FakeTransport { _, _ in Wire.error(errcode, "nope") }
    let client = makeClient(transport)
    let result = try await client.sharedEnvs(of: ["wx1", "wx2"])
    #expect(transport.requests.count == 1)
    #expect(result.failures.map(\.errcode) == [errcode, errcode])
    await #expect(throws: APIError.self) { try await client.describeEnvs() }
    #expect(transport.requests.count == 2)
  }

  @Test func http404WithoutErrcodeIsNotRetried() async throws {
    let transport = FakeTransport { _, _ in Wire.json("not found", status: 404) }
    let client = makeClient(transport)
    await #expect(throws: TransportError.httpStatus(404)) { try await client.describeEnvs() }
    #expect(transport.requests.count == 1)
  }

  @Test func errcodeInANon200BodyIsAnAPIError() async throws {
    let transport = FakeTransport { _, _ in Wire.error(47001, "data format error", status: 400) }
    let client = makeClient(transport)
    let error = await #expect(throws: APIError.self) { try await client.describeEnvs() }
    #expect(error?.errcode == 47001)
  }

  @Test func aTransportIgnoringTheTimeoutIsCutOffByTheClient() async throws {
    let transport = FakeTransport { request, call in
      if call == 1 { try await Task.sleep(for: .seconds(30)) }
      return Wire.shares(for: request)
    }
    let client = makeClient(transport, timeout: .milliseconds(50))
    let result = try await client.sharedEnvs(of: ["wx1"])
    #expect(transport.requests.count == 2)
    #expect(result.relations.first?.envIDs == ["env-wx1"])
  }
}
