import Foundation
import Testing

@testable import TCBQQuery

/// The same rows in tcbq's engine and in the real sqlite3: every query must give the same
/// values, types and column names (as multisets without ORDER BY, in order with it).
@Suite struct DifferentialTests {
  /// Written by hand, then generated.
  static let queries: [String] =
    handwritten + expressionQueries + functionQueries + aggregateQueries + subqueryQueries
    + compoundQueries + joinAndCorrelationQueries
    + DifferentialFuzz.queries(240)
    + DifferentialFuzz.joinQueries(90)

  static let handwritten: [String] = [
    // projection, filters, NULL
    "select * from envs",
    "select env_id, alias from envs where status = 'NORMAL'",
    "select env_id from envs where status != 'NORMAL'",
    "select env_id, status from envs where status <> 'normal' or status is null",
    "select env_id from envs where status is null",
    "select env_id from envs where alias is not null and alias = ''",
    // like
    "select alias from envs where alias like 'a%'",
    "select alias from envs where alias like '%A_'",
    "select alias from envs where alias not like '%e%'",
    "select alias, alias like '中_环境', alias like '_b%' from envs",
    "select alias from envs where alias like 'ALPHA%'",
    // affinity: text column against numbers, integer column against texts
    "select env_id, package_id from envs where package_id = 12",
    "select env_id, package_id from envs where package_id > 5",
    "select env_id, package_id from envs where package_id in (12, '007', 100)",
    "select appid from apps where auth_time = '100'",
    "select appid from apps where auth_time > '5x'",
    "select appid, auth_time from apps where auth_time in ('7', 99, ' 100 ')",
    "select env_id from envs where is_default = 1",
    "select env_id from envs where is_default = true and not is_auto_degrade",
    "select env_id, is_default = '1', is_default from envs",
    "select env_id from envs where is_default",
    // between, in, three-valued logic
    "select appid, auth_time from apps where auth_time between 1 and 1000",
    "select appid from apps where auth_time not between 0 and 100",
    "select env_id from envs where status in ('NORMAL', null)",
    "select env_id from envs where status not in ('NORMAL', null)",
    "select env_id from envs where status not in ('NORMAL', '')",
    "select env_id, status = 'x' or status is null, not (status = 'NORMAL'), null and 0, null or 1, null and 1 from envs",
    "select alias from envs where alias between 'a' and 'm'",
    // arithmetic
    "select auth_time + 1, auth_time - 2, auth_time * 2, auth_time / 3, auth_time % 7, -auth_time from apps",
    "select appid, auth_time * 1000000000, auth_time * 4000000000 from apps",
    "select auth_time / 0, auth_time % 0, auth_time / 0.0 from apps",
    "select package_id + 0, package_id * 1, package_id / 2, -package_id from envs",
    "select auth_time / 2.0, auth_time + 0.5, auth_time % 2.5 from apps",
    "select daily_limit + 1, daily_limit * 2, daily_limit - -9000000000000000000, -daily_limit from quota",
    "select -7 / 2, -7 % 3, 7 % -3, 5 / -2, 7 / 2.0, 1 + 2 * 3 from apps where appid = 'wxapp00'",
    "select appid from apps where auth_time % 2 = 0",
    "select is_default + 1, is_default * 10 from envs",
    // texts equal by their bytes: precomposed and decomposed "é" are two values
    "select package_name, count(*) from envs group by package_name",
    "select distinct package_name from envs",
    "select env_id from envs where package_name in ('\u{E9}', 'x')",
    "select env_id, package_name not in ('e\u{301}', 'Basic') from envs",
    "select env_id from envs where package_name || '' in ('\u{E9}', 'Ω')",
    "select '\u{E9}' in ('e\u{301}'), '\u{E9}' = 'e\u{301}', '\u{E9}' in ('\u{E9}') from apps",
    "select a.env_id, b.env_id from envs a join envs b on a.package_name = b.package_name where a.package_name like '%\u{301}%' or a.package_name = '\u{E9}'",
    // concatenation and functions
    "select env_id || '-' || alias, alias || null, 1.5 || '' from envs",
    "select auth_time || 'x', appid || auth_time from apps",
    "select lower(alias), upper(alias), length(alias), length(package_id) from envs",
    "select length(auth_time), length(null), lower(auth_time), upper(appid) from apps",
    "select alias, substr(alias, 2), substr(alias, 0, 2), substr(alias, -3), substr(alias, -3, 2) from envs",
    "select alias, substr(alias, 2, -1), substr(alias, -10, 3), substr(alias, 3, 0), substr(alias, 1, 100) from envs",
    "select substr(auth_time, 2, 3), substr(appid, -2, -1) from apps",
    "select trim(alias), trim(alias, 'ab'), trim(package_id, ' 1'), trim(package_name, '基版') from envs",
    "select coalesce(alias, status, 'none'), ifnull(alias, 'x'), coalesce(null, null, 3) from envs",
    "select max(auth_time, 100), min(auth_time, 100, 50) from apps",
    // aggregates
    "select count(*), count(alias), count(distinct status), count(distinct lower(status)) from envs",
    "select sum(auth_time), avg(auth_time), min(auth_time), max(auth_time), count(auth_time) from apps",
    "select sum(package_id), avg(package_id), min(package_id), max(package_id) from envs",
    "select min(alias), max(alias), min(is_default), max(is_default), sum(is_default) from envs",
    "select count(*), sum(auth_time), avg(auth_time), min(auth_time), max(appid) from apps where 1 = 0",
    "select sum(distinct auth_time), avg(distinct auth_time % 3), count(distinct auth_time / 2.0) from apps",
    "select sum(used), sum(remain), avg(daily_limit), max(daily_limit), sum(rate_limit_call_count) from quota",
    // group by, having
    "select status, count(*) from envs group by status",
    "select region, is_default, count(*), sum(is_auto_degrade) from envs group by region, is_default",
    "select status, count(*) from envs group by status having count(*) > 10",
    "select lower(status), count(*), min(env_id) from envs group by lower(status)",
    "select status as s, count(*) as n from envs group by s having n > 2",
    "select pay_mode, count(*) as n from envs group by pay_mode order by n desc, pay_mode",
    "select key, count(*), count(distinct value), max(value) from tags group by key",
    "select auth_time % 3, count(*) from apps group by 1",
    "select count(*) from envs having count(*) > 0",
    // distinct
    "select distinct status from envs",
    "select distinct region, status from envs",
    "select distinct lower(pay_mode) from envs",
    // order by, limit, offset
    "select env_id, status, alias from envs order by status, env_id desc",
    "select alias, env_id from envs order by alias, env_id",
    "select alias, env_id from envs order by alias desc, env_id",
    "select env_id, alias from envs order by 2, 1",
    "select env_id as id, length(alias) as l from envs order by l desc, id limit 7",
    "select env_id from envs order by env_id limit 5 offset 3",
    "select env_id from envs order by env_id desc limit 10",
    "select alias from envs order by length(alias), alias, env_id",
    "select package_name, env_id from envs order by package_name, env_id",
    "select coalesce(auth_time, appid) as v, appid from apps order by v, appid",
    "select appid, auth_time from apps order by auth_time desc, appid limit 12 offset 2",
    "select key, value from tags order by value, key, env_id",
    // joins
    "select e.env_id, s.appid from envs e join shares s on s.env_id = e.env_id",
    "select e.env_id, s.appid from envs e left join shares s on s.env_id = e.env_id",
    "select e.env_id from envs e left join shares s on s.env_id = e.env_id where s.appid is null",
    "select e.env_id, s.appid from envs e join shares s on s.env_id = e.env_id and s.appid like 'wx%1'",
    "select e.env_id, s.appid from envs as e left join shares as s on e.env_id = s.env_id and e.status = 'NORMAL'",
    "select count(*) from envs e join shares s on s.env_id < e.env_id",
    "select e.alias, s.appid, a.auth_time from envs e join shares s on s.env_id = e.env_id join apps a on a.appid = s.appid",
    "select s.appid, e.status from shares s left join envs e on e.env_id = s.env_id",
    "select e.status, count(s.appid), count(*) from envs e left join shares s on s.env_id = e.env_id group by e.status",
    "select a.appid, count(s.env_id) as n from apps a left join shares s on s.appid = a.appid group by a.appid order by n desc, a.appid",
    "select e.env_id, t.key from envs e join tags t on t.env_id = e.env_id where t.key = 'team' and e.status is not null",
    "select s.*, a.auth_time from shares s join apps a on a.appid = s.appid where a.auth_time > 50",
    "select a.appid, b.appid from apps a join apps b on a.auth_time = b.auth_time and a.appid < b.appid",
    "select e.env_id, t.value from envs e left join tags t on t.env_id = e.env_id and t.value > 1",
    "select e.env_id, s.appid from envs e join shares s on s.env_id = e.env_id where s.appid in ('wxapp01', 'wxapp05', 'WXapp03')",
    "select e.env_id, s.appid from envs e left join shares s on s.env_id = e.env_id where s.appid > 'wxapp1'",
    "select a.appid, b.appid from apps a left join apps b on b.appid = a.appid and b.auth_time = a.auth_time",
    "select count(*), count(distinct a.env_id) from envs a join envs b on a.status = b.status and b.region = a.region and a.env_id < b.env_id",
    // more NULL, type and edge cases
    "select appid from apps where auth_time = 100.0 or auth_time > 99.5",
    "select env_id, package_id from envs where package_id = 3.5 or package_id = -5",
    "select env_id, package_id from envs where package_id < 1e3",
    "select auth_time in (1, null), auth_time not in (1, 2), null in (1, 2), null not in (), 1 in () from apps",
    "select auth_time between null and 5, auth_time between 0 and null, null between 1 and 2 from apps",
    "select alias like null, null like 'a', auth_time like '1%', is_default like 1 from envs join apps on appid = 'wxapp02'",
    "select -package_id, -alias, +alias, - -auth_time from envs join apps on appid = 'wxapp04'",
    "select not null, not 0, not 'abc', not '1x', not 2.5, 1 and 'x', 0 or '0.0' from apps where appid = 'wxapp00'",
    "select is_default || '', is_default || is_auto_degrade, coalesce(is_default, 'x') from envs",
    "select is_default, count(*) from envs group by is_default order by is_default desc",
    "select max(coalesce(auth_time, appid)), min(coalesce(appid, auth_time)), max(auth_time + 0.5) from apps",
    "select substr(null, 1), substr(appid, null), trim(null), length(''), upper('é'), lower('ÀBC'), length('中文') from apps where appid = 'wxapp00'",
    "select distinct alias, is_default from envs",
    "select count(distinct alias), count(distinct is_default), count(distinct package_id + 0) from envs",
    "select env_id from envs order by alias desc, env_id limit 0",
    "select env_id from envs order by env_id limit 5 offset 100",
    "select status, count(*) from envs group by status having status is not null and count(*) >= 1 order by 1",
    "select region, max(alias), min(package_name) from envs group by region order by region desc",
    "select auth_time / 7.0, auth_time % -3, -auth_time % 3, auth_time * -1.5 from apps",
    "select cgi_path, daily_limit / used, daily_limit % (used + 1), used - remain from quota",
    "select trim(alias, ''), trim('  '), trim(auth_time, '0'), substr(auth_time, -3) from envs join apps on appid = 'wxapp06' order by env_id",
    "select count(*), count(e.env_id), count(t.key) from envs e left join tags t on t.env_id = e.env_id and t.key = 'team'",
    "select env_id, package_id from envs where package_id",
    "select env_id, alias from envs where not alias",
    "select count(*) from envs where package_name > 'B' and package_name < '专'",
    "select upper(package_name), lower(pay_mode) || upper(region) from envs",
    "select t.value, t.value + 0, t.value = 1, t.value = '1', t.value < 2 from tags t",
  ]

