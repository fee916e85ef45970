import Testing

@testable import TCBQCore

@Suite struct LedgerAndBudgetTests {
  @Test func formattedSummaryCountsRetriesApart() {
    let ledger = CallLedger()
    #expect(ledger.formatted == "none")
    ledger.record(path: WeChatPath.batchGetEnvID, retry: false)
    ledger.record(path: WeChatPath.authorizerList, retry: false)
    ledger.record(path: WeChatPath.batchGetEnvID, retry: false)
    ledger.record(path: WeChatPath.batchGetEnvID, retry: true)
    #expect(ledger.formatted == "batchgetenvid 3 (1 retry), api_get_authorizer_list 1")
    ledger.record(path: WeChatPath.batchGetEnvID, retry: true)
    #expect(ledger.snapshot().formatted == "batchgetenvid 4 (2 retries), api_get_authorizer_list 1")
    #expect(ledger.snapshot().totalCalls == 5)
    #expect(ledger.snapshot().totalRetries == 2)
    ledger.reset()
    #expect(ledger.snapshot().entries.isEmpty)
  }

  @Test func differenceBetweenSnapshots() {
    let ledger = CallLedger()
    ledger.record(path: WeChatPath.authorizerList, retry: false)
    let before = ledger.snapshot()
    ledger.record(path: WeChatPath.batchGetEnvID, retry: false)
    ledger.record(path: WeChatPath.batchGetEnvID, retry: true)
    let statement = ledger.snapshot().subtracting(before)
    #expect(statement.entries == [.init(path: WeChatPath.batchGetEnvID, calls: 2, retries: 1)])
    #expect(statement.formatted == "batchgetenvid 2 (1 retry)")
  }

  @Test func theClientCountsEveryCall() async throws {
    let transport = FakeTransport { request, call in
      call == 2 ? Wire.error(-1) : Wire.shares(for: request)
    }
    let client = makeClient(transport, batchSize: 2)
    _ = try await client.sharedEnvs(of: appids(5))
    #expect(client.ledger.formatted == "batchgetenvid 4 (1 retry)")
  }

  @Test func theBudgetStopsBeforeCallNPlusOne() async throws {
    let transport = FakeTransport { request, _ in Wire.shares(for: request) }
    let client = makeClient(transport, batchSize: 2, concurrency: 1)
    let error = await #expect(throws: ClientError.self) {
      try await client.withStatement(maxCalls: 3) { try await client.sharedEnvs(of: appids(10)) }
    }
    #expect(error == .budgetExceeded(count: 3, limit: 3))
    #expect(transport.requests.count == 3)
  }

  @Test func retriesSpendTheBudgetToo() async throws {
    let transport = FakeTransport { _, _ in Wire.error(-1) }
    let client = makeClient(transport, maxAttempts: 5)
    await #expect(throws: ClientError.budgetExceeded(count: 2, limit: 2)) {
      try await client.withStatement(maxCalls: 2) { try await client.describeEnvs() }
    }
    #expect(transport.requests.count == 2)
  }

  @Test func theBudgetIsPerStatement() async throws {
    let transport = FakeTransport { _, _ in Wire.json(#"{"env_list": []}"#) }
    let client = makeClient(transport)
    for _ in 0..<3 {
      _ = try await client.withStatement(maxCalls: 1) { try await client.describeEnvs() }
    }
    #expect(transport.requests.count == 3)
    await #expect(throws: ClientError.self) {
      try await client.withStatement(maxCalls: 0) { try await client.describeEnvs() }
    }
    #expect(transport.requests.count == 3)
  }

  @Test func callBudgetAlone() throws {
    let budget = CallBudget(limit: 2)
    try budget.spend()
    try budget.spend()
    #expect(throws: ClientError.budgetExceeded(count: 2, limit: 2)) { try budget.spend() }
    #expect(budget.count == 2)
    let unlimited = CallBudget(limit: nil)
    for _ in 0..<1000 { try unlimited.spend() }
    #expect(unlimited.count == 1000)
  }
}
