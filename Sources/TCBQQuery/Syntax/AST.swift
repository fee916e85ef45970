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
    /// `a [not] like b`
    case like(Expr, pattern: Expr, negated: Bool)
    /// `a [not] in (b, c, …)`
    case inList(Expr, [Expr], negated: Bool)
    /// `a [not] between b and c`
    case between(Expr, low: Expr, high: Expr, negated: Bool)
    /// `a is [not] null`
    case isNull(Expr, negated: Bool)
    /// A function or aggregate call. `count(*)` has `star` set and no arguments.
    case call(name: Identifier, arguments: [Expr], distinct: Bool, star: Bool)
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
  public var name: Identifier
  public var alias: Identifier?
  public init(name: Identifier, alias: Identifier?) {
    self.name = name
    self.alias = alias
  }
}

public struct Join: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable { case inner, left }
  public var kind: Kind
  public var table: TableRef
  public var condition: Expr
  public var range: SourceRange
  public init(kind: Kind, table: TableRef, condition: Expr, range: SourceRange) {
    self.kind = kind
    self.table = table
    self.condition = condition
    self.range = range
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