  @Test func sqlite3IsInstalled() throws {
    #expect(
      SQLiteRunner.executable != nil,
      "sqlite3 is not installed (looked for /usr/bin/sqlite3 and sqlite3 in PATH); the differential test needs it"
    )
  }

  @Test(arguments: queries.indices)
  func sameAsSQLite(_ index: Int) throws {
    let query = Self.queries[index]
    let expected = try SQLiteRunner.results.get()[index]
    let actual = try EngineTest.run(query, DifferentialData.tables)
    let ours = actual.rowCount == 0 ? [] : EngineTest.rows(actual).map { $0.map(Cell.init) }
    let ordered = query.lowercased().contains("order by")
    if expected.rows.isEmpty {
      #expect(ours.isEmpty, "\(query): sqlite3 gives no rows, tcbq gives \(ours.count)")
      return
    }
    #expect(actual.columns.map(\.name) == expected.names, "\(query): column names")
    #expect(ours.count == expected.rows.count, "\(query): row count")
    let a = ordered ? ours : ours.sorted(by: Cell.rowLess)
    let b = ordered ? expected.rows : expected.rows.sorted(by: Cell.rowLess)
    for (i, (x, y)) in zip(a, b).enumerated() where !Cell.rowsMatch(x, y) {
      Issue.record("\(query): row \(i): tcbq \(x) vs sqlite3 \(y)")
      break
    }
  }
}

