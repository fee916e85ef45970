import Testing

@testable import TCBQCore

@Suite struct CancellationTests {
  @Test func cancellingStopsInFlightCallsAndSendsNoMore() async throws {
    let transport = FakeTransport { request, _ in
      try await Task.sleep(for: .seconds(60))
      return Wire.shares(for: request)
    }
    let client = makeClient(transport, batchSize: 1, concurrency: 2, timeout: .seconds(120))
    let task = Task { try await client.sharedEnvs(of: appids(10)) }
    while transport.requests.count < 2 { try await Task.sleep(for: .milliseconds(5)) }
    task.cancel()
    let result = await task.result
    #expect(throws: CancellationError.self) { try result.get() }
    #expect(transport.requests.count == 2)
  }

  @Test func cancellingDuringBackoffStopsRetrying() async throws {
    let transport = FakeTransport { _, _ in Wire.error(-1) }
    let client = makeClient(transport, maxAttempts: 5) { configuration in
      configuration.baseDelay = .seconds(60)
      configuration.maxDelay = .seconds(60)
      configuration.maxRetryTime = .seconds(600)
    }
    let task = Task { try await client.describeEnvs() }
    while transport.requests.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
    task.cancel()
    let result = await task.result
    #expect(throws: CancellationError.self) { try result.get() }
    #expect(transport.requests.count == 1)
  }

  @Test func aCancelledTaskSendsNothing() async throws {
    let transport = FakeTransport { _, _ in Wire.json(#"{"env_list": []}"#) }
    let client = makeClient(transport)
    let task = Task {
      withUnsafeCurrentTask { $0?.cancel() }
      return try await client.describeEnvs()
    }
    let result = await task.result
    #expect(throws: CancellationError.self) { try result.get() }
    #expect(transport.requests.isEmpty)
  }
}
