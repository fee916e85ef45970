/// Subqueries and `with` tables: each is planned by a binder of its own and becomes a step of
/// the select holding it. A subquery in an expression sees the holding query's tables: when it
/// reads them (correlated), its step runs per row of the holding query; otherwise, and for
/// `with` tables, FROM subqueries and compounds (which see only the queries around the
/// holding one), before it.
extension Binder {
  /// Plans a select nested in this one, which sees `visible` (nil: this query's tables) and
  /// the queries around this one; nil (with diagnostics) when it does not plan.
  mutating func plan(nested select: SelectStatement, seeing visible: [QueryPlan.Source]? = nil)
    -> (plan: QueryPlan, parameters: [BoundExpr])?
  {
    let scope = OuterScope(
      sources: visible ?? sources, merged: visible == nil ? mergedColumns : [], parent: outer)
    var inner = Binder(catalog: catalog, text: text)
    inner.outer = scope
    let plan = inner.plan(select)
    diagnostics += inner.diagnostics
    guard inner.diagnostics.isEmpty, let plan else { return nil }
    return (plan, scope.parameters)
  }

  /// A subquery node, wrapped with its step's parameters when that step runs per row.
  func correlating(_ node: BoundExpr) -> BoundExpr {
    let step: Int
    switch node {
    case .subqueryValue(let s, _), .inSubquery(_, let s, _), .exists(let s): step = s
    default: return node
    }
    guard steps[step].runsPerRow else { return node }
    return .correlated(node, parameters: steps[step].parameters)
  }

  /// A reference to a column of an enclosing query (`e.env_id` in `exists (select … where
  /// s.env_id = e.env_id)`): a parameter of this query's plan; nil when no enclosing query has
  /// the column.
  mutating func outerReference(table: Identifier?, name: Identifier) -> BoundExpr? {
    guard let outer, let found = outer.resolve(table: table?.key, name: name.key) else {
      return nil
    }
    return .outerColumn(outer.parameter(for: found), type: found.type)
  }

  /// A subquery in an expression as a step of its values; `columns`: how many it must have.
  mutating func subqueryStep(_ select: SelectStatement, at range: SourceRange, columns: Int?)
    -> Int?
  {
    guard let (plan, parameters) = plan(nested: select) else { return nil }
    if let columns, plan.columns.count != columns {
      error(
        "the subquery returns \(plan.columns.count) columns, expected \(columns)", at: range)
      return nil
    }
    steps.append(SubqueryStep(plan: plan, use: .values, parameters: parameters))
    return steps.count - 1
  }

  /// `from (select …) [as] alias`: the subquery's rows as a table of this query.
  mutating func addSubquerySource(_ ref: TableRef, _ select: SelectStatement) -> Bool {
    guard let (plan, parameters) = plan(nested: select, seeing: []) else { return false }
    let name = "(subquery \(steps.count + 1))"
    let schema = Self.schema(named: name, columns: plan.columns.map(\.name), of: plan)
    steps.append(SubqueryStep(plan: plan, use: .table(name), parameters: parameters))
    let qualifier = ref.alias?.key ?? name
    if sources.contains(where: { $0.qualifier == qualifier }), let alias = ref.alias {
      error("duplicate table name or alias '\(alias.name)'", at: alias.range)
    }
    sources.append(QueryPlan.Source(schema: schema, qualifier: qualifier, keys: nil))
    return true
  }

  /// `with name [(columns)] as (select …), …`: each table planned in order (a later one may
  /// read an earlier one), then part of the catalog the select is bound against.
  mutating func bindWith(_ ctes: [CommonTableExpression]) -> Bool {
    for cte in ctes {
      if cte.isRecursive {
        guard bindRecursive(cte) else { return false }
        continue
      }
      guard let (plan, parameters) = plan(nested: cte.query.select, seeing: []) else {
        return false
      }
      var names = plan.columns.map(\.name)
      if !cte.columns.isEmpty {
        guard cte.columns.count == plan.columns.count else {
          error(
            "table \(cte.name.name) has \(plan.columns.count) values for \(cte.columns.count) columns",
            at: cte.name.range)
          return false
        }
        names = cte.columns.map(\.name)
      }
      let schema = Self.schema(named: cte.name.key, columns: names, of: plan)
      steps.append(SubqueryStep(plan: plan, use: .table(schema.name), parameters: parameters))
      catalog = catalog.replacing(schema)
    }
    return true
  }

  /// The schema of a table holding a plan's rows; repeated names get `:1`, `:2` as in SQLite.
  static func schema(named name: String, columns: [String], of plan: QueryPlan) -> TableSchema {
    let schemaColumns = zip(Table.uniqueColumnNames(columns), plan.columns).map {
      ColumnSchema(name: $0, type: $1.type)
    }
    return TableSchema(local: name, columns: schemaColumns, summary: "rows of a subquery")
  }
}

/// The tables of a query around a nested one, which the nested one may read (a correlated
/// subquery); collects what it reads as the parameters of the nested query's step.
final class OuterScope {
  let sources: [QueryPlan.Source]
  let merged: Set<Binder.ColumnPosition>
  /// The query around that one.
  let parent: OuterScope?
  /// What the nested query reads, in the terms of the query these sources belong to.
  private(set) var parameters: [BoundExpr] = []

  init(sources: [QueryPlan.Source], merged: Set<Binder.ColumnPosition>, parent: OuterScope?) {
    self.sources = sources
    self.merged = merged
    self.parent = parent
  }

  /// The column `table.name` (or `name` of any table) of this query, or of one around it
  /// (then a parameter of this query), in this query's terms; nil when none has it.
  func resolve(table: String?, name: String) -> BoundExpr? {
    for (s, source) in sources.enumerated() where table == nil || source.qualifier == table {
      if let c = source.schema.columnIndex(named: name),
        !merged.contains(Binder.ColumnPosition(source: s, column: c))
      {
        return .column(source: s, column: c, type: source.schema.columns[c].type)
      }
    }
    guard let parent, let found = parent.resolve(table: table, name: name) else { return nil }
    return .outerColumn(parent.parameter(for: found), type: found.type)
  }

  /// The index of `expr` among the parameters, added if new.
  func parameter(for expr: BoundExpr) -> Int {
    if let index = parameters.firstIndex(of: expr) { return index }
    parameters.append(expr)
    return parameters.count - 1
  }
}
