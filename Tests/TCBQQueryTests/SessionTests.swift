import Foundation
import Synchronization
import TCBQCore
import Testing

@testable import TCBQQuery

/// An in-memory `WeChatAPI` that counts calls and answers from a small world.
final class FakeAPI: WeChatAPI, Sendable {
  struct State {
    var envs: [CloudBaseRunEnv] = []
    var apps: [Authorizer] = []
    var shares: [String: [String]] = [:]
    var calls: [String] = []
    var sharesAskedFor: [[String]] = []
    var writesSent: [(String, String, [String])] = []
    /// Writes throw this instead of answering (an unknown outcome).
    var writeError: (any Error & Sendable)?
    /// Pairs a write answers as failed.
    var writeFailures: [AppFailure] = []
    var failing: Set<String> = []
    /// Appids the answer leaves out entirely (neither a relation nor a failure).
    var unanswered: Set<String> = []
    /// Answer the relations in the reverse of the order asked.
    var relationsReversed = false
    /// err_list entries as the service sends them (`answered`), by appid: 85088, official
    /// accounts, anything else.
    var noCloudDevelopment: Set<String> = []
    var notMiniPrograms: Set<String> = []
    var otherErrors: Set<String> = []
    /// The appids of each api_get_authorizer_info call, one call per appid.
    var infoAskedFor: [String] = []
    /// Appids whose api_get_authorizer_info call fails (busy after retries, not answered).
    var infoBusy: Set<String> = []
  }
  let state = Mutex(State())

  init(envs: [String], apps: [String], shares: [String: [String]]) {
    state.withLock {
      $0.envs = envs.map { id in
        var env = CloudBaseRunEnv()
        env.envID = id
        env.status = "NORMAL"
        return env
      }
      $0.apps = apps.map { Authorizer(appid: $0, authTime: 1_700_000_000) }
      $0.shares = shares
    }
  }

  var calls: [String] { state.withLock { $0.calls } }

  func describeEnvs<Sink: EnvSink>(into makeSink: @escaping @Sendable () -> Sink) async throws
    -> Sink
  {
    let envs = state.withLock {
      $0.calls.append("describecloudbaserunenvs")
      return $0.envs
    }
    var sink = makeSink()
    for env in envs { sink.append(env) }
    return sink
  }

  func authorizers() async throws -> [Authorizer] {
    state.withLock {
      $0.calls.append("api_get_authorizer_list")
      return $0.apps
    }
  }

  func sharedEnvs(of appids: [String]) async throws -> SharesResult {
    state.withLock { state in
      state.calls.append("batchgetenvid")
      state.sharesAskedFor.append(appids)
      var relations: [SharesResult.Relation] = []
      var failures: [AppFailure] = []
      for appid in appids where !state.unanswered.contains(appid) {
        if state.failing.contains(appid) {
          failures.append(AppFailure(appid: appid, errmsg: "no qbase privilege"))
        } else if let entry = Self.errListEntry(appid, state) {
          failures.append(entry)
        } else {
          relations.append(.init(appid: appid, envIDs: state.shares[appid] ?? []))
        }
      }
      if state.relationsReversed { relations.reverse() }
      return SharesResult(relations: relations, failures: failures)
    }
  }

  /// The err_list entry the service answers for `appid`, if any.
  private static func errListEntry(_ appid: String, _ state: State) -> AppFailure? {
    if state.noCloudDevelopment.contains(appid) {
      return AppFailure(appid: appid, errcode: 85088, errmsg: "no qbase privilege", answered: true)
    }
    if state.notMiniPrograms.contains(appid) {
      return AppFailure(appid: appid, errmsg: "appid is not a mini program", answered: true)
    }
    if state.otherErrors.contains(appid) {
      return AppFailure(appid: appid, errmsg: "system error", answered: true)
    }
    return nil
  }

  /// Every app of the world answers with a name, the principal `P` and the permission sets 18
  /// and 49; any other appid is 61003; an appid in `infoBusy` fails unanswered. One call per
  /// appid, as the client makes them.
  func authorizerInfo(of appids: [String]) async throws -> AuthorizerInfoResult {
    state.withLock { state in
      let known = Set(state.apps.map(\.appid))
      var seen = Set<String>()
      var result = AuthorizerInfoResult(infos: [], failures: [])
      for appid in appids where seen.insert(appid).inserted {
        state.calls.append("api_get_authorizer_info")
        state.infoAskedFor.append(appid)
        if state.infoBusy.contains(appid) {
          result.failures.append(AppFailure(appid: appid, errcode: -1, errmsg: "system error"))
        } else if known.contains(appid) {
          result.infos.append(
            AuthorizerInfo(
              appid: appid, nickName: "app \(appid)", principalName: "P", accountStatus: 1,
              isMiniProgram: true, funcscopeIDs: [18, 49]))
        } else {
          result.failures.append(
            AppFailure(appid: appid, errcode: 61003, errmsg: "not authorized", answered: true))
        }
      }
      return result
    }
  }

