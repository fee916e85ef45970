/// The syntax tree of the language. Plain structs and indirect enums; every node keeps its source
/// range so that later passes (resolution, planning) can point at it.

/// A name as written (table, column, alias, function). Names are case-insensitive: compare `key`.
public struct Identifier: Sendable, Hashable {
  public var name: String
  public var range: SourceRange
  public init(name: String, range: SourceRange) {
    self.name = name
    self.range = range
  }
  /// The name folded for comparison.
  public var key: String { name.lowercased() }
}

/// An appid or env id in `shares of`, `share`, `unshare`: a bare word or a quoted string.
public struct Word: Sendable, Hashable {
  public var text: String
  public var range: SourceRange
  public init(text: String, range: SourceRange) {
    self.text = text
    self.range = range
  }
}

public struct Expr: Sendable, Hashable {
  public var kind: Kind
  public var range: SourceRange
  public init(_ kind: Kind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }

  public indirect enum Kind: Sendable, Hashable {
    /// A literal: string, integer, decimal, true, false, null.
    case literal(Literal)
    /// `col` or `alias.col`.
    case column(table: Identifier?, name: Identifier)
    case unary(UnaryOperator, Expr)
    case binary(BinaryOperator, Expr, Expr)
    /// `a [not] like b [escape c]`, `a [not] glob b`, `a [not] regexp b`
    case match(MatchOperator, Expr, pattern: Expr, escape: Expr?, negated: Bool)
    /// `case [operand] when … then … [else …] end`
    case caseWhen(operand: Expr?, whens: [WhenClause], otherwise: Expr?)
    /// `cast(x as type)`
    case cast(Expr, CastType)
    /// `a [not] in (b, c, …)`
    case inList(Expr, [Expr], negated: Bool)
    /// `a [not] between b and c`
    case between(Expr, low: Expr, high: Expr, negated: Bool)
    /// `a is [not] null`
    case isNull(Expr, negated: Bool)
    /// A function or aggregate call. `count(*)` has `star` set and no arguments.
    case call(name: Identifier, arguments: [Expr], distinct: Bool, star: Bool)
    /// `(select …)`: the first column of the first row, NULL when there is none.
    case subquery(SelectStatement)
    /// `a [not] in (select …)`
    case inSubquery(Expr, SelectStatement, negated: Bool)
    /// `exists (select …)`
    case exists(SelectStatement)
  }
}

/// The pattern operators.
public enum MatchOperator: String, Sendable, Hashable {
  /// `%` and `_`, ASCII case-insensitive, an optional escape character.
  case like
  /// `*`, `?` and `[…]`, case-sensitive (Unix file names).
  case glob
  /// A regular expression (Swift `Regex` syntax), found anywhere in the text.
  case regexp
}

/// `when condition then result` of a `case`.
public struct WhenClause: Sendable, Hashable {
  public var condition: Expr
  public var result: Expr
  public init(condition: Expr, result: Expr) {
    self.condition = condition
    self.result = result
  }
}

/// The type of a `cast`: the affinity SQLite derives from the type name as written.
public struct CastType: Sendable, Hashable {
  /// The type name as written (`integer`, `varchar(20)`, `double precision`).
  public var name: String
  public init(name: String) { self.name = name }

  public enum Affinity: Sendable, Hashable { case integer, real, text, numeric, blob }

  /// SQLite's rules (datatype3.html, 3.1): INT → integer; CHAR, CLOB, TEXT → text; BLOB or no
  /// name → blob; REAL, FLOA, DOUB → real; anything else numeric.
  public var affinity: Affinity {
    let upper = name.uppercased()
    if upper.contains("INT") { return .integer }
    if upper.contains("CHAR") || upper.contains("CLOB") || upper.contains("TEXT") { return .text }
    if upper.contains("BLOB") || upper.isEmpty { return .blob }
    if upper.contains("REAL") || upper.contains("FLOA") || upper.contains("DOUB") { return .real }
    return .numeric
  }
}

public enum Literal: Sendable, Hashable {
  case null
  case integer(Int64)
  /// A decimal literal; `text` keeps the source spelling.
  case real(Double, text: String)
  case string(String)
  case boolean(Bool)
}

public enum UnaryOperator: String, Sendable, Hashable {
  case negate = "-"
  case plus = "+"
  case not = "not"
}

public enum BinaryOperator: String, Sendable, Hashable {
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"
  case remainder = "%"
  case concat = "||"
  case equal = "="
  case notEqual = "!="
  case less = "<"
  case lessEqual = "<="
  case greater = ">"
  case greaterEqual = ">="
  case and = "and"
  case or = "or"
}

extension SelectStatement {
  /// The names of the tables it reads, in FROM order, lowercased.
  public var tableNames: [String] {
    ([from] + joins.map(\.table)).map(\.name.key)
  }
}

public struct TableRef: Sendable, Hashable {
  /// The table's name; for a subquery, its alias (or a name made up when it has none).
  public var name: Identifier
  public var alias: Identifier?
  /// `from (select …) [as] alias`: the query whose rows the table holds.
  public var subquery: Subquery?
  /// A select without `from` reads one row without columns (`select 1 + 1`).
  public var isNoTable = false
  public init(name: Identifier, alias: Identifier?, subquery: Subquery? = nil) {
    self.name = name
    self.alias = alias
    self.subquery = subquery
  }

  /// What a select without `from` reads.
  public static func noTable(at range: SourceRange) -> TableRef {
    var ref = TableRef(name: Identifier(name: "(no table)", range: range), alias: nil)
    ref.isNoTable = true
    return ref
  }
}