/// A value as compared between the engines: booleans as 0/1, reals with a tolerance.
enum Cell: CustomStringConvertible {
  case null, integer(Int64), real(Double), text(String)

  init(_ v: Value) {
    switch v {
    case .null: self = .null
    case .integer(let i): self = .integer(i)
    case .boolean(let b): self = .integer(b ? 1 : 0)
    case .real(let r): self = .real(r)
    case .text(let s): self = .text(s)
    }
  }

  var description: String {
    switch self {
    case .null: "NULL"
    case .integer(let i): "\(i)"
    case .real(let r): "\(r)r"
    case .text(let s): "'\(s)'"
    }
  }

  static func matches(_ a: Cell, _ b: Cell) -> Bool {
    switch (a, b) {
    case (.null, .null): true
    case (.integer(let x), .integer(let y)): x == y
    case (.text(let x), .text(let y)): Array(x.utf8) == Array(y.utf8)
    case (.real(let x), .real(let y)):
      x == y || abs(x - y) <= 1e-9 * max(abs(x), abs(y))
    default: false
    }
  }

  static func rowsMatch(_ a: [Cell], _ b: [Cell]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { matches($0, $1) }
  }

  /// A total order for sorting rows into multisets (reals rounded so that near-equal reals
  /// sort alike).
  static func rowLess(_ a: [Cell], _ b: [Cell]) -> Bool {
    a.map(\.sortKey).lexicographicallyPrecedes(b.map(\.sortKey))
  }

