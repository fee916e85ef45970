/// Trees with every source range set to `SourceRange.zero`, to compare trees by their meaning
/// alone (`parse(print(tree)).withoutRanges == tree.withoutRanges`).

extension SourceLocation {
  /// Line 0, column 0, offset 0: no place.
  public static let zero = SourceLocation(line: 0, column: 0, offset: 0)
}

extension SourceRange {
  /// The empty range at `SourceLocation.zero`: no place.
  public static let zero = SourceRange(start: .zero, end: .zero)
}

extension Identifier {
  /// The same name with its range zero.
  public var withoutRanges: Identifier { Identifier(name: name, range: .zero) }
}

extension Word {
  /// The same word with its range zero.
  public var withoutRanges: Word { Word(text: text, range: .zero) }
}

extension Expr {
  /// The same expression with all ranges zero.
  public var withoutRanges: Expr {
    let kind: Kind =
      switch kind {
      case .literal(let literal):
        .literal(literal)
      case .column(let table, let name):
        .column(table: table?.withoutRanges, name: name.withoutRanges)
      case .unary(let op, let operand):
        .unary(op, operand.withoutRanges)
      case .binary(let op, let left, let right):
        .binary(op, left.withoutRanges, right.withoutRanges)
      case .match(let op, let value, let pattern, let escape, let negated):
        .match(
          op, value.withoutRanges, pattern: pattern.withoutRanges, escape: escape?.withoutRanges,
          negated: negated)
      case .caseWhen(let operand, let whens, let otherwise):
        .caseWhen(
          operand: operand?.withoutRanges,
          whens: whens.map {
            WhenClause(condition: $0.condition.withoutRanges, result: $0.result.withoutRanges)
          },
          otherwise: otherwise?.withoutRanges)
      case .cast(let value, let type):
        .cast(value.withoutRanges, type)
      case .subquery(let query):
        .subquery(query.withoutRanges)
      case .inSubquery(let value, let query, let negated):
        .inSubquery(value.withoutRanges, query.withoutRanges, negated: negated)
      case .exists(let query):
        .exists(query.withoutRanges)
      case .inList(let value, let list, let negated):
        .inList(value.withoutRanges, list.map(\.withoutRanges), negated: negated)
      case .between(let value, let low, let high, let negated):
        .between(
          value.withoutRanges, low: low.withoutRanges, high: high.withoutRanges, negated: negated)
      case .isNull(let value, let negated):
        .isNull(value.withoutRanges, negated: negated)
      case .call(let name, let arguments, let distinct, let star):
        .call(
          name: name.withoutRanges, arguments: arguments.map(\.withoutRanges), distinct: distinct,
          star: star)
      }
    return Expr(kind, range: .zero)
  }
}

extension TableRef {
  /// The same table reference with all ranges zero.
  public var withoutRanges: TableRef {
    var ref = TableRef(
      name: name.withoutRanges, alias: alias?.withoutRanges,
      subquery: subquery.map { .select($0.select.withoutRanges) })
    ref.isNoTable = isNoTable
    return ref
  }
}

extension SelectItem {
  /// The same item with all ranges zero.
  public var withoutRanges: SelectItem {
    switch self {
    case .star: .star(.zero)
    case .tableStar(let table): .tableStar(table.withoutRanges)
    case .expression(let expr, let alias):
      .expression(expr.withoutRanges, alias: alias?.withoutRanges)
    }
  }
}

extension SelectStatement {
  /// The same select with all ranges zero.
  public var withoutRanges: SelectStatement {
    var select = SelectStatement(
      distinct: distinct, items: items.map(\.withoutRanges), from: from.withoutRanges,
      joins: joins.map {
        Join(
          kind: $0.kind, table: $0.table.withoutRanges, constraint: $0.constraint.withoutRanges,
          range: .zero)
      },
      whereClause: whereClause?.withoutRanges, groupBy: groupBy.map(\.withoutRanges),
      having: having?.withoutRanges,
      orderBy: orderBy.map { OrderItem(expr: $0.expr.withoutRanges, descending: $0.descending) },
      limit: limit?.withoutRanges, offset: offset?.withoutRanges, range: .zero)
    select.compound = compound.map {
      CompoundTerm(op: $0.op, query: .select($0.query.select.withoutRanges))
    }
    select.withIsRecursive = withIsRecursive
    select.with = with.map {
      CommonTableExpression(
        name: $0.name.withoutRanges, columns: $0.columns.map(\.withoutRanges),
        query: .select($0.query.select.withoutRanges))
    }
    return select
  }
}

extension Statement {
  /// The same statement with all ranges zero.
  public var withoutRanges: Statement {
    switch self {
    case .select(let select): .select(select.withoutRanges)
    case .explain(let select): .explain(select.withoutRanges)
    case .sharesOf(let appids): .sharesOf(appids.map(\.withoutRanges))
    case .share(let env, let appids):
      .share(env: env.withoutRanges, appids: appids.map(\.withoutRanges))
    case .unshare(let env, let appids):
      .unshare(env: env.withoutRanges, appids: appids.map(\.withoutRanges))
    case .writeFromQuery(let write): .writeFromQuery(write.withoutRanges)
    case .createTable(let name, let select): .createTable(name.withoutRanges, select.withoutRanges)
    case .dropTable(let name): .dropTable(name.withoutRanges)
    case .showTables: .showTables
    case .describe(let table): .describe(table.withoutRanges)
    case .refresh(let table): .refresh(table?.withoutRanges)
    case .dot(let command):
      .dot(DotCommand(name: command.name, arguments: command.arguments, range: .zero))
    }
  }
}

extension ParsedStatement {
  /// The same statement with all ranges zero, its own included.
  public var withoutRanges: ParsedStatement {
    ParsedStatement(statement: statement.withoutRanges, range: .zero)
  }
}

extension Join.Constraint {
  /// The same constraint with all ranges zero.
  public var withoutRanges: Join.Constraint {
    switch self {
    case .on(let expr): .on(expr.withoutRanges)
    case .using(let names): .using(names.map(\.withoutRanges))
    case .natural, .none: self
    }
  }
}
