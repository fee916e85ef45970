import TCBQCore

/// Builds the catalog's tables from API answers.
public enum Tables {
  /// `envs` and every nested table (`databases`, `storages`, …), in one pass over the answer.
  public static func fromEnvs(_ envs: [CloudBaseRunEnv]) -> [String: Table] {
    var builder = EnvTablesBuilder(expectedEnvs: envs.count)
    for env in envs { builder.append(env) }
    return builder.tables()
  }

  /// `apps` from api_get_authorizer_list.
  public static func fromAuthorizers(_ authorizers: [Authorizer]) -> Table {
    var appid = TextColumn(), authTime = IntegerColumn()
    appid.reserveCapacity(authorizers.count)
    authTime.reserveCapacity(authorizers.count)
    for a in authorizers {
      appid.append(a.appid)
      authTime.append(a.authTime)
    }
    return make(.apps, [.text(appid), .integer(authTime)])
  }

  /// `shares` from batchgetenvid: one row per (appid, env) pair; an appid sharing nothing has no
  /// row.
  public static func fromShares(_ relations: [SharesResult.Relation]) -> Table {
    // Sized once for the most distinct values there can be: an appid per relation, an env per row.
    let rows = relations.reduce(0) { $0 + $1.envIDs.count }
    var appid = TextColumn(expectingDistinct: min(rows, relations.count))
    var envID = TextColumn(expectingDistinct: rows)
    appid.reserveCapacity(rows)
    envID.reserveCapacity(rows)
    for relation in relations {
      for env in relation.envIDs {
        appid.append(relation.appid)
        envID.append(env)
      }
    }
    return make(.shares, [.text(appid), .text(envID)])
  }

  /// `shares` with the rows of the appids in `relations` replaced by theirs (an appid in
  /// `relations` with no env loses its rows); other appids keep their rows.
  public static func mergingShares(_ table: Table?, with relations: [SharesResult.Relation])
    -> Table
  {
    let fresh = fromShares(relations)
    guard let table, table.rowCount > 0 else { return fresh }
    let replaced = Set(relations.map(\.appid))
    guard case .text(let appids) = table.columns[0] else { return fresh }
    let keep = (0..<table.rowCount).filter { r in
      guard let a = appids[r] else { return true }
      return !replaced.contains(a)
    }
    return table.selecting(rows: keep).appending(fresh)
  }

  /// `quota` from getApiQuota answers, one row per path.
  public static func fromQuota(_ quotas: [APIQuota]) -> Table {
    var path = TextColumn()
    var numbers = Array(repeating: IntegerColumn(), count: 7)
    for q in quotas {
      path.append(q.cgiPath)
      let values = [
        q.dailyLimit, q.used, q.remain, q.rateLimitCallCount, q.rateLimitRefreshSecond,
        q.componentRateLimitCallCount, q.componentRateLimitRefreshSecond,
      ]
      for i in 0..<7 { numbers[i].append(values[i]) }
    }
    return make(.quota, [.text(path)] + numbers.map { .integer($0) })
  }

  /// An empty table for a catalog table (e.g. a key filter that names nothing).
  public static func empty(_ name: String, catalog: Catalog = .standard) -> Table? {
    catalog.table(named: name).map { Table(schema: $0) }
  }

  static func make(_ id: TableID, _ columns: [ColumnData]) -> Table {
    Table(name: id.name, columnNames: id.schema.columnNames, columns: columns)
  }
}

/// Builds `envs` and the nested tables one environment at a time, as
/// `WeChatAPI.describeEnvs(into:)` decodes them: no array of every `CloudBaseRunEnv` is kept.
public struct EnvTablesBuilder: EnvSink {
  // env_id is unique: its dictionary is sized once when the count is known. Nested tables
  // share its dictionary.
  private var envID: TextColumn
  private var alias = TextColumn(), source = TextColumn(), status = TextColumn()
  private var region = TextColumn(), createTime = TextColumn(), updateTime = TextColumn()
  private var packageID = TextColumn(), packageName = TextColumn(), payMode = TextColumn()
  private var envChannel = TextColumn()
  private var isDefault = BooleanColumn(), isAutoDegrade = BooleanColumn()
  private var databases = NestedBuilder(3), storages = NestedBuilder(4)
  private var functions = NestedBuilder(2), logServices = NestedBuilder(5)
  private var staticStorages = NestedBuilder(5), tags = NestedBuilder(2)
  private var customLogServices = NestedBuilder(4)

