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
  /// What the step's plan reads of the enclosing query (its `outerColumn`s), in the holding
  /// plan's terms: columns of its row, or its own parameters.
  let parameters: [BoundExpr]

  /// A recursive `with` table: `plan` is its initial select, this the rest.
  var recursion: RecursivePlan?

  init(
    plan: QueryPlan, use: Use, parameters: [BoundExpr] = [], recursion: RecursivePlan? = nil
  ) {
    self.plan = plan
    self.use = use
    self.parameters = parameters
    self.recursion = recursion
  }

  /// Whether the step reads the holding query's row (a correlated subquery): it runs per row,
  /// not before the holding plan.
  var runsPerRow: Bool { parameters.contains { !$0.sources.isEmpty } }
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
    init(schema: TableSchema, qualifier: String, keys: [String]? = nil, keysFromStep: Int? = nil) {
      self.schema = schema
      self.qualifier = qualifier
      self.keys = keys
      self.keysFromStep = keysFromStep
    }
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
  /// For a compound (`union`, `intersect`, `except`): how the steps' rows combine; the plan's
  /// own sources are then empty.
  var compound: CompoundPlan? = nil
}

/// A compound of selects: the steps whose rows combine, left to right, then the order and the
/// limit of the whole.
struct CompoundPlan: Sendable {
  /// The step of the first select, then each operator with the step of its select.
  var first: Int
  var terms: [(op: CompoundOperator, step: Int)]
  /// Output columns (0-based) to sort by.
  var orderBy: [(column: Int, descending: Bool)]
}
