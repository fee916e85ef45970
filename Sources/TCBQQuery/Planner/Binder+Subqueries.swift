/// Subqueries and `with` tables: each is planned by a binder of its own and becomes a step that
/// runs before the select holding it (uncorrelated: it sees the catalog and the `with` tables,
/// not the enclosing query's columns).
extension Binder {
  /// Plans a select nested in this one; nil (with diagnostics) when it does not plan.
  mutating func plan(nested select: SelectStatement) -> QueryPlan? {
    var inner = Binder(catalog: catalog, text: text)
    inner.outerColumns = outerColumns.union(sources.flatMap(\.schema.columnNames))
    let plan = inner.plan(select)
    diagnostics += inner.diagnostics
    return inner.diagnostics.isEmpty ? plan : nil
  }

  /// A subquery in an expression as a step of its values; `columns`: how many it must have.
  mutating func subqueryStep(_ select: SelectStatement, at range: SourceRange, columns: Int?)
    -> Int?
  {
    guard let plan = plan(nested: select) else { return nil }
    if let columns, plan.columns.count != columns {
      error(
        "the subquery returns \(plan.columns.count) columns, expected \(columns)", at: range)
      return nil
    }
    steps.append(SubqueryStep(plan: plan, use: .values))
    return steps.count - 1
  }

  /// `from (select …) [as] alias`: the subquery's rows as a table of this query.
  mutating func addSubquerySource(_ ref: TableRef, _ select: SelectStatement) -> Bool {
    guard let plan = plan(nested: select) else { return false }
    let name = "(subquery \(steps.count + 1))"
    let schema = Self.schema(named: name, columns: plan.columns.map(\.name), of: plan)
    steps.append(SubqueryStep(plan: plan, use: .table(name)))
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
      guard let plan = plan(nested: cte.query.select) else { return false }
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
      steps.append(SubqueryStep(plan: plan, use: .table(schema.name)))
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
