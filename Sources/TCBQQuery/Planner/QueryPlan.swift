/// What a query needs fetched: a table, and for tables with a key column (`shares.appid`,
/// `quota.cgi_path`) the keys named by the query, or nil for all of them.
public struct TableRequirement: Sendable, Hashable {
  public var table: String
  public var keys: [String]?
  /// The API table, or nil for one the query or the session holds (`with`, `(select …)`, `_`).
  public var id: TableID?
  /// The keys are the values of this subquery step's first column (`appid in (select …)`),
  /// known once it has run.
  public var keysFromStep: Int?
  public init(table: String, keys: [String]?, id: TableID? = nil, keysFromStep: Int? = nil) {
    self.table = table
    self.keys = keys
    self.id = id
    self.keysFromStep = keysFromStep
  }
}

/// A select that runs before the one that holds it: its rows become a table (a `with` table or a
/// subquery in FROM) or the values a subquery in an expression stands for.
public struct SubqueryStep: Sendable {
  public enum Use: Sendable, Hashable {
    /// A table of this name for the plan (and the plans of later steps).
    case table(String)
    /// `(select …)`, `in (select …)`, `exists (select …)`.
    case values
  }
  public let plan: QueryPlan
  public let use: Use
}

/// A resolved, checked query: ready to fetch for and to execute.
public struct QueryPlan: Sendable {
  /// The selects that run first, in order (`with` tables, subqueries).
  public let steps: [SubqueryStep]
  /// The tables to fetch before executing, each once, in FROM order.
  public let requirements: [TableRequirement]
  /// The result columns, named as SQLite names them.
  public let columns: [ResultSet.Column]

  struct Source: Sendable {
    var schema: TableSchema
    /// The name columns are qualified with: the alias, else the table name.
    var qualifier: String
    var keys: [String]?
    /// The subquery step whose values are the keys (`appid in (select …)`), when `keys` is nil.
    var keysFromStep: Int?
  }

  struct JoinStep: Sendable {
    var kind: Join.Kind
    /// Equality conjuncts of ON: an expression over the earlier sources, one over this source,
    /// and the affinity of the comparison.
    var equiKeys: [(probe: BoundExpr, build: BoundExpr, affinity: Affinity)]
    /// The rest of ON, evaluated on each candidate pair.
    var residual: BoundExpr?
    /// WHERE conjuncts on this source alone (inner joins only), applied before the join.
    var buildFilter: BoundExpr?
    var conditionText: String
  }

  enum OrderKey: Sendable {
    case output(Int)
    case expression(BoundExpr)
  }

  let sources: [Source]
  /// WHERE conjuncts on the first source alone, applied while scanning it.
  let scanFilter: BoundExpr?
  let joins: [JoinStep]
  /// The rest of WHERE, after the joins.
  let filter: BoundExpr?
  let isAggregate: Bool
  let groupBy: [BoundExpr]
  let aggregates: [AggregateCall]
  let having: BoundExpr?
  let projections: [BoundExpr]
  let distinct: Bool
  let orderBy: [(key: OrderKey, descending: Bool)]
  let limit: Int?
  let offset: Int
  /// The select items as written, for `explain`.
  let itemTexts: [String]
}