  func share(env: String, with appids: [String]) async throws -> WriteResult {
    try write("share", env, appids) { state in
      for appid in appids { state.shares[appid, default: []].append(env) }
    }
  }

  func unshare(env: String, from appids: [String]) async throws -> WriteResult {
    try write("unshare", env, appids) { state in
      for appid in appids { state.shares[appid]?.removeAll { $0 == env } }
    }
  }

  private func write(
    _ kind: String, _ env: String, _ appids: [String], apply: (inout State) -> Void
  ) throws -> WriteResult {
    try state.withLock { state in
      state.calls.append(kind)
      state.writesSent.append((kind, env, appids))
      if let error = state.writeError { throw error }
      apply(&state)
      return WriteResult(
        errcode: 0, errmsg: "ok", rid: nil, failures: state.writeFailures,
        links: kind == "share" ? appids.map { .init(appid: $0, url: "https://confirm/\($0)") } : [])
    }
  }

  func apiQuota(cgiPath: String) async throws -> APIQuota {
    state.withLock { $0.calls.append("quota") }
    var quota = APIQuota(cgiPath: cgiPath)
    quota.dailyLimit = 100
    quota.used = 1
    quota.remain = 99
    return quota
  }
}

final class Clock: Sendable {
  let now = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
  func advance(_ seconds: Double) { now.withLock { $0 += seconds } }
  var date: Date { now.withLock { $0 } }
}

@Suite struct SessionTests {
  func session(
    _ api: FakeAPI, confirm: Bool = true, dryRun: Bool = false, ttl: Double = 600,
    audit: URL? = nil, clock: Clock = Clock()
  ) -> Session {
    Session(
      api: api, settings: SessionSettings(cacheTTL: ttl, dryRun: dryRun),
      confirmer: FixedConfirmer(answer: confirm), audit: AuditLog(url: audit),
      now: { clock.date })
  }

