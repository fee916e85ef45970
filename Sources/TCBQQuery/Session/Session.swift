import Foundation
import TCBQCore

/// One user's session: the API, the cache of fetched tables and the settings. Runs statements:
/// plans first (names checked before any call), then fetches what the plan needs, then executes.
public actor Session {
  /// The API tables and the tables the session holds (`_`).
  public internal(set) var catalog: Catalog
  /// The rows of the tables the session holds, by name.
  var localTables: [String: Table] = [:]
  public private(set) var settings: SessionSettings
  let api: any WeChatAPI
  let confirmer: any WriteConfirmer
  let audit: AuditLog
  var cache = TableCache()
  /// The running statement as written (variables unbound), for the audit log.
  var statementText: String?
  /// Injected clock, so cache expiry is testable.
  let now: @Sendable () -> Date

  public init(
    api: any WeChatAPI, settings: SessionSettings = SessionSettings(),
    confirmer: any WriteConfirmer, audit: AuditLog,
    now: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.api = api
    self.settings = settings
    self.confirmer = confirmer
    self.audit = audit
    self.catalog = Catalog.standard
    self.now = now
  }

  public func update(_ change: @Sendable (inout SessionSettings) -> Void) {
    change(&settings)
  }

  /// Runs one statement that is not a dot command (the shell handles those).
  /// `source` is the text the statement's ranges point into (names unnamed result columns);
  /// `written`, the statement's own text as written, goes into the audit log of a write.
  public func run(_ statement: Statement, source: String, written: String? = nil) async throws
    -> StatementResult
  {
    statementText = written
    defer { statementText = nil }
    let limit = settings.maxCalls
    do {
      return try await api.withStatement(maxCalls: limit, isolation: self) {
        try await self.dispatch(statement, source: source)
      }
    } catch ClientError.budgetExceeded(_, let limit) {
      throw StatementError(
        "stopped before API call \(limit + 1): the limit is \(limit) calls a statement (--max-calls, .maxcalls); no rows are shown rather than a partial answer. "
          + Self.narrowingAdvice)
    }
  }

  static let narrowingAdvice =
    "See the cost first with explain; narrow the query with an appid filter (where appid in (…)) or use shares of; or raise the limit."

  func dispatch(_ statement: Statement, source: String) async throws -> StatementResult {
    switch statement {
    case .select(let select):
      return try await runSelect(select, source: source)
    case .explain(let select):
      return try explain(select, source: source)
    case .sharesOf(let words):
      return try await sharesOf(words.map(\.text))
    case .share(let env, let appids):
      return try await write(.share, env: env.text, appids: appids.map(\.text))
    case .unshare(let env, let appids):
      return try await write(.unshare, env: env.text, appids: appids.map(\.text))
    case .writeFromQuery(let write):
      return try await writeFromQuery(write, source: source)
    case .createTable(let name, let select):
      return try await createTable(name, as: select, source: source)
    case .dropTable(let name):
      return try dropTable(name)
    case .showTables:
      return StatementResult(rows: catalog.tablesResult())
    case .describe(let name):
      let table = try catalog.resolveTable(name)
      return StatementResult(rows: catalog.describeResult(table))
    case .refresh(let name):
      return try await refresh(name)
    case .dot(let command):
      throw StatementError("the dot command .\(command.name) is handled by the shell")
    }
  }

  /// What the session has fetched, for completion: appids, env ids and nick names.
  public func knownIdentifiers() -> FetchedIdentifiers {
    var appids = Set(cache.shares.keys).union(cache.appInfo.keys)
    var envs = Set<String>()
    if let apps = cache.apps?.value { appids.formUnion(apps.authorizers.map(\.appid)) }
    for entry in cache.shares.values { envs.formUnion(entry.value) }
    if let envTable = cache.envTables?.value[TableID.envs.name],
      let column = envTable.columnNames.firstIndex(of: "env_id")
    {
      for row in 0..<envTable.rowCount {
        if case .text(let id) = envTable[row, column] { envs.insert(id) }
      }
    }
    return FetchedIdentifiers(
      appids: appids.sorted(), envIDs: envs.sorted(), nickNames: cachedNickNames())
  }

  // MARK: select

  func runSelect(_ select: SelectStatement, source: String) async throws -> StatementResult {
    let evaluated = try await evaluate(select, source: source)
    keepAsLastResult(evaluated.rows)
    return StatementResult(
      rows: evaluated.rows, notes: evaluated.notes, failures: evaluated.failures)
  }

  /// The rows of a select (planned, checked against the budget, materialized), without keeping
  /// them as `_`: also the query of a write and of `create table … as select`.
  func evaluate(_ select: SelectStatement, source: String) async throws -> (
    rows: ResultSet, notes: [String], failures: [AppFailure]
  ) {
    let plan = try Planner.plan(select, catalog: catalog, source: source)
    try checkBudget(plan)
    var outcome = Materialized()
    let rows = try await materialize(plan, tables: localTables, into: &outcome)
    // A table fetched for two steps (a correlated subquery, the holding select) says its
    // notes and failures once.
    var seenNotes = Set<String>(), seenFailures = Set<AppFailure>()
    return (
      rows, outcome.notes.filter { seenNotes.insert($0).inserted },
      outcome.failures.filter { seenFailures.insert($0).inserted }
    )
  }

  /// What fetching for a plan and its steps reported on the way.
  struct Materialized {
    var failures: [AppFailure] = []
    var notes: [String] = []
  }

  /// Runs `plan`: its steps first (each a plan of its own, whose rows become a table or the
  /// values of a subquery), then the fetches of its requirements — keys that come from a step
  /// are that step's values — then the plan itself. `tables` holds the tables of the session
  /// and of the enclosing plans' `with` clauses.
  func materialize(
    _ plan: QueryPlan, tables inherited: [String: Table], into outcome: inout Materialized
  )
    async throws -> ResultSet
  {
    var tables = inherited
    var values: [ResultSet?] = []
    var stepTables: [Int: [String: Table]] = [:]
    for (index, step) in plan.steps.enumerated() {
      if step.runsPerRow {
        // A correlated subquery runs per row, as the plan executes: its tables now.
        var own = tables
        try await fetchTables(of: step.plan, into: &own, outcome: &outcome)
        stepTables[index] = own
        values.append(nil)
        continue
      }
      var rows = try await materialize(step.plan, tables: tables, into: &outcome)
      if let recursion = step.recursion {
        var own = tables
        for plan in recursion.recursive {
          try await fetchTables(of: plan, into: &own, outcome: &outcome)
        }
        rows = try Recursion.run(recursion, initial: rows, tables: own, parameters: [])
      }
      switch step.use {
      case .table(let name):
        tables[name] = Table(name, holding: rows)
        values.append(nil)
      case .values:
        values.append(rows)
      }
    }
    for requirement in plan.requirements {
      guard let id = requirement.id else {
        guard tables[requirement.table] != nil else {
          throw StatementError("internal: table \(requirement.table) is not held")
        }
        continue
      }
      var keys = requirement.keys
      if let step = requirement.keysFromStep, let rows = values[step] {
        keys = TextDictionary.distinct((0..<rows.rowCount).compactMap { rows[$0, 0].sqlText })
      }
      let fetched = try await table(id, keys: keys)
      tables[requirement.table] = fetched.table
      outcome.failures += fetched.failures
      outcome.notes += fetched.notes
    }
    return try Executor.execute(
      plan, tables: tables, subqueries: values, stepTables: stepTables)
  }

  /// Fetches every API table `plan` and its steps read, for a step that runs per row: with the
  /// keys the plan names, or every key when they come from a subquery or two uses differ.
  private func fetchTables(
    of plan: QueryPlan, into tables: inout [String: Table], outcome: inout Materialized
  ) async throws {
    var asked: [String: [String]?] = [:]
    for requirement in plan.allRequirements {
      guard let id = requirement.id else { continue }
      var keys = requirement.keysFromStep == nil ? requirement.keys : nil
      if let previous = asked[requirement.table] {
        guard previous != keys else { continue }
        keys = nil
      }
      asked[requirement.table] = keys
      let fetched = try await table(id, keys: keys)
      tables[requirement.table] = fetched.table
      outcome.failures += fetched.failures
      outcome.notes += fetched.notes
    }
  }

  /// Holds `rows` as the table `_`, for the next statements to query without an API call.
  private func keepAsLastResult(_ rows: ResultSet) {
    let table = Table(Catalog.lastResultName, holding: rows)
    localTables[table.name] = table
    let columns = zip(table.columnNames, table.columns).map {
      ColumnSchema(name: $0, type: $1.type)
    }
    catalog = catalog.replacing(
      TableSchema(
        local: table.name, columns: columns,
        summary: "the result of the last select (\(rows.rowCount) rows), kept by tcbq"))
  }

  /// Forgets every fetched table: the next statement asks the API again (`refresh`, `.watch`).
  public func clearCache() {
    cache.clearAll()
  }

  /// Refuses, before any call, a statement whose cost is known and over `--max-calls`.
  func checkBudget(_ plan: QueryPlan) throws {
    guard let limit = settings.maxCalls else { return }
    let estimates = plan.estimatedCalls(context: costContext())
    let counts = estimates.compactMap(\.count.value)
    // Not known: the client stops at the limit.
    guard counts.count == estimates.count else { return }
    let total = counts.reduce(0, +)
    guard total > limit else { return }
    let detail = estimates.filter { $0.count.value != 0 }
      .map { "\($0.endpoint.shortName) \($0.count)" }.joined(separator: ", ")
    throw StatementError(
      "refused: this statement needs \(total) API calls (\(detail)), more than the limit of \(limit) (--max-calls, .maxcalls); nothing was sent. "
        + Self.narrowingAdvice)
  }

  func explain(_ select: SelectStatement, source: String) throws -> StatementResult {
    let plan = try Planner.plan(select, catalog: catalog, source: source)
    let lines = plan.explainLines(context: costContext())
    let rows = ResultSet(
      columns: [.init(name: "plan", type: .text)], rows: lines.map { [.text($0)] })
    return StatementResult(rows: rows)
  }

  func costContext() -> CostContext {
    let date = now()
    var cached = Set<TableID>()
    if let envs = cache.envTables, cache.isFresh(envs.fetchedAt, ttl: settings.cacheTTL, now: date)
    {
      cached.formUnion(envs.value.keys.compactMap { TableID(name: $0) })
    }
    var appCount: Int?
    if let apps = cache.apps, cache.isFresh(apps.fetchedAt, ttl: settings.cacheTTL, now: date) {
      cached.insert(.apps)
      appCount = apps.value.authorizers.count
    }
    if let all = cache.allShares, cache.isFresh(all.fetchedAt, ttl: settings.cacheTTL, now: date) {
      cached.insert(.shares)
    }
    let cachedAppids = Set(
      cache.shares.filter { cache.isFresh($0.value.fetchedAt, ttl: settings.cacheTTL, now: date) }
        .keys
    ).union(
      cache.shareFailures.filter {
        cache.isFresh($0.value.fetchedAt, ttl: settings.cacheTTL, now: date)
      }.keys)
    let info = infoCostContext(authorizers: cachedAuthorizers()?.authorizers)
    return CostContext(
      cachedTables: cached, cachedShareAppids: cachedAppids, appCount: appCount,
      calls: api.callEstimator, cachedInfoAppids: info.cached, uncachedInfoApps: info.uncached)
  }

  // MARK: fetching

  struct Fetched {
    var table: Table
    var failures: [AppFailure] = []
    var notes: [String] = []
  }

  /// The table `id`, from the cache when fresh, otherwise from the API. `keys` narrows `shares`
  /// (appids) and `quota` (cgi paths).
  func table(_ id: TableID, keys: [String]?) async throws -> Fetched {
    switch id {
    case .apps:
      return Fetched(table: try await authorizers().table)
    case .shares:
      return try await sharesNamingErrors(keys: keys)
    case .shareErrors:
      return try await shareErrorsTable(keys: keys)
    case .appInfo, .appPermissions:
      return try await appInfoTable(id, keys: keys)
    case .quota:
      return try await quotaTable(paths: keys)
    case .envs, .databases, .storages, .functions, .logServices, .staticStorages, .tags,
      .customLogServices:
      guard let table = try await envTables()[id.name] else {
        throw StatementError(
          "internal: table \(id.name) was not built from describecloudbaserunenvs")
      }
      return Fetched(table: table)
    }
  }

  func envTables() async throws -> [String: Table] {
    if let cached = cache.envTables,
      cache.isFresh(cached.fetchedAt, ttl: settings.cacheTTL, now: now())
    {
      return cached.value
    }
    let tables = try await api.describeEnvs(into: { EnvTablesBuilder() }).tables()
    cache.envTables = .init(value: tables, fetchedAt: now())
    return tables
  }

  /// The authorized apps and the `apps` table, from the cache when fresh.
  func authorizers() async throws -> TableCache.Apps {
    if let cached = cachedAuthorizers() { return cached }
    return cacheAuthorizers(try await api.authorizers())
  }

  @discardableResult
  private func cacheAuthorizers(_ list: [Authorizer]) -> TableCache.Apps {
    let apps = TableCache.Apps(authorizers: list, table: Tables.fromAuthorizers(list))
    cache.apps = .init(value: apps, fetchedAt: now())
    cache.allShares = nil
    return apps
  }

  /// The authorizers when the cache holds them fresh.
  private func cachedAuthorizers() -> TableCache.Apps? {
    guard let cached = cache.apps,
      cache.isFresh(cached.fetchedAt, ttl: settings.cacheTTL, now: now())
    else { return nil }
    return cached.value
  }

  /// The shares of `appids` (in that order), fetching only those not cached. Returns the
  /// relations found and the appids that failed (the service's err_list answers are cached like
  /// shares; failed calls are not).
  func shares(of appids: [String]) async throws -> (
    relations: [SharesResult.Relation], failures: [AppFailure]
  ) {
    let date = now()
    let ttl = settings.cacheTTL
    let unique = TextDictionary.distinct(appids)
    let missing =
      cache.shares.isEmpty && cache.shareFailures.isEmpty
      ? unique
      : unique.filter { appid in
        if let entry = cache.shares[appid], cache.isFresh(entry.fetchedAt, ttl: ttl, now: date) {
          return false
        }
        if let entry = cache.shareFailures[appid],
          cache.isFresh(entry.fetchedAt, ttl: ttl, now: date)
        {
          return false
        }
        return true
      }
    guard !missing.isEmpty else { return cached(unique, failed: [:]) }
    let result = try await api.sharedEnvs(of: missing)
    let failed = cacheShares(result)
    // Everything asked now, and answered for in order: the answer is the client's as it is.
    if missing.count == unique.count, Self.names(unique, inOrder: result) {
      return (result.relations, result.failures)
    }
    return cached(unique, failed: failed)
  }

  /// Keeps `result` in the cache (err_list answers too; failed calls are not kept); returns its
  /// failures by appid.
  private func cacheShares(_ result: SharesResult) -> [String: AppFailure] {
    let fetchedAt = now()
    cache.shares.reserveCapacity(cache.shares.count + result.relations.count)
    for relation in result.relations {
      cache.shares[relation.appid] = .init(value: relation.envIDs, fetchedAt: fetchedAt)
      if !cache.shareFailures.isEmpty { cache.shareFailures[relation.appid] = nil }
    }
    var failed: [String: AppFailure] = [:]
    for failure in result.failures {
      failed[failure.appid] = failure
      cache.shares[failure.appid] = nil
      cache.shareFailures[failure.appid] =
        failure.answered ? .init(value: failure, fetchedAt: fetchedAt) : nil
    }
    return failed
  }

  /// Whether `result` has exactly one relation or failure for each of `appids`, in their order.
  private static func names(_ appids: [String], inOrder result: SharesResult) -> Bool {
    var relation = 0
    var failure = 0
    for appid in appids {
      if relation < result.relations.count, result.relations[relation].appid == appid {
        relation += 1
      } else if failure < result.failures.count, result.failures[failure].appid == appid {
        failure += 1
      } else {
        return false
      }
    }
    return relation == result.relations.count && failure == result.failures.count
  }

  /// The cached shares of `appids` in order; `failed` (this statement's failures) wins over the
  /// cache.
  private func cached(_ appids: [String], failed: [String: AppFailure])
    -> (relations: [SharesResult.Relation], failures: [AppFailure])
  {
    var relations: [SharesResult.Relation] = []
    var failures: [AppFailure] = []
    for appid in appids {
      if let failure = failed[appid] ?? cache.shareFailures[appid]?.value {
        failures.append(failure)
      } else if let entry = cache.shares[appid] {
        relations.append(SharesResult.Relation(appid: appid, envIDs: entry.value))
      } else {
        // Neither answered nor named in err_list: never let it vanish silently.
        failures.append(
          AppFailure(appid: appid, errmsg: "the service did not answer for this appid"))
      }
    }
    return (relations, failures)
  }

  func sharesTable(of appids: [String]) async throws -> Fetched {
    let (relations, failures) = try await shares(of: appids)
    return Fetched(table: Tables.fromShares(relations), failures: failures)
  }

  func allSharesTable() async throws -> Fetched {
    if let all = cache.allShares, cache.isFresh(all.fetchedAt, ttl: settings.cacheTTL, now: now()) {
      return Fetched(table: all.value, failures: cache.allShareFailures)
    }
    let relations: [SharesResult.Relation]
    let failures: [AppFailure]
    if let apps = cachedAuthorizers() {
      (relations, failures) = try await shares(of: apps.authorizers.map(\.appid))
    } else {
      // The list and its batches overlap: each batch leaves as soon as its appids are known.
      let walk = try await api.authorizersWithShares()
      cacheAuthorizers(walk.authorizers)
      _ = cacheShares(walk.shares)
      (relations, failures) = (walk.shares.relations, walk.shares.failures)
    }
    let table = Tables.fromShares(relations)
    if failures.allSatisfy(\.answered) {
      cache.allShares = .init(value: table, fetchedAt: now())
      cache.allShareFailures = failures
    }
    return Fetched(table: table, failures: failures)
  }

  /// Quota is never cached: `used` changes with every call.
  func quotaTable(paths: [String]?) async throws -> Fetched {
    var quotas: [APIQuota] = []
    var failures: [AppFailure] = []
    for path in paths ?? Catalog.defaultQuotaPaths {
      do {
        quotas.append(try await api.apiQuota(cgiPath: path))
      } catch let error as APIError {
        failures.append(
          AppFailure(appid: path, errcode: error.errcode, errmsg: error.errmsg, rid: error.rid))
      }
    }
    return Fetched(table: Tables.fromQuota(quotas), failures: failures)
  }

  // MARK: commands

  func sharesOf(_ appids: [String]) async throws -> StatementResult {
    let (relations, all) = try await shares(of: appids)
    let (failures, facts) = Self.splitShareErrors(all)
    var rows: [[Value]] = []
    var notes = facts.map(Self.shareErrorNote)
    for relation in relations {
      if relation.envIDs.isEmpty {
        rows.append([.text(relation.appid), .null])
        notes.append("note: \(relation.appid) shares no environment")
      }
      for env in relation.envIDs { rows.append([.text(relation.appid), .text(env)]) }
    }
    let result = ResultSet(
      columns: [.init(name: "appid", type: .text), .init(name: "env_id", type: .text)], rows: rows)
    return StatementResult(rows: result, notes: notes, failures: failures)
  }

  func refresh(_ name: Identifier?) async throws -> StatementResult {
    guard let name else {
      clearCache()
      return StatementResult(notes: ["cache cleared: every table is fetched again on next use"])
    }
    let table = try catalog.resolveTable(name)
    guard let id = table.id else {
      return StatementResult(notes: [
        "\(table.name) is held by tcbq, not fetched: nothing to refresh"
      ])
    }
    cache.clear(id)
    switch id {
    case .shares, .shareErrors, .appInfo, .appPermissions, .quota:
      return StatementResult(notes: ["\(table.name) is fetched again on next use"])
    case .apps:
      let apps = try await authorizers()
      return StatementResult(notes: ["apps refreshed: \(apps.authorizers.count) authorized apps"])
    case .envs, .databases, .storages, .functions, .logServices, .staticStorages, .tags,
      .customLogServices:
      let envs = try await envTables()[TableID.envs.name]
      return StatementResult(notes: ["environments refreshed: \(envs?.rowCount ?? 0) envs"])
    }
  }
}
