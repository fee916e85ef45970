import TCBQCore
import TCBQSandbox
import Testing

@testable import TCBQQuery

/// `explain` of `app_info` counts the calls the client then makes, over the in-memory sandbox
/// (its embedded dataset: 40 authorized apps) and the real client.
@Suite struct AppInfoEstimateTests {
  func connect() -> (WeChatClient, Session) {
    let sandbox = SandboxConfiguration()
    let client = WeChatClient(
      transport: InProcessTransport(configuration: sandbox),
      tokens: StaticTokenProvider(sandbox.token),
      configuration: ClientConfiguration(concurrency: 4, componentAppID: sandbox.componentAppID))
    let session = Session(
      api: client, settings: SessionSettings(), confirmer: FixedConfirmer(answer: false),
      audit: AuditLog(url: nil))
    return (client, session)
  }

  func run(_ session: Session, _ text: String) async throws -> StatementResult {
    let parsed = Script.parse(text)
    #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
    return try await session.run(try #require(parsed.statements.first).statement, source: text)
  }

  func explainLines(_ session: Session, _ query: String) async throws -> [String] {
    let rows = try #require(try await run(session, "explain " + query).rows)
    return (0..<rows.rowCount).compactMap {
      if case .text(let line) = rows[$0, 0] { return line }
      return nil
    }
  }

  /// The calls per short name that `body` made.
  func calls(_ client: WeChatClient, _ body: () async throws -> Void) async rethrows -> [String:
    Int]
  {
    let before = client.ledger.snapshot()
    try await body()
    let spent = client.ledger.snapshot().subtracting(before)
    return Dictionary(
      uniqueKeysWithValues: spent.entries.map {
        (WeChatEndpoint.shortName(ofPath: $0.path), $0.calls)
      })
  }

  @Test func theWalkMakesTheCallsExplainCounts() async throws {
    let (client, session) = connect()
    let query = "select count(*) from app_info"
    // Before the list is known: a formula of the app count, `floor(apps/500)+1 + apps`.
    #expect(try await explainLines(session, query).last == "  total: floor(apps/500)+1 + apps")
    let apps = DefaultDataset.dataset.apps.count
    let made = try await calls(client) { _ = try await run(session, query) }
    #expect(made == ["api_get_authorizer_list": apps / 500 + 1, "api_get_authorizer_info": apps])

    // Now the list is cached and so is every app's answer.
    #expect(try await explainLines(session, query).last == "  total: 0")
    let again = try await calls(client) {
      _ = try await run(session, "select count(*) from app_permissions")
    }
    #expect(again.isEmpty)
  }

  @Test func aKnownCountIsTheNumberOfCallsMade() async throws {
    let (client, session) = connect()
    _ = try await run(session, "select count(*) from apps")
    let named = [DefaultDataset.appSharingThree, DefaultDataset.officialAccount]
    _ = try await run(
      session, "select * from app_info where appid in ('\(named.joined(separator: "', '"))')")
    let query = "select appid from app_info where account_status <> 1"
    let expected = DefaultDataset.dataset.apps.count - named.count
    #expect(
      try await explainLines(session, query).contains(
        "  api_get_authorizer_info: \(expected) (\(expected) apps not cached, one call per app)"))
    let made = try await calls(client) { _ = try await run(session, query) }
    #expect(made == ["api_get_authorizer_info": expected])
  }

  @Test func anUnauthorizedAppIsNamedWithItsErrcodeOnceAndNotAskedAgain() async throws {
    let (client, session) = connect()
    let query =
      "select nick_name from app_info where appid in ('\(DefaultDataset.appSharingThree)', 'wxffffffffffffffff')"
    let first = try await run(session, query)
    #expect(first.rows?.rowCount == 1)
    #expect(first.failures.map(\.appid) == ["wxffffffffffffffff"])
    #expect(first.failures.first?.errcode == 61003)
    #expect(first.failures.first?.answered == true)
    let made = try await calls(client) {
      let again = try await run(session, query)
      #expect(again.failures.map(\.errcode) == [61003])
    }
    #expect(made.isEmpty)
  }
}
