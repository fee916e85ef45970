import TCBQCore
import TCBQSandbox
import Testing

@testable import TCBQQuery

/// `explain` and `--max-calls` count batchgetenvid calls with the client's batch size as it is
/// now, including a per-call limit learned from 40097 answers.
@Suite struct SessionEstimateTests {
  /// The in-memory sandbox answering 40097 to more than 3 appids per call, 40 apps.
  static let sandbox = SandboxConfiguration(
    seed: 7, apps: 40, faults: SandboxFaults(maxAppidsPerCall: 3))

  let appids = Self.sandbox.makeDataset().apps.map(\.appid)

  /// A client configured for batches of 100, one call at a time, and a session over it.
  func connect(maxCalls: Int? = nil) -> (WeChatClient, Session) {
    let client = WeChatClient(
      transport: InProcessTransport(configuration: Self.sandbox),
      tokens: StaticTokenProvider(Self.sandbox.token),
      configuration: ClientConfiguration(
        batchSize: 100, concurrency: 1, componentAppID: Self.sandbox.componentAppID))
    let session = Session(
      api: client, settings: SessionSettings(maxCalls: maxCalls),
      confirmer: FixedConfirmer(answer: false), audit: AuditLog(url: nil))
    return (client, session)
  }

  func run(_ session: Session, _ text: String) async throws -> StatementResult {
    let parsed = Script.parse(text)
    #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
    return try await session.run(try #require(parsed.statements.first).statement, source: text)
  }

  func sharesQuery(_ ids: ArraySlice<String>) -> String {
    "select count(*) from shares where appid in ("
      + ids.map { "'\($0)'" }.joined(separator: ", ") + ")"
  }

  /// Runs a first query of 6 appids, whose batch of 6 is split into 3 + 3 (three calls).
  func learnTheLimit(_ client: WeChatClient, _ session: Session) async throws {
    _ = try await run(session, sharesQuery(appids[0..<6]))
    #expect(client.effectiveBatchSize == 3)
  }

  @Test func explainCountsTheCallsSentAfterA40097Split() async throws {
    let (client, session) = connect()
    try await learnTheLimit(client, session)
    let query = sharesQuery(appids[10..<30])
    let plan = try await run(session, "explain " + query)
    let lines = (plan.rows?.values.first ?? []).compactMap { value -> String? in
      if case .text(let line) = value { return line }
      return nil
    }
    #expect(lines.contains("  batchgetenvid: 7 (20 of 20 appids not cached, batches of 3)"))

    let before = client.ledger.snapshot()
    _ = try await run(session, query)
    let sent = client.ledger.snapshot().subtracting(before)
    #expect(sent[WeChatPath.batchGetEnvID]?.calls == 7)
    #expect(sent.totalRetries == 0)
  }

  @Test func maxCallsRefusesWithTheLearnedLimitBeforeSending() async throws {
    let (client, session) = connect(maxCalls: 6)
    try await learnTheLimit(client, session)
    let before = client.ledger.snapshot()
    await #expect {
      _ = try await run(session, sharesQuery(appids[10..<30]))
    } throws: { error in
      "\(error)".hasPrefix("refused: this statement needs 7 API calls (batchgetenvid 7)")
    }
    #expect(client.ledger.snapshot().subtracting(before).totalCalls == 0)
  }
}
