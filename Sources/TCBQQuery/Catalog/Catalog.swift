import TCBQCore

/// The tables the language knows, with their columns, types, sources and key columns.
public struct Catalog: Sendable, Hashable {
  public var tables: [TableSchema]

  public init(tables: [TableSchema]) {
    self.tables = tables
  }

  /// The table named `name` (case-insensitive).
  public func table(named name: String) -> TableSchema? {
    let key = name.lowercased()
    return tables.first { $0.name == key }
  }

  public var tableNames: [String] { tables.map(\.name) }

  /// This catalog with `table` added after the others, or in place of the one of its name.
  public func replacing(_ table: TableSchema) -> Catalog {
    var tables = self.tables
    if let index = tables.firstIndex(where: { $0.name == table.name }) {
      tables[index] = table
    } else {
      tables.append(table)
    }
    return Catalog(tables: tables)
  }

  /// The name of the table that holds the last select's result: `select * from _`.
  public static let lastResultName = "_"

  /// The tables of the language (docs/language.md, "Tables"): one per `TableID`, in its order.
  public static let standard = Catalog(tables: TableID.allCases.map(\.schema))

  /// The cgi paths `quota` asks for when no `cgi_path` filter names them: the component paths
  /// tcbq calls.
  public static let defaultQuotaPaths = WeChatEndpoint.quotaDefaults.map(\.path)
}

extension TableID {
  /// The table's columns, the endpoint that fills it, its key column and what a row is.
  public var schema: TableSchema {
    switch self {
    case .envs:
      TableSchema(
        self,
        columns: Self.text(
          "env_id", "alias", "source", "status", "region", "create_time", "update_time",
          "package_id", "package_name", "pay_mode", "env_channel")
          + [
            ColumnSchema(name: "is_default", type: .boolean),
            ColumnSchema(name: "is_auto_degrade", type: .boolean),
          ],
        source: .describeCloudBaseRunEnvs, summary: "one row per cloud-hosting environment")
    case .databases: nested("instance_id", "status", "region")
    case .storages: nested("region", "bucket", "cdn_domain", "app_id")
    case .functions: nested("namespace", "region")
    case .logServices: nested("logset_name", "logset_id", "topic_name", "topic_id", "region")
    case .staticStorages:
      nested("static_domain", "default_dir_name", "status", "region", "bucket")
    case .tags: nested("key", "value")
    case .customLogServices: nested("cls_region", "cls_logset_id", "cls_topic_id", "create_time")
    case .apps:
      TableSchema(
        self,
        columns: [
          ColumnSchema(name: "appid", type: .text), ColumnSchema(name: "auth_time", type: .integer),
        ],
        source: .authorizerList, summary: "one row per authorized mini program or official account")
    case .appInfo:
      TableSchema(
        self,
        columns: Self.text("appid", "nick_name", "user_name", "principal_name")
          + Self.integer("service_type", "verify_type", "account_status")
          + [ColumnSchema(name: "is_mini_program", type: .boolean)]
          + Self.text("signature", "head_img"),
        source: .authorizerInfo, keyColumn: "appid",
        summary: "who each authorized app is (one call per app)")
    case .appPermissions:
      TableSchema(
        self, columns: Self.text("appid") + Self.integer("funcscope_id"), source: .authorizerInfo,
        keyColumn: "appid", summary: "one row per permission set an app granted the provider")
    case .shares:
      TableSchema(
        self, columns: Self.text("appid", "env_id"), source: .batchGetEnvID, keyColumn: "appid",
        summary: "one row per (appid, env) pair a mini program shares")
    case .shareErrors:
      TableSchema(
        self, columns: Self.text("appid", "errmsg", "kind"), source: .batchGetEnvID,
        keyColumn: "appid",
        summary: "one row per err_list entry of batchgetenvid: why an app has no shares")
    case .quota:
      TableSchema(
        self,
        columns: [ColumnSchema(name: "cgi_path", type: .text)]
          + [
            "daily_limit", "used", "remain", "rate_limit_call_count", "rate_limit_refresh_second",
            "component_rate_limit_call_count", "component_rate_limit_refresh_second",
          ].map { ColumnSchema(name: $0, type: .integer) },
        source: .apiQuota, keyColumn: "cgi_path", summary: "the daily quota of one API path")
    }
  }

  private static func text(_ names: String...) -> [ColumnSchema] {
    names.map { ColumnSchema(name: $0, type: .text) }
  }

  private static func integer(_ names: String...) -> [ColumnSchema] {
    names.map { ColumnSchema(name: $0, type: .integer) }
  }

  /// A table of one of an environment's lists: env_id, then the list elements' fields.
  private func nested(_ columns: String...) -> TableSchema {
    TableSchema(
      self,
      columns: [ColumnSchema(name: "env_id", type: .text)]
        + columns.map { ColumnSchema(name: $0, type: .text) },
      source: .describeCloudBaseRunEnvs,
      summary: "one row per element of an environment's \(name) list")
  }
}