  private var sortKey: String {
    switch self {
    case .null: "0"
    case .integer(let i): "1\(i)"
    case .real(let r): "2" + String(Float(r))
    case .text(let s): "3" + s
    }
  }
}

/// Runs the queries in the sqlite3 command-line shell, once for all tests.
enum SQLiteRunner {
  struct Result {
    var names: [String]
    var rows: [[Cell]]
  }

  static let executable: String? = {
    if FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") {
      return "/usr/bin/sqlite3"
    }
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
      let path = "\(dir)/sqlite3"
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
  }()

  static let results: Swift.Result<[Result], TestFailure> = {
    guard let executable else {
      return .failure(TestFailure("sqlite3 is not installed: the differential test needs it"))
    }
    var script = ".mode quote\n.headers on\n" + DifferentialData.sql
    for q in DifferentialTests.queries { script += ".print ---Q\n\(q);\n" }
    script += ".print ---Q\n"
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tcbq-differential-\(ProcessInfo.processInfo.processIdentifier).sql")
    do {
      try script.write(to: url, atomically: true, encoding: .utf8)
      defer { try? FileManager.default.removeItem(at: url) }
      let process = Process()
      process.executableURL = URL(fileURLWithPath: executable)
      process.arguments = ["-batch", ":memory:"]
      process.standardInput = try FileHandle(forReadingFrom: url)
      let out = Pipe(), err = Pipe()
      process.standardOutput = out
      process.standardError = err
      try process.run()
      let data = out.fileHandleForReading.readDataToEndOfFile()
      let errors = err.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      if !errors.isEmpty {
        return .failure(TestFailure("sqlite3: \(String(decoding: errors, as: UTF8.self))"))
      }
      let text = String(decoding: data, as: UTF8.self)
      var segments = text.components(separatedBy: "---Q\n")
      segments.removeFirst()  // before the first query
      guard segments.count == DifferentialTests.queries.count + 1 else {
        return .failure(TestFailure("sqlite3 gave \(segments.count) segments"))
      }
      return .success(segments.dropLast().map(parse))
    } catch {
      return .failure(TestFailure("running sqlite3: \(error)"))
    }
  }()

  /// Quote mode: a header line of quoted names, then one line of SQL literals per row.
  static func parse(_ segment: String) -> Result {
    let lines = segment.split(separator: "\n", omittingEmptySubsequences: true)
    guard let header = lines.first else { return Result(names: [], rows: []) }
    let names = literals(String(header)).map { cell -> String in
      if case .text(let s) = cell { return s }
      return "\(cell)"
    }
    return Result(names: names, rows: lines.dropFirst().map { literals(String($0)) })
  }

  static func literals(_ line: String) -> [Cell] {
    var cells: [Cell] = []
    let chars = Array(line.unicodeScalars)
    var i = 0
    while i < chars.count {
      if chars[i] == "'" {
        var s = String.UnicodeScalarView()
        i += 1
        while i < chars.count {
          if chars[i] == "'" {
            if i + 1 < chars.count, chars[i + 1] == "'" {
              s.append("'")
              i += 2
              continue
            }
            i += 1
            break
          }
          s.append(chars[i])
          i += 1
        }
        cells.append(.text(String(s)))
      } else {
        var j = i
        while j < chars.count, chars[j] != "," { j += 1 }
        var token = String.UnicodeScalarView()
        token.append(contentsOf: chars[i..<j])
        let t = String(token)
        if t == "NULL" {
          cells.append(.null)
        } else if let n = Int64(t) {
          cells.append(.integer(n))
        } else {
          cells.append(.real(Double(t) ?? .nan))
        }
        i = j
      }
      if i < chars.count, chars[i] == "," { i += 1 }
    }
    return cells
  }
}

extension DifferentialTests {
  /// Guards the harness itself: sqlite3 answered every query, most with rows.
  @Test func sqliteAnsweredWithRows() throws {
    let results = try SQLiteRunner.results.get()
    #expect(results.count == Self.queries.count)
    let withRows = results.filter { !$0.rows.isEmpty }.count
    #expect(withRows >= Self.queries.count * 2 / 3, "only \(withRows) queries gave rows")
    print(
      "differential: \(withRows) of \(results.count) queries gave rows; \(results.map(\.rows.count).reduce(0, +)) rows in all"
    )
  }
}