  public init(expectedEnvs: Int = 0) {
    envID = TextColumn(expectingDistinct: expectedEnvs)
    envID.reserveCapacity(expectedEnvs)
  }

  public mutating func append(_ env: CloudBaseRunEnv) {
    envID.append(env.envID)
    let id = envID.codes.last!
    alias.append(env.alias)
    source.append(env.source)
    status.append(env.status)
    region.append(env.region)
    createTime.append(env.createTime)
    updateTime.append(env.updateTime)
    packageID.append(env.packageID)
    packageName.append(env.packageName)
    payMode.append(env.payMode)
    envChannel.append(env.envChannel)
    isDefault.append(env.isDefault)
    isAutoDegrade.append(env.isAutoDegrade)
    for d in env.databases { databases.append(id, d.instanceID, d.status, d.region) }
    for s in env.storages { storages.append(id, s.region, s.bucket, s.cdnDomain, s.appID) }
    for f in env.functions { functions.append(id, f.namespace, f.region) }
    for l in env.logServices {
      logServices.append(id, l.logsetName, l.logsetID, l.topicName, l.topicID, l.region)
    }
    for s in env.staticStorages {
      staticStorages.append(id, s.staticDomain, s.defaultDirName, s.status, s.region, s.bucket)
    }
    for t in env.tags { tags.append(id, t.key, t.value) }
    for c in env.customLogServices {
      customLogServices.append(id, c.clsRegion, c.clsLogsetID, c.clsTopicID, c.createTime)
    }
  }

  /// The tables, by catalog name: `envs` and every table nested in it.
  public func tables() -> [String: Table] {
    var tables: [String: Table] = [:]
    for id in TableID.allCases {
      if let columns = columns(of: id) { tables[id.name] = Tables.make(id, columns) }
    }
    return tables
  }

  /// The columns of `id`, if it is one of the tables built from describecloudbaserunenvs.
  private func columns(of id: TableID) -> [ColumnData]? {
    switch id {
    case .envs:
      [
        envID, alias, source, status, region, createTime, updateTime, packageID, packageName,
        payMode, envChannel,
      ].map { .text($0) } + [.boolean(isDefault), .boolean(isAutoDegrade)]
    case .databases: databases.columns(envID)
    case .storages: storages.columns(envID)
    case .functions: functions.columns(envID)
    case .logServices: logServices.columns(envID)
    case .staticStorages: staticStorages.columns(envID)
    case .tags: tags.columns(envID)
    case .customLogServices: customLogServices.columns(envID)
    case .apps, .appInfo, .appPermissions, .shares, .shareErrors, .quota: nil
    }
  }
}

/// Rows of a nested table: env_id (as a code of the envs' env_id column), then text fields.
private struct NestedBuilder: Sendable {
  var envCodes: [Int32] = []
  var fields: [TextColumn]

  init(_ fieldCount: Int) {
    fields = Array(repeating: TextColumn(), count: fieldCount)
  }

  /// One row: the first `fields.count` of the values (no array per row).
  mutating func append(
    _ envCode: Int32, _ a: String?, _ b: String?, _ c: String? = nil, _ d: String? = nil,
    _ e: String? = nil
  ) {
    envCodes.append(envCode)
    fields[0].append(a)
    fields[1].append(b)
    if fields.count > 2 { fields[2].append(c) }
    if fields.count > 3 { fields[3].append(d) }
    if fields.count > 4 { fields[4].append(e) }
  }

  func columns(_ envID: TextColumn) -> [ColumnData] {
    [.text(TextColumn(codes: envCodes, sharing: envID))] + fields.map { .text($0) }
  }
}
