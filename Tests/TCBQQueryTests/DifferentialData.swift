import TCBQCore

@testable import TCBQQuery

/// Deterministic rows for the differential test: NULLs, empty strings, CJK text, mixed case,
/// numbers as text, large integers.
enum DifferentialData {
  struct Random {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
  }

  static let aliases: [String?] = [
    "alpha", "Alpha", "ALPHA-1", "beta", "", nil, "中文环境", "测试-env", "ábc", "a_b", "a%b", "x'y",
    "Zeta", "zeta", "12", "9", "  pad  ", "abab", "Ω-omega", "b",
  ]
  static let statuses: [String?] = ["NORMAL", "UNAVAILABLE", "normal", nil, ""]
  static let regions: [String?] = ["ap-shanghai", "ap-guangzhou", nil]
  static let packageIDs: [String?] = [
    "12", " 12 ", "1e3", "0x10", "-5", "abc", "", "9223372036854775808", "3.5", "007", nil,
    "12abc", "-0", "100",
  ]
  /// "é" twice: precomposed (U+00E9) and decomposed (e + U+0301). SQLite tells them apart by
  /// their bytes; Swift's `String ==` would not.
  static let packageNames: [String?] = [
    "基础版", "专业版", "Basic", "basic", nil, "\u{E9}", "Ω", "", "e\u{301}",
  ]
  static let payModes: [String?] = ["prepayment", "POSTPAID", "postpaid", nil]
  static let bools: [Bool?] = [true, false, nil, false]
  static let tagKeys: [String?] = ["team", "Team", "cost", "优先级", nil]
  static let tagValues: [String?] = ["1", "01", "a", "A", "", nil, "2.0", "10", "-3"]
  static let authTimes: [Int64?] = [
    0, 1, -1, 100, 1_700_000_000, 4_000_000_000_000, -4_000_000_000_000, nil, 7, 99, 3_000_000_000,
  ]

  static let envs: [CloudBaseRunEnv] = {
    var rng = Random(state: 42)
    return (0..<60).map { i in
      var tags: [CloudBaseRunEnv.Tag] = []
      for _ in 0..<rng.next(4) {
        tags.append(.init(key: rng.pick(tagKeys), value: rng.pick(tagValues)))
      }
      return CloudBaseRunEnv(
        envID: "env-\(String(format2: i))", alias: rng.pick(aliases),
        source: rng.pick(["miniapp", "qcloud", nil]),
        createTime:
          "2021-\(String(format2: 1 + rng.next(12)))-\(String(format2: 1 + rng.next(28))) 15:06:52",
        status: rng.pick(statuses), packageID: rng.pick(packageIDs),
        packageName: rng.pick(packageNames), isAutoDegrade: rng.pick(bools),
        envChannel: rng.pick(["wxrun", nil]), payMode: rng.pick(payModes),
        isDefault: rng.pick(bools), region: rng.pick(regions), tags: tags)
    }
  }()

  static let authorizers: [Authorizer] = {
    var rng = Random(state: 7)
    return (0..<40).map { i in
      Authorizer(
        appid: (i % 7 == 3 ? "WX" : "wx") + "app\(String(format2: i))",
        authTime: rng.pick(authTimes))
    }
  }()

  static let relations: [SharesResult.Relation] = {
    var rng = Random(state: 99)
    return (0..<30).map { i in
      let envs = (0..<rng.next(4)).map { _ in
        rng.next(10) == 0 ? "env-missing" : "env-\(String(format2: rng.next(60)))"
      }
      return SharesResult.Relation(appid: authorizers[i].appid, envIDs: Array(Set(envs)).sorted())
    }
  }()

  static let quotas: [APIQuota] = {
    let values: [Int64?] = [
      9_223_372_036_854_775_807, 9_000_000_000_000_000_000, 100_000, nil, -1, 0,
    ]
    return (0..<8).map { i in
      var q = APIQuota(cgiPath: "/path/\(i)")
      q.dailyLimit = values[i % values.count]
      q.used = Int64(i * 3)
      q.remain = i == 2 ? nil : Int64(100 - i)
      q.rateLimitCallCount = i % 3 == 0 ? nil : Int64(i)
      return q
    }
  }()

  static let tables: [String: Table] = {
    var t = Tables.fromEnvs(envs)
    t["apps"] = Tables.fromAuthorizers(authorizers)
    t["shares"] = Tables.fromShares(relations)
    t["quota"] = Tables.fromQuota(quotas)
    return t
  }()

  /// The tables as SQL for sqlite3: CREATE TABLE with the declared types (booleans INTEGER 0/1)
  /// and INSERTs.
  static var sql: String {
    var out = ""
    for name in ["envs", "tags", "apps", "shares", "quota"] {
      let schema = Catalog.standard.table(named: name)!
      let columns = schema.columns.map { "\($0.name) \($0.type == .text ? "TEXT" : "INTEGER")" }
      out += "CREATE TABLE \(name) (\(columns.joined(separator: ", ")));\n"
      for row in tables[name]!.rows {
        out += "INSERT INTO \(name) VALUES (\(row.map(literal).joined(separator: ", ")));\n"
      }
    }
    return out
  }

  static func literal(_ v: Value) -> String {
    switch v {
    case .null: "NULL"
    case .integer(let i): String(i)
    case .real(let r): "\(r)"
    case .boolean(let b): b ? "1" : "0"
    case .text(let s):
      "'" + s.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
    }
  }
}

extension String {
  /// Two digits at least: 7 → "07".
  init(format2 n: Int) {
    self = n < 10 ? "0\(n)" : String(n)
  }
}
