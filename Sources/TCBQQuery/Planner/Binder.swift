/// Name resolution and checking for one `select`; collects every diagnostic it finds.
struct Binder {
  var catalog: Catalog
  let text: ExprText
  var diagnostics: [Diagnostic] = []
  var sources: [QueryPlan.Source] = []
  /// The selects that run before this one (`with` tables, subqueries), in order.
  var steps: [SubqueryStep] = []
  /// The enclosing query's tables, for a correlated subquery's references to them.
  var outer: OuterScope?
  var aggregates: [AggregateCall] = []
  /// Output names (`expr as name`) usable in WHERE, GROUP BY, HAVING, ORDER BY.
  var outputAliases: [(key: String, expr: Expr)] = []
  /// The columns a `using` or natural join merges into an earlier table's: not in `*`, and an
  /// unqualified name means the earlier one.
  var mergedColumns: Set<ColumnPosition> = []

  /// A column of a source: (source, column).
  struct ColumnPosition: Hashable {
    var source: Int
    var column: Int
  }

  /// Where an expression is bound.
  enum Mode {
    /// No aggregates allowed; the clause names the error.
    case plain(clause: String)
    /// An aggregate query's output, HAVING or ORDER BY: aggregates become slots.
    case aggregated
    /// Inside an aggregate's argument: no nested aggregate.
    case aggregateArgument(String)
  }

  init(catalog: Catalog, text: ExprText) {
    self.catalog = catalog
    self.text = text
  }

  mutating func error(_ message: String, at range: SourceRange, suggestion: String? = nil) {
    diagnostics.append(Diagnostic(message, at: range, suggestion: suggestion))
  }

  // MARK: tables

  mutating func addSource(_ ref: TableRef) -> Bool {
    if let subquery = ref.subquery { return addSubquerySource(ref, subquery.select) }
    if ref.isNoTable {
      sources.append(QueryPlan.Source(schema: .noTable, qualifier: TableSchema.noTable.name))
      return true
    }
    guard let schema = catalog.table(named: ref.name.name) else {
      diagnostics.append(Catalog.unknownTable(ref.name, among: catalog.tableNames))
      return false
    }
    let qualifier = (ref.alias ?? ref.name).key
    if sources.contains(where: { $0.qualifier == qualifier }) {
      let node = ref.alias ?? ref.name
      error(
        "duplicate table name or alias '\(node.name)'", at: node.range,
        suggestion: "give each use of a table its own alias")
    }
    sources.append(QueryPlan.Source(schema: schema, qualifier: qualifier, keys: nil))
    return true
  }

  // MARK: expressions

  mutating func bind(
    _ expr: Expr, visible: Int, mode: Mode, aliases: Bool = true
  ) -> BoundExpr {
    switch expr.kind {
    case .literal(let l):
      switch l {
      case .null: return .literal(.null)
      case .integer(let i): return .literal(.integer(i))
      case .real(let r, _): return .literal(.real(r))
      case .string(let s): return .literal(.text(s))
      case .boolean(let b): return .literal(.boolean(b))
      }
    case .column(let table, let name):
      return bindColumn(table: table, name: name, visible: visible, mode: mode, aliases: aliases)
    case .unary(let op, let e):
      return .unary(op, bind(e, visible: visible, mode: mode, aliases: aliases))
    case .binary(let op, let a, let b):
      return .binary(
        op, bind(a, visible: visible, mode: mode, aliases: aliases),
        bind(b, visible: visible, mode: mode, aliases: aliases))
    case .match(let op, let a, let p, let escape, let negated):
      return bindMatch(
        op, a, p, escape: escape, negated: negated, visible: visible, mode: mode, aliases: aliases)
    case .caseWhen(let operand, let whens, let otherwise):
      return .caseWhen(
        operand: operand.map { bind($0, visible: visible, mode: mode, aliases: aliases) },
        whens: whens.map { when in
          BoundWhen(
            condition: bind(when.condition, visible: visible, mode: mode, aliases: aliases),
            result: bind(when.result, visible: visible, mode: mode, aliases: aliases))
        },
        otherwise: otherwise.map { bind($0, visible: visible, mode: mode, aliases: aliases) })
    case .subquery(let select):
      guard let step = subqueryStep(select, at: expr.range, columns: 1) else {
        return .literal(.null)
      }
      return correlating(.subqueryValue(step: step, type: steps[step].plan.columns[0].type))
    case .inSubquery(let e, let select, let negated):
      let value = bind(e, visible: visible, mode: mode, aliases: aliases)
      guard let step = subqueryStep(select, at: expr.range, columns: 1) else {
        return .literal(.null)
      }
      return correlating(.inSubquery(value, step: step, negated: negated))
    case .exists(let select):
      guard let step = subqueryStep(select, at: expr.range, columns: nil) else {
        return .literal(.null)
      }
      return correlating(.exists(step: step))
    case .cast(let e, let type):
      if type.affinity == .blob {
        error("cast to \(type.name) is not supported: tcbq has no blobs", at: expr.range)
      }
      return .cast(bind(e, visible: visible, mode: mode, aliases: aliases), type.affinity)
    case .inList(let e, let list, let negated):
      return .inList(
        bind(e, visible: visible, mode: mode, aliases: aliases),
        list.map { bind($0, visible: visible, mode: mode, aliases: aliases) }, negated: negated)
    case .between(let e, let lo, let hi, let negated):
      return .between(
        bind(e, visible: visible, mode: mode, aliases: aliases),
        low: bind(lo, visible: visible, mode: mode, aliases: aliases),
        high: bind(hi, visible: visible, mode: mode, aliases: aliases), negated: negated)
    case .isNull(let e, let negated):
      return .isNull(bind(e, visible: visible, mode: mode, aliases: aliases), negated: negated)
    case .call(let name, let args, let distinct, let star):
      return bindCall(
        expr, name: name, args: args, distinct: distinct, star: star, visible: visible,
        mode: mode, aliases: aliases)
    }
  }