  func run(_ session: Session, _ text: String) async throws -> StatementResult {
    let parsed = Script.parse(text)
    #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
    return try await session.run(try #require(parsed.statements.first).statement, source: text)
  }

  func values(_ result: StatementResult) -> [[Value]] {
    guard let rows = result.rows else { return [] }
    return (0..<rows.rowCount).map { r in (0..<rows.columns.count).map { rows[r, $0] } }
  }

  let world = FakeAPI(
    envs: ["prod-a", "prod-b"], apps: ["wxA", "wxB", "wxC"],
    shares: ["wxA": ["prod-a"], "wxB": ["prod-a", "prod-b"]])

  @Test func eachTableIsFetchedOncePerSession() async throws {
    let api = FakeAPI(envs: ["e1"], apps: ["wxA"], shares: [:])
    let s = session(api)
    _ = try await run(s, "select * from envs")
    _ = try await run(s, "select count(*) from envs")
    _ = try await run(s, "select * from tags")  // filled by the same call
    #expect(api.calls == ["describecloudbaserunenvs"])
  }

  @Test func cacheExpiresAfterTheTTLAndRefreshFetchesAgain() async throws {
    let api = FakeAPI(envs: ["e1"], apps: ["wxA"], shares: [:])
    let clock = Clock()
    let s = session(api, ttl: 60, clock: clock)
    _ = try await run(s, "select * from envs")
    clock.advance(30)
    _ = try await run(s, "select * from envs")
    #expect(api.calls.count == 1)
    clock.advance(31)
    _ = try await run(s, "select * from envs")
    #expect(api.calls.count == 2)
    _ = try await run(s, "refresh envs")
    #expect(api.calls.count == 3)
  }

  @Test func pushedDownSharesAskOnlyForTheNamedAppsAndReuseTheCache() async throws {
    let api = world
    let s = session(api)
    let first = try await run(s, "select env_id from shares where appid = 'wxB' order by env_id")
    #expect(values(first) == [[.text("prod-a")], [.text("prod-b")]])
    _ = try await run(s, "select * from shares where appid in ('wxA', 'wxB')")
    #expect(api.state.withLock { $0.sharesAskedFor } == [["wxB"], ["wxA"]])
    #expect(!api.calls.contains("api_get_authorizer_list"))
  }

  @Test func sharesWithoutAFilterWalkTheApps() async throws {
    let api = world
    let s = session(api)
    let result = try await run(s, "select appid, env_id from shares order by appid, env_id")
    #expect(values(result).count == 3)
    #expect(api.calls == ["api_get_authorizer_list", "batchgetenvid"])
    #expect(api.state.withLock { $0.sharesAskedFor } == [["wxA", "wxB", "wxC"]])
  }

  @Test func sharesOfNamesTheAppsSharingNothingAndTheFailures() async throws {
    let api = world
    api.state.withLock { $0.failing = ["wxD"] }
    let s = session(api)
    let result = try await run(s, "shares of wxC, wxA, wxD")
    #expect(values(result) == [[.text("wxC"), .null], [.text("wxA"), .text("prod-a")]])
    #expect(result.notes.contains { $0.contains("wxC shares no environment") })
    #expect(result.failures.map(\.appid) == ["wxD"])
  }

  @Test func anAppidTheAnswerLeavesOutIsAFailureNotAMissingRow() async throws {
    let api = world
    api.state.withLock { $0.unanswered = ["wxA"] }
    let s = session(api)
    let result = try await run(
      s, "select appid, env_id from shares where appid in ('wxC', 'wxA', 'wxB')")
    #expect(values(result) == [[.text("wxB"), .text("prod-a")], [.text("wxB"), .text("prod-b")]])
    #expect(result.failures.map(\.appid) == ["wxA"])
    #expect(result.failures.first?.errmsg == "the service did not answer for this appid")
  }

  @Test func relationsAnsweredOutOfOrderComeBackInTheOrderAsked() async throws {
    let api = world
    api.state.withLock { $0.relationsReversed = true }
    let s = session(api)
    let result = try await run(s, "shares of wxA, wxB, wxC")
    #expect(
      values(result).map { $0[0] } == [.text("wxA"), .text("wxB"), .text("wxB"), .text("wxC")])
  }

