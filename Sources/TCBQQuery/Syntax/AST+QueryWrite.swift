/// A write whose pairs come from a query: `share ENV with (select appid …)`,
/// `unshare ENV from (select appid …)`, or the pairs form `share (select env_id, appid …)` /
/// `unshare (select env_id, appid …)`, which takes the first two columns whatever their names.
public struct QueryWrite: Sendable, Hashable {
  public var kind: WriteProposal.Kind
  /// The env of the first forms; nil for the pairs form.
  public var env: Word?
  public var query: SelectStatement

  public init(kind: WriteProposal.Kind, env: Word?, query: SelectStatement) {
    self.kind = kind
    self.env = env
    self.query = query
  }

  public var withoutRanges: QueryWrite {
    QueryWrite(kind: kind, env: env?.withoutRanges, query: query.withoutRanges)
  }
}

extension Parser {
  /// `(select …)` after `share`/`unshare` (pairs form) or after `ENV with`/`ENV from`.
  mutating func parseWriteQuery() throws -> SelectStatement {
    try expect(.leftParen, "'('")
    let start = current.range.start
    try expect(.select, "'select' after '('")
    let query = try parseSelect(start: start)
    try expect(.rightParen, "')' after the select")
    return query
  }

  /// The rest of `share …`/`unshare …`: the pairs form, a query for the appids, or the appids.
  mutating func parseWrite(_ kind: WriteProposal.Kind) throws -> Statement {
    if current.isSymbol(.leftParen) {
      return .writeFromQuery(QueryWrite(kind: kind, env: nil, query: try parseWriteQuery()))
    }
    let env = try parseWord(what: "an env id after '\(kind.rawValue)'")
    switch kind {
    case .share: try expect(.with, "'with' after the env id")
    case .unshare: try expect(.from, "'from' after the env id")
    }
    if current.isSymbol(.leftParen) {
      return .writeFromQuery(QueryWrite(kind: kind, env: env, query: try parseWriteQuery()))
    }
    let appids = try parseWords(what: "an appid")
    return kind == .share ? .share(env: env, appids: appids) : .unshare(env: env, appids: appids)
  }
}