  mutating func bindColumn(
    table: Identifier?, name: Identifier, visible: Int, mode: Mode, aliases: Bool
  ) -> BoundExpr {
    let scope = sources.prefix(visible)
    if let table {
      guard let s = scope.firstIndex(where: { $0.qualifier == table.key }) else {
        if let reference = outerReference(table: table, name: name) { return reference }
        // `envs.status` after `from envs e`: the table goes by its alias.
        let aliased = scope.first { $0.schema.name == table.key }.map {
          "the table is aliased as '\($0.qualifier)'"
        }
        error(
          "unknown table or alias '\(table.name)'", at: table.range,
          suggestion: aliased
            ?? Suggestions.closest(to: table.name, among: scope.map(\.qualifier)).map(
              Suggestions.didYouMean))
        return .literal(.null)
      }
      let schema = sources[s].schema
      guard let c = schema.columnIndex(named: name.name) else {
        error(
          "unknown column '\(name.name)' in table \(schema.name)", at: name.range,
          suggestion: Suggestions.closest(to: name.name, among: schema.columnNames)
            .map(Suggestions.didYouMean))
        return .literal(.null)
      }
      return .column(source: s, column: c, type: schema.columns[c].type)
    }
    let matches = scope.indices.compactMap { s in
      sources[s].schema.columnIndex(named: name.name).map { (s, $0) }
    }.filter { !mergedColumns.contains(ColumnPosition(source: $0.0, column: $0.1)) }
    if matches.count == 1 {
      let (s, c) = matches[0]
      return .column(source: s, column: c, type: sources[s].schema.columns[c].type)
    }
    if matches.count > 1 {
      let names = matches.map { "\(sources[$0.0].qualifier).\(name.key)" }
      error(
        "ambiguous column name '\(name.name)'", at: name.range,
        suggestion: "qualify it: \(names.joined(separator: " or "))")
      return .literal(.null)
    }
    if aliases, let alias = outputAliases.first(where: { $0.key == name.key }) {
      return bind(alias.expr, visible: visible, mode: mode, aliases: false)
    }
    if let reference = outerReference(table: nil, name: name) { return reference }
    let candidates = scope.flatMap(\.schema.columnNames)
    let suggestion = Suggestions.closest(to: name.name, among: candidates)
      .map(Suggestions.didYouMean)
    if scope.count == 1 {
      error(
        "unknown column '\(name.name)' in table \(scope.first!.schema.name)", at: name.range,
        suggestion: suggestion)
    } else {
      error("unknown column '\(name.name)'", at: name.range, suggestion: suggestion)
    }
    return .literal(.null)
  }