/// A select inside another statement (boxed: a select holds table references).
public indirect enum Subquery: Sendable, Hashable {
  case select(SelectStatement)
  public var select: SelectStatement {
    switch self {
    case .select(let select): select
    }
  }
}

/// The operators between the selects of a compound.
public enum CompoundOperator: String, Sendable, Hashable {
  case union
  case unionAll = "union all"
  case intersect
  case except
}

/// `union [all] | intersect | except select …` after the first select of a compound.
public struct CompoundTerm: Sendable, Hashable {
  public var op: CompoundOperator
  /// A select without `order by` or `limit` (those belong to the whole compound).
  public var query: Subquery
  public init(op: CompoundOperator, query: Subquery) {
    self.op = op
    self.query = query
  }
}

/// `name [(columns)] as (select …)` of a `with` clause.
public struct CommonTableExpression: Sendable, Hashable {
  public var name: Identifier
  public var columns: [Identifier]
  public var query: Subquery
  public init(name: Identifier, columns: [Identifier], query: Subquery) {
    self.name = name
    self.columns = columns
    self.query = query
  }
}

public struct Join: Sendable, Hashable {
  /// How the join was written. All but `left` are inner joins; the spelling is kept for
  /// printing the statement back.
  public enum Kind: String, Sendable, Hashable {
    case inner = "join"
    case left = "left join"
    case cross = "cross join"
    /// `from a, b`
    case comma = ","
    /// Whether unmatched rows are dropped (every kind but `left`).
    public var isInner: Bool { self != .left }
  }
  /// What pairs the rows: `on expr`, `using (col, …)`, `natural`, or nothing (every pair).
  public enum Constraint: Sendable, Hashable {
    case on(Expr)
    case using([Identifier])
    case natural
    case none
  }
  public var kind: Kind
  public var table: TableRef
  public var constraint: Constraint
  public var range: SourceRange
  public init(kind: Kind, table: TableRef, constraint: Constraint, range: SourceRange) {
    self.kind = kind
    self.table = table
    self.constraint = constraint
    self.range = range
  }
  /// The ON condition, if the join has one.
  public var condition: Expr? {
    if case .on(let expr) = constraint { return expr }
    return nil
  }
}

public enum SelectItem: Sendable, Hashable {
  /// `*`
  case star(SourceRange)
  /// `alias.*`
  case tableStar(Identifier)
  /// `expr [as name]`
  case expression(Expr, alias: Identifier?)
}

public struct OrderItem: Sendable, Hashable {
  public var expr: Expr
  public var descending: Bool
  public init(expr: Expr, descending: Bool) {
    self.expr = expr
    self.descending = descending
  }
}

public struct SelectStatement: Sendable, Hashable {
  /// `with …` before the select: tables computed once, before the select runs.
  public var with: [CommonTableExpression] = []
  /// `with recursive`: its tables may read themselves.
  public var withIsRecursive = false
  /// The selects after this one in a compound; `orderBy`, `limit` and `offset` then order and
  /// cut the whole compound.
  public var compound: [CompoundTerm] = []
  public var distinct: Bool
  public var items: [SelectItem]
  public var from: TableRef
  public var joins: [Join]
  public var whereClause: Expr?
  public var groupBy: [Expr]
  public var having: Expr?
  public var orderBy: [OrderItem]
  public var limit: Expr?
  public var offset: Expr?
  public var range: SourceRange

  public init(
    distinct: Bool = false, items: [SelectItem], from: TableRef, joins: [Join] = [],
    whereClause: Expr? = nil, groupBy: [Expr] = [], having: Expr? = nil,
    orderBy: [OrderItem] = [], limit: Expr? = nil, offset: Expr? = nil, range: SourceRange
  ) {
    self.distinct = distinct
    self.items = items
    self.from = from
    self.joins = joins
    self.whereClause = whereClause
    self.groupBy = groupBy
    self.having = having
    self.orderBy = orderBy
    self.limit = limit
    self.offset = offset
    self.range = range
  }
}

/// A dot command: `.mode csv`, `.read file.sql`. Arguments are split on blanks; a quoted argument
/// (single or double quotes) may hold blanks.
public struct DotCommand: Sendable, Hashable {
  public var name: String
  public var arguments: [String]
  /// The arguments as written, after the name (`.watch 5 select …` keeps its statement whole).
  public var argumentText: String
  public var range: SourceRange
  public init(name: String, arguments: [String], argumentText: String = "", range: SourceRange) {
    self.name = name
    self.arguments = arguments
    self.argumentText = argumentText
    self.range = range
  }
}

public enum Statement: Sendable, Hashable {
  case select(SelectStatement)
  case explain(SelectStatement)
  /// `shares of APPID[, APPID…]`
  case sharesOf([Word])
  /// `share ENV with APPID[, APPID…]`
  case share(env: Word, appids: [Word])
  /// `unshare ENV from APPID[, APPID…]`
  case unshare(env: Word, appids: [Word])
  /// `share`/`unshare` of the pairs a query gives.
  case writeFromQuery(QueryWrite)
  /// `create table NAME as select …`: a table the session holds.
  case createTable(Identifier, SelectStatement)
  /// `drop table NAME`
  case dropTable(Identifier)
  case showTables
  case describe(Identifier)
  /// `refresh` or `refresh TABLE`
  case refresh(Identifier?)
  case dot(DotCommand)
}

/// A statement with the source it came from, for messages that quote it.
public struct ParsedStatement: Sendable, Hashable {
  public var statement: Statement
  public var range: SourceRange
  public init(statement: Statement, range: SourceRange) {
    self.statement = statement
    self.range = range
  }
}
