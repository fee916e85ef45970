import TCBQCore
import Testing

@testable import TCBQQuery

/// Parsing and running statements in tests.
enum EngineTest {
  /// The `select` (or `explain`'s select) of `sql`.
  static func select(_ sql: String) throws -> SelectStatement {
    let result = Script.parse(sql)
    guard result.diagnostics.isEmpty, let statement = result.statements.first?.statement else {
      throw TestFailure("does not parse: \(sql): \(result.diagnostics)")
    }
    switch statement {
    case .select(let s), .explain(let s): return s
    default: throw TestFailure("not a select: \(sql)")
    }
  }

  static func plan(_ sql: String) throws -> QueryPlan {
    try Planner.plan(select(sql), catalog: .standard, source: sql)
  }

  /// The diagnostics of planning `sql` (empty when it plans).
  static func diagnostics(_ sql: String) throws -> [Diagnostic] {
    do {
      _ = try Planner.plan(select(sql), catalog: .standard, source: sql)
      return []
    } catch let error as PlanError {
      return error.diagnostics
    }
  }

  static func run(_ sql: String, _ tables: [String: Table]) throws -> ResultSet {
    try Executor.executeWithSteps(plan(sql), tables: tables)
  }

  /// Rows of a result, row-major.
  static func rows(_ result: ResultSet) -> [[Value]] {
    (0..<result.rowCount).map { r in result.values.map { $0[r] } }
  }

  /// The text of `sql` at a diagnostic's range.
  static func text(_ sql: String, at range: SourceRange) -> String {
    let bytes = Array(sql.utf8)
    return String(decoding: bytes[range.start.offset..<range.end.offset], as: UTF8.self)
  }
}

struct TestFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// Small fixed tables for executor tests.
enum Fixture {
  static let envs: [CloudBaseRunEnv] = [
    CloudBaseRunEnv(
      envID: "env-a", alias: "alpha", source: "miniapp", createTime: "2021-12-16 15:06:52",
      status: "NORMAL",
      databases: [.init(instanceID: "db-1", status: "RUNNING", region: "ap-shanghai")],
      packageID: "12", isAutoDegrade: false, payMode: "postpaid", isDefault: true,
      region: "ap-shanghai",
      tags: [.init(key: "team", value: "core"), .init(key: "cost", value: "10")]),
    CloudBaseRunEnv(
      envID: "env-b", alias: "Beta", source: "qcloud", status: "UNAVAILABLE",
      packageID: "", isAutoDegrade: true, payMode: "PREPAYMENT", isDefault: false,
      region: "ap-guangzhou", tags: [.init(key: "team", value: "web")]),
    CloudBaseRunEnv(
      envID: "env-c", alias: "中文", source: "miniapp", status: nil, region: "ap-shanghai"),
  ]

  static let authorizers: [Authorizer] = [
    Authorizer(appid: "wx1", authTime: 100),
    Authorizer(appid: "wx2", authTime: nil),
    Authorizer(appid: "wx3", authTime: 7),
  ]

  static let relations: [SharesResult.Relation] = [
    .init(appid: "wx1", envIDs: ["env-a", "env-b"]),
    .init(appid: "wx2", envIDs: []),
    .init(appid: "wx3", envIDs: ["env-a", "env-x"]),
  ]

  static var tables: [String: Table] {
    var t = Tables.fromEnvs(envs)
    t["apps"] = Tables.fromAuthorizers(authorizers)
    t["shares"] = Tables.fromShares(relations)
    var q = APIQuota(cgiPath: "/componenttcb/batchgetenvid")
    q.dailyLimit = 10_000
    q.used = 12
    q.remain = 9_988
    t["quota"] = Tables.fromQuota([q, APIQuota(cgiPath: "/x")])
    return t
  }
}
