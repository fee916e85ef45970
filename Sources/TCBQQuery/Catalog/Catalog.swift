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

  /// The tables of the language (docs/language.md, "Tables").
  public static let standard = Catalog(tables: [
    TableSchema(
      name: "envs",
      columns: text(
        "env_id", "alias", "source", "status", "region", "create_time", "update_time",
        "package_id", "package_name", "pay_mode", "env_channel")
        + [
          ColumnSchema(name: "is_default", type: .boolean),
          ColumnSchema(name: "is_auto_degrade", type: .boolean),
        ],
      source: .describeCloudBaseRunEnvs, summary: "one row per cloud-hosting environment"),
    nested("databases", "instance_id", "status", "region"),
    nested("storages", "region", "bucket", "cdn_domain", "app_id"),
    nested("functions", "namespace", "region"),
    nested("log_services", "logset_name", "logset_id", "topic_name", "topic_id", "region"),
    nested("static_storages", "static_domain", "default_dir_name", "status", "region", "bucket"),
    nested("tags", "key", "value"),
    nested("custom_log_services", "cls_region", "cls_logset_id", "cls_topic_id", "create_time"),
    TableSchema(
      name: "apps",
      columns: [
        ColumnSchema(name: "appid", type: .text), ColumnSchema(name: "auth_time", type: .integer),
      ],
      source: .authorizerList, summary: "one row per authorized mini program or official account"),
    TableSchema(
      name: "shares", columns: text("appid", "env_id"), source: .batchGetEnvID,
      keyColumn: "appid", summary: "one row per (appid, env) pair a mini program shares"),
    TableSchema(
      name: "quota",
      columns: [ColumnSchema(name: "cgi_path", type: .text)]
        + [
          "daily_limit", "used", "remain", "rate_limit_call_count", "rate_limit_refresh_second",
          "component_rate_limit_call_count", "component_rate_limit_refresh_second",
        ].map { ColumnSchema(name: $0, type: .integer) },
      source: .apiQuota, keyColumn: "cgi_path", summary: "the daily quota of one API path"),
  ])

  /// The cgi paths `quota` asks for when no `cgi_path` filter names them: the component paths
  /// tcbq calls.
  public static let defaultQuotaPaths: [String] = [
    "/componenttcb/batchgetenvid",
    "/componenttcb/batchshareenv",
    "/componenttcb/batchunshareenv",
    "/componenttcb/describecloudbaserunenvs",
    "/cgi-bin/component/api_get_authorizer_list",
  ]

  private static func text(_ names: String...) -> [ColumnSchema] {
    names.map { ColumnSchema(name: $0, type: .text) }
  }

  private static func nested(_ name: String, _ columns: String...) -> TableSchema {
    TableSchema(
      name: name,
      columns: ([ColumnSchema(name: "env_id", type: .text)]
        + columns.map { ColumnSchema(name: $0, type: .text) }),
      source: .describeCloudBaseRunEnvs,
      summary: "one row per element of an environment's \(name) list")
  }
}
