import TCBQCore

/// Builds the catalog's tables from API answers.
public enum Tables {
  /// `envs` and every nested table (`databases`, `storages`, …), in one pass over the answer.
  public static func fromEnvs(_ envs: [CloudBaseRunEnv]) -> [String: Table] {
    // env_id is unique: size its lookup once. Nested tables share its dictionary.
    var envID = TextColumn(expectingDistinct: envs.count)
    var alias = TextColumn(), source = TextColumn(), status = TextColumn()
    var region = TextColumn(), createTime = TextColumn(), updateTime = TextColumn()
    var packageID = TextColumn(), packageName = TextColumn(), payMode = TextColumn()
    var envChannel = TextColumn()
    var isDefault = BooleanColumn(), isAutoDegrade = BooleanColumn()
    envID.reserveCapacity(envs.count)
    var databases = NestedBuilder(3), storages = NestedBuilder(4), functions = NestedBuilder(2)
    var logServices = NestedBuilder(5), staticStorages = NestedBuilder(5), tags = NestedBuilder(2)
    var customLogServices = NestedBuilder(4)

    for env in envs {
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
      for d in env.databases { databases.append(id, [d.instanceID, d.status, d.region]) }
      for s in env.storages { storages.append(id, [s.region, s.bucket, s.cdnDomain, s.appID]) }
      for f in env.functions { functions.append(id, [f.namespace, f.region]) }
      for l in env.logServices {
        logServices.append(id, [l.logsetName, l.logsetID, l.topicName, l.topicID, l.region])
      }
      for s in env.staticStorages {
        staticStorages.append(id, [s.staticDomain, s.defaultDirName, s.status, s.region, s.bucket])
      }
      for t in env.tags { tags.append(id, [t.key, t.value]) }
      for c in env.customLogServices {
        customLogServices.append(id, [c.clsRegion, c.clsLogsetID, c.clsTopicID, c.createTime])
      }
    }

    let envColumns: [ColumnData] =
      [envID, alias, source, status, region, createTime, updateTime, packageID, packageName,
       payMode, envChannel].map { .text($0) } + [.boolean(isDefault), .boolean(isAutoDegrade)]
    var result: [String: Table] = [:]
    result["envs"] = make("envs", envColumns)
    result["databases"] = make("databases", databases.columns(envID))
    result["storages"] = make("storages", storages.columns(envID))
    result["functions"] = make("functions", functions.columns(envID))
    result["log_services"] = make("log_services", logServices.columns(envID))
    result["static_storages"] = make("static_storages", staticStorages.columns(envID))
    result["tags"] = make("tags", tags.columns(envID))
    result["custom_log_services"] = make("custom_log_services", customLogServices.columns(envID))
    return result
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
    return make("apps", [.text(appid), .integer(authTime)])
  }

  /// `shares` from batchgetenvid: one row per (appid, env) pair; an appid sharing nothing has no
  /// row.
  public static func fromShares(_ relations: [SharesResult.Relation]) -> Table {
    var appid = TextColumn(), envID = TextColumn()
    for relation in relations {
      for env in relation.envIDs {
        appid.append(relation.appid)
        envID.append(env)
      }
    }
    return make("shares", [.text(appid), .text(envID)])
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
    return make("quota", [.text(path)] + numbers.map { .integer($0) })
  }

  /// An empty table for a catalog table (e.g. a key filter that names nothing).
  public static func empty(_ name: String, catalog: Catalog = .standard) -> Table? {
    catalog.table(named: name).map { Table(schema: $0) }
  }

  private static func make(_ name: String, _ columns: [ColumnData]) -> Table {
    let schema = Catalog.standard.table(named: name)!
    return Table(name: name, columnNames: schema.columnNames, columns: columns)
  }
}

/// Rows of a nested table: env_id (as a code of the envs' env_id column), then text fields.
private struct NestedBuilder {
  var envCodes: [Int32] = []
  var fields: [TextColumn]

  init(_ fieldCount: Int) {
    fields = Array(repeating: TextColumn(), count: fieldCount)
  }

  mutating func append(_ envCode: Int32, _ values: [String?]) {
    envCodes.append(envCode)
    for i in fields.indices { fields[i].append(values[i]) }
  }

  func columns(_ envID: TextColumn) -> [ColumnData] {
    [.text(TextColumn(codes: envCodes, sharing: envID))] + fields.map { .text($0) }
  }
}
