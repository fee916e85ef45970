import TCBQQuery

/// Results the renderer tests share.
enum Fixtures {
  /// Every awkward kind of value, one per row in `text`, beside numbers, booleans and NULLs.
  static let mixed = ResultSet(
    columns: [
      .init(name: "id", type: .integer),
      .init(name: "text", type: .text),
      .init(name: "amount", type: .real),
      .init(name: "ok", type: .boolean),
    ],
    rows: [
      [.integer(1), .text("plain"), .real(2.0), .boolean(true)],
      [.integer(-42), .text("comma, here"), .real(0.1), .boolean(false)],
      [.integer(9_223_372_036_854_775_807), .text("say \"hi\""), .real(1e20), .null],
      [.integer(Int64.min), .text("two\nlines"), .real(-3.25), .boolean(true)],
      [.integer(0), .text("tab\there"), .real(123456789.123456789), .boolean(false)],
      [.integer(7), .text("back\\slash"), .real(1.5e-7), .boolean(true)],
      [.integer(8), .text("pipe | bar"), .null, .boolean(true)],
      [.integer(9), .text("中文数据"), .real(100), .boolean(false)],
      [.integer(10), .text(""), .real(-0.5), .boolean(true)],
      [.null, .null, .real(.infinity), .null],
      [.integer(12), .text("crlf\r\nend"), .real(1e15), .boolean(false)],
      [.integer(13), .text("=1+2"), .real(99999999999999.9), .boolean(true)],
    ])

  /// Chinese text of different widths, to check alignment.
  static let cjk = ResultSet(
    columns: [
      .init(name: "名称", type: .text),
      .init(name: "region", type: .text),
      .init(name: "count", type: .integer),
    ],
    rows: [
      [.text("生产环境"), .text("ap-shanghai"), .integer(3)],
      [.text("test"), .text("上海"), .integer(12345)],
      [.text("混合mixed文字"), .text("ap-guangzhou"), .integer(0)],
      [.text("e\u{301}te\u{301}"), .null, .integer(-1)],
    ])

  /// Columns but no rows.
  static let empty = ResultSet(
    columns: [.init(name: "env_id", type: .text), .init(name: "status", type: .text)],
    rows: [])

  /// A computed column of mixed types.
  static let anyColumn = ResultSet(
    columns: [.init(name: "coalesce(a, b)", type: .any), .init(name: "n", type: .any)],
    rows: [
      [.text("x"), .integer(1)],
      [.integer(5), .real(2.5)],
      [.boolean(true), .null],
    ])

  static let all: [(name: String, result: ResultSet)] = [
    ("mixed", mixed), ("cjk", cjk), ("empty", empty), ("any", anyColumn),
  ]
}