  /// `like`, `glob`, `regexp`: a literal pattern that cannot match anything (a regular
  /// expression that does not compile, an escape of more than one character) is an error here.
  mutating func bindMatch(
    _ op: MatchOperator, _ value: Expr, _ pattern: Expr, escape: Expr?, negated: Bool,
    visible: Int, mode: Mode, aliases: Bool
  ) -> BoundExpr {
    let boundPattern = bind(pattern, visible: visible, mode: mode, aliases: aliases)
    let boundEscape = escape.map { bind($0, visible: visible, mode: mode, aliases: aliases) }
    if case .literal(let p) = boundPattern, let text = p.sqlText, op == .regexp,
      TextMatcher.regexp(text) == nil
    {
      error("invalid regular expression '\(text)' (Swift Regex syntax)", at: pattern.range)
    }
    if let escape, case .literal(let e)? = boundEscape, let text = e.sqlText,
      text.unicodeScalars.count != 1
    {
      error("the escape of like must be a single character", at: escape.range)
    }
    return .match(
      op, bind(value, visible: visible, mode: mode, aliases: aliases), pattern: boundPattern,
      escape: boundEscape, negated: negated)
  }

  /// A function call: an aggregate (`count`, `sum`, `avg`, and `min`/`max` with one argument)
  /// or a scalar function.
  mutating func bindCall(
    _ expr: Expr, name: Identifier, args: [Expr], distinct: Bool, star: Bool, visible: Int,
    mode: Mode, aliases: Bool
  ) -> BoundExpr {
    let key = name.key
    if aggregateNames.contains(key), !((key == "min" || key == "max") && args.count != 1) {
      return bindAggregate(
        expr, key: key, args: args, distinct: distinct, star: star, visible: visible, mode: mode,
        aliases: aliases)
    }
    return bindScalarCall(
      expr, name: name, args: args, distinct: distinct, star: star, visible: visible, mode: mode,
      aliases: aliases)
  }

  /// An aggregate, where `mode` allows one: its slot (one per distinct call).
  private mutating func bindAggregate(
    _ expr: Expr, key: String, args: [Expr], distinct: Bool, star: Bool, visible: Int,
    mode: Mode, aliases: Bool
  ) -> BoundExpr {
    switch mode {
    case .plain(let clause):
      error("aggregate function \(key)() is not allowed in \(clause)", at: expr.range)
      return .literal(.null)
    case .aggregateArgument(let outer):
      error("aggregate function \(key)() cannot be nested inside \(outer)()", at: expr.range)
      return .literal(.null)
    case .aggregated:
      break
    }
    let call: AggregateCall
    if star {
      guard key == "count" else {
        error("only count takes *: \(key)(*) is not allowed", at: expr.range)
        return .literal(.null)
      }
      call = AggregateCall(kind: .countStar, argument: nil, distinct: false)
    } else {
      let kind = AggregateCall.Kind(rawValue: key) ?? .count
      let most = kind == .groupConcat && !distinct ? 2 : 1
      guard (1...most).contains(args.count) else {
        let expected = most == 2 ? "1 or 2" : "1"
        error(
          "wrong number of arguments to function \(key)() (expected \(expected), got \(args.count))",
          at: expr.range)
        return .literal(.null)
      }
      let bound = args.map {
        bind($0, visible: visible, mode: .aggregateArgument(key), aliases: aliases)
      }
      call = AggregateCall(
        kind: kind, argument: bound[0], distinct: distinct, separator: bound.dropFirst().first)
    }
    return .aggregate(slot: slot(for: call), type: call.resultType)
  }

  /// The slot of `call`: an equal call's, else a new one.
  private mutating func slot(for call: AggregateCall) -> Int {
    if let existing = aggregates.firstIndex(of: call) { return existing }
    aggregates.append(call)
    return aggregates.count - 1
  }

  /// A scalar function: known, without `*` or `distinct`, with as many arguments as it takes.
  private mutating func bindScalarCall(
    _ expr: Expr, name: Identifier, args: [Expr], distinct: Bool, star: Bool, visible: Int,
    mode: Mode, aliases: Bool
  ) -> BoundExpr {
    let key = name.key
    guard let function = ScalarFunction(rawValue: key) else {
      let known = Functions.names
      error(
        "unknown function '\(name.name)'", at: name.range,
        suggestion: Suggestions.closest(to: name.name, among: known).map(Suggestions.didYouMean))
      return .literal(.null)
    }
    if star || distinct {
      error(
        "\(star ? "*" : "distinct") is only allowed in aggregate functions, not in \(key)()",
        at: expr.range)
      return .literal(.null)
    }
    let (low, high) = function.arity
    if args.count < low || (high.map { args.count > $0 } ?? false) {
      let expected =
        high == low ? "\(low)" : high.map { "\(low) or \($0)" } ?? "at least \(low)"
      error(
        "wrong number of arguments to function \(key)() (expected \(expected), got \(args.count))",
        at: expr.range)
      return .literal(.null)
    }
    return .function(
      function, args.map { bind($0, visible: visible, mode: mode, aliases: aliases) })
  }
}
