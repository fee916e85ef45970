import TCBQCore
import Testing

@testable import TCBQQuery

@Suite struct TablesTests {
  @Test func envsAndNestedTablesInOnePass() {
    let tables = Tables.fromEnvs(Fixture.envs)
    #expect(
      Set(tables.keys) == [
        "envs", "databases", "storages", "functions", "log_services", "static_storages", "tags",
        "custom_log_services",
      ])
    let envs = tables["envs"]!
    #expect(envs.columnNames == Catalog.standard.table(named: "envs")!.columnNames)
    #expect(envs.rowCount == 3)
    #expect(envs.rows[0][0] == .text("env-a"))
    #expect(envs.rows[1][envs.columnNames.firstIndex(of: "is_default")!] == .boolean(false))
    #expect(envs.rows[2][envs.columnNames.firstIndex(of: "is_default")!] == .null)
    #expect(envs.rows[2][envs.columnNames.firstIndex(of: "status")!] == .null)
    #expect(
      tables["tags"]!.rows == [
        [.text("env-a"), .text("team"), .text("core")],
        [.text("env-a"), .text("cost"), .text("10")],
        [.text("env-b"), .text("team"), .text("web")],
      ])
    #expect(
      tables["databases"]!.rows == [
        [.text("env-a"), .text("db-1"), .text("RUNNING"), .text("ap-shanghai")]
      ])
    #expect(tables["storages"]!.rowCount == 0)
    #expect(
      tables["storages"]!.columnNames == ["env_id", "region", "bucket", "cdn_domain", "app_id"])
  }

  @Test func everyTableMatchesTheCatalog() {
    var tables = Tables.fromEnvs(Fixture.envs)
    tables["apps"] = Tables.fromAuthorizers(Fixture.authorizers)
    tables["shares"] = Tables.fromShares(Fixture.relations)
    tables["quota"] = Tables.fromQuota([APIQuota(cgiPath: "/a")])
    tables["app_info"] = Tables.fromAuthorizerInfo([AuthorizerInfo(appid: "wx1")])
    tables["app_permissions"] = Tables.fromPermissions([AuthorizerInfo(appid: "wx1")])
    tables["share_errors"] = Tables.fromShareErrors([])
    for schema in Catalog.standard.tables {
      let table = tables[schema.name]!
      #expect(table.columnNames == schema.columnNames, "\(schema.name)")
      #expect(table.columns.map(\.type) == schema.columns.map(\.type), "\(schema.name)")
    }
  }

  @Test func sharesOneRowPerPair() {
    let shares = Tables.fromShares(Fixture.relations)
    #expect(
      shares.rows == [
        [.text("wx1"), .text("env-a")], [.text("wx1"), .text("env-b")],
        [.text("wx3"), .text("env-a")], [.text("wx3"), .text("env-x")],
      ])
  }

  @Test func mergingSharesReplacesThoseAppids() {
    let first = Tables.fromShares(Fixture.relations)
    let merged = Tables.mergingShares(
      first,
      with: [
        .init(appid: "wx1", envIDs: ["env-c"]), .init(appid: "wx3", envIDs: []),
        .init(appid: "wx9", envIDs: ["env-a"]),
      ])
    #expect(
      merged.rows == [
        [.text("wx1"), .text("env-c")], [.text("wx9"), .text("env-a")],
      ])
    #expect(Tables.mergingShares(nil, with: Fixture.relations).rowCount == 4)
  }

  @Test func appsAndQuota() {
    #expect(
      Tables.fromAuthorizers(Fixture.authorizers).rows == [
        [.text("wx1"), .integer(100)], [.text("wx2"), .null], [.text("wx3"), .integer(7)],
      ])
    var q = APIQuota(cgiPath: "/p")
    q.dailyLimit = 9_000_000_000_000
    q.componentRateLimitRefreshSecond = 60
    #expect(
      Tables.fromQuota([q]).rows == [
        [.text("/p"), .integer(9_000_000_000_000), .null, .null, .null, .null, .null, .integer(60)]
      ])
  }

  @Test func textValuesAreDistinct() {
    let shares = Tables.fromShares(Fixture.relations)
    #expect(shares.textValues(column: "appid") == ["wx1", "wx3"])
    #expect(shares.textValues(column: "nope") == [])
  }

  @Test func catalogDescribesKeysAndSources() {
    let catalog = Catalog.standard
    #expect(catalog.table(named: "SHARES")?.keyColumn == "appid")
    #expect(catalog.table(named: "quota")?.keyColumn == "cgi_path")
    #expect(catalog.table(named: "tags")?.source == .describeCloudBaseRunEnvs)
    #expect(catalog.table(named: "apps")?.filledBy == "api_get_authorizer_list")
    #expect(catalog.table(named: "quota")?.filledBy == "getApiQuota")
    let describe = catalog.describeResult(catalog.table(named: "apps")!)
    #expect(describe.values[0] == [.text("appid"), .text("auth_time")])
    #expect(describe.values[1] == [.text("text"), .text("integer")])
    #expect(catalog.tablesResult().rowCount == 14)
    for name in ["app_info", "app_permissions", "share_errors"] {
      #expect(catalog.table(named: name)?.keyColumn == "appid", "\(name)")
    }
    #expect(catalog.table(named: "app_info")?.filledBy == "api_get_authorizer_info")
    #expect(catalog.table(named: "share_errors")?.source == .batchGetEnvID)
  }

  @Test func appInfoOneRowPerAppWithTheIDsAsSent() {
    let infos = [
      AuthorizerInfo(
        appid: "wx1", nickName: "云栈商城", userName: "gh_1", principalName: "深圳市云栈科技有限公司",
        serviceType: 0, verifyType: -1, accountStatus: 16, isMiniProgram: true, signature: "",
        headImg: "http://h/1", funcscopeIDs: [18, 49]),
      AuthorizerInfo(appid: "wx2", serviceType: 2, isMiniProgram: false),
    ]
    #expect(
      Tables.fromAuthorizerInfo(infos).rows == [
        [
          .text("wx1"), .text("云栈商城"), .text("gh_1"), .text("深圳市云栈科技有限公司"), .integer(0),
          .integer(-1), .integer(16), .boolean(true), .text(""), .text("http://h/1"),
        ],
        [
          .text("wx2"), .null, .null, .null, .integer(2), .null, .null, .boolean(false), .null,
          .null,
        ],
      ])
    #expect(
      Tables.fromPermissions(infos).rows == [
        [.text("wx1"), .integer(18)], [.text("wx1"), .integer(49)],
      ])
  }

  @Test func shareErrorsAreTheServicesAnswersNotTheFailedCalls() {
    let failures = [
      AppFailure(appid: "wx1", errcode: 85088, errmsg: "no qbase privilege", answered: true),
      AppFailure(appid: "wx2", errmsg: "appid is not a mini program", answered: true),
      AppFailure(appid: "wx3", errmsg: "something else", answered: true),
      AppFailure(appid: "wx4", errcode: -1, errmsg: "system error"),
    ]
    #expect(
      Tables.fromShareErrors(failures).rows == [
        [.text("wx1"), .text("no qbase privilege"), .text("no_cloud_development")],
        [.text("wx2"), .text("appid is not a mini program"), .text("not_mini_program")],
        [.text("wx3"), .text("something else"), .text("failed")],
      ])
  }
}