  @Test func confirmedWriteSendsExactlyThePairsAndInvalidatesTheirShares() async throws {
    let api = world
    let audit = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID()).log")
    let s = session(api, audit: audit)
    _ = try await run(s, "shares of wxC")
    let result = try await run(s, "share prod-b with wxC, wxC")
    #expect(
      values(result) == [
        [.text("prod-b"), .text("wxC"), .text("ok"), .text("https://confirm/wxC")]
      ])
    #expect(
      api.state.withLock { $0.writesSent.map { "\($0.0) \($0.1) \($0.2)" } } == [
        #"share prod-b ["wxC"]"#
      ])
    // The cached shares of wxC were dropped: asked again.
    let after = try await run(s, "shares of wxC")
    #expect(values(after) == [[.text("wxC"), .text("prod-b")]])
    let lines = try String(contentsOf: audit, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 1)
    #expect(lines.first?.contains(#""outcome":"sent""#) == true)
  }

  @Test func refusedWriteSendsNothing() async throws {
    let api = world
    let s = session(api, confirm: false)
    await #expect(throws: StatementError.self) { try await run(s, "unshare prod-a from wxA") }
    #expect(api.state.withLock { $0.writesSent.isEmpty })
  }

  @Test func dryRunShowsTheRequestAndSendsNothing() async throws {
    let api = world
    let s = session(api, dryRun: true)
    let result = try await run(s, "unshare prod-a from wxA, 'wxB'")
    let text = values(result).map { "\($0)" }.joined()
    #expect(
      text.contains(
        #"{\"data\":[{\"env\":\"prod-a\",\"appids\":[\"wxA\",\"wxB\"]}],\"source_type\":1}"#))
    #expect(
      result.notes.contains { $0.contains("unshare prod-a from wxA") && $0.contains("shared now") })
    #expect(api.state.withLock { $0.writesSent.isEmpty })
  }

  @Test func dryRunPrintsTheRequestLineAndTheBodySent() async throws {
    let result = try await run(session(world, dryRun: true), "unshare prod-a from wxA, 'wxB', wxA")
    #expect(
      values(result) == [
        [.text("-- dry run: nothing sent")],
        [.text("POST /componenttcb/batchunshareenv?access_token=REDACTED")],
        [.text(#"{"data":[{"env":"prod-a","appids":["wxA","wxB"]}],"source_type":1}"#)],
      ])
    #expect(
      result.notes == [
        "  unshare prod-a from wxA   [shared now]", "  unshare prod-a from wxB   [shared now]",
      ])
  }

  func auditEntries(_ url: URL) throws -> [AuditLog.Entry] {
    try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
      try JSONDecoder().decode(AuditLog.Entry.self, from: Data($0.utf8))
    }
  }

  @Test func perPairFailuresAreRowsNotesAndAuditErrors() async throws {
    let api = world
    api.state.withLock {
      $0.writeFailures = [AppFailure(appid: "wxB", env: "prod-b", errmsg: "not same principal")]
    }
    let audit = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID()).log")
    let result = try await run(session(api, audit: audit), "unshare prod-b from wxA, wxB")
    #expect(
      values(result) == [
        [.text("prod-b"), .text("wxA"), .text("ok"), .null],
        [.text("prod-b"), .text("wxB"), .text("failed"), .text("not same principal")],
      ])
    #expect(result.failedPairs == 1)
    #expect(result.notes == ["error: unshare prod-b from wxB failed: not same principal"])
    let entries = try auditEntries(audit)
    #expect(entries.map(\.outcome) == ["sent"])
    #expect(entries.first?.endpoint == "/componenttcb/batchunshareenv")
    #expect(entries.first?.appids == ["wxA", "wxB"])
    #expect(entries.first?.errcode == 0)
    #expect(
      entries.first?.errors == [.init(appid: "wxB", env: "prod-b", errmsg: "not same principal")])
  }

  @Test func anErrcodeAnswerIsAuditedAsSentAndThrown() async throws {
    let api = world
    let answer = APIError(
      path: "/componenttcb/batchshareenv", errcode: 47001, errmsg: "data format error rid: 1-2-3")
    api.state.withLock { $0.writeError = answer }
    let audit = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID()).log")
    await #expect(throws: answer) {
      try await run(session(api, audit: audit), "share prod-b with wxC")
    }
    let entries = try auditEntries(audit)
    #expect(entries.map(\.outcome) == ["sent"])
    #expect(entries.first?.errcode == 47001)
    #expect(entries.first?.errmsg == "data format error rid: 1-2-3")
    #expect(entries.first?.rid == "1-2-3")
  }

  @Test func anInterruptedWriteIsAuditedAsUnknown() async throws {
    let api = world
    api.state.withLock { $0.writeError = CancellationError() }
    let audit = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID()).log")
    await #expect(throws: CancellationError.self) {
      try await run(session(api, audit: audit), "share prod-b with wxC")
    }
    let entries = try auditEntries(audit)
    #expect(entries.map(\.outcome) == ["unknown"])
    #expect(entries.first?.errmsg == "interrupted")
    #expect(entries.first?.errcode == nil)
  }

  @Test func writeWithUnknownOutcomeIsNotResentAndIsAudited() async throws {
    let api = world
    api.state.withLock { $0.writeError = TransportError.timeout }
    let audit = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID()).log")
    let s = session(api, audit: audit)
    // The pair is reported `unknown`, named, and counted as failed (exit 1).
    let result = try await run(s, "unshare prod-a from wxA")
    #expect(values(result).first?[2] == .text("unknown"))
    #expect(result.failedPairs == 1)
    #expect(result.notes.contains { $0.contains("unknown") && $0.contains("not re-sent") })
    #expect(result.notes.contains("Check them with: shares of wxA"))
    #expect(api.state.withLock { $0.writesSent.count } == 1)
    let text = try String(contentsOf: audit, encoding: .utf8)
    #expect(text.contains(#""outcome":"unknown""#))
  }

  @Test func quotaIsNeverCachedAndAsksOnlyTheNamedPaths() async throws {
    let api = world
    let s = session(api)
    _ = try await run(s, "select * from quota where cgi_path = '/componenttcb/batchgetenvid'")
    _ = try await run(s, "select * from quota where cgi_path = '/componenttcb/batchgetenvid'")
    #expect(api.calls == ["quota", "quota"])
  }

  @Test func knownIdentifiersComeFromWhatWasFetched() async throws {
    let s = session(world)
    #expect(await s.knownIdentifiers().appids.isEmpty)
    _ = try await run(s, "select * from envs")
    _ = try await run(s, "shares of wxB")
    let known = await s.knownIdentifiers()
    #expect(known.appids == ["wxB"])
    #expect(known.envIDs == ["prod-a", "prod-b"])
  }
}
