import TCBQCore

extension Session {
  /// `share ENV with (select …)`, `unshare ENV from (select …)` and the pairs forms: the query
  /// runs first, as any query; its rows are the pairs, and the write is of exactly those.
  func writeFromQuery(_ write: QueryWrite, source: String) async throws -> StatementResult {
    let evaluated = try await evaluate(write.query, source: source)
    let failed = evaluated.failures.filter { $0.shareErrorKind == .failed }
    guard failed.isEmpty else {
      throw StatementError(
        "refused: the query could not fetch \(failed.count) appids, so its pairs may be incomplete; nothing sent: "
          + failed.prefix(5).map(\.appid).joined(separator: ", ")
          + (failed.count > 5 ? ", …" : ""))
    }
    let pairs = try Self.pairs(of: evaluated.rows, env: write.env?.text)
    var result = try await self.write(write.kind, pairs: pairs, skipsUnchanged: true)
    result.notes = evaluated.notes + result.notes
    return result
  }

  /// The rows as pairs: with `env`, the appid in the first column; without, the env in the
  /// first and the appid in the second. Each must be non-empty text.
  static func pairs(of rows: ResultSet, env: String?) throws -> [WritePair] {
    let needed = env == nil ? 2 : 1
    guard rows.columns.count >= needed else {
      throw StatementError(
        env == nil
          ? "the pairs form needs a select of two columns (env_id, appid); this one gives \(rows.columns.count)"
          : "the select gives no column")
    }
    var pairs: [WritePair] = []
    pairs.reserveCapacity(rows.rowCount)
    for row in 0..<rows.rowCount {
      let appid = try text(rows[row, needed - 1], row: row, what: "appid")
      let pairEnv = try env ?? text(rows[row, 0], row: row, what: "env id")
      pairs.append(WritePair(env: pairEnv, appid: appid))
    }
    return pairs
  }

  private static func text(_ value: Value, row: Int, what: String) throws -> String {
    guard case .text(let text) = value, !text.isEmpty else {
      throw StatementError(
        "row \(row + 1) of the select has no \(what) (\(value == .null ? "NULL" : "not text")); nothing sent"
      )
    }
    return text
  }
}
