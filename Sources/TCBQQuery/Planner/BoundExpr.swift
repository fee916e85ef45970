/// An expression with its names resolved: columns are (source, column) positions, aggregates are
/// slots computed by the aggregation step.
indirect enum BoundExpr: Sendable, Hashable {
  case literal(Value)
  /// A column of the `source`-th table of the FROM clause (0 = the first).
  case column(source: Int, column: Int, type: ColumnType)
  /// The value of the `slot`-th aggregate of the plan (after aggregation only).
  case aggregate(slot: Int, type: ColumnType)
  case unary(UnaryOperator, BoundExpr)
  case binary(BinaryOperator, BoundExpr, BoundExpr)
  case match(MatchOperator, BoundExpr, pattern: BoundExpr, escape: BoundExpr?, negated: Bool)
  /// `case`: with an operand, each `when` is compared with it (`=`); without, each is a truth.
  case caseWhen(operand: BoundExpr?, whens: [BoundWhen], otherwise: BoundExpr?)
  case cast(BoundExpr, CastType.Affinity)
  /// The first column of the first row of subquery step `step` (NULL without rows).
  case subqueryValue(step: Int, type: ColumnType)
  /// `x [not] in (select …)` over the first column of subquery step `step`.
  case inSubquery(BoundExpr, step: Int, negated: Bool)
  /// `exists (select …)`: whether subquery step `step` has a row.
  case exists(step: Int)
  /// A value of the enclosing query, which a correlated subquery's plan reads: the
  /// `index`-th parameter its step is run with (`SubqueryStep.parameters`).
  case outerColumn(Int, type: ColumnType)
  /// A `subqueryValue`, `inSubquery` or `exists` whose step reads the enclosing query's row:
  /// run per row (cached per distinct `parameters`, evaluated on this query's row).
  case correlated(BoundExpr, parameters: [BoundExpr])
  case inList(BoundExpr, [BoundExpr], negated: Bool)
  case between(BoundExpr, low: BoundExpr, high: BoundExpr, negated: Bool)
  case isNull(BoundExpr, negated: Bool)
  case function(ScalarFunction, [BoundExpr])

  /// The affinity the expression brings to a comparison: column references and casts have one.
  var affinity: Affinity {
    switch self {
    case .column(_, _, let type), .outerColumn(_, let type):
      switch type {
      case .text: .text
      case .integer, .real, .boolean: .numeric
      case .any: .none
      }
    // As in SQLite, a cast carries the affinity of its type.
    case .cast(_, let affinity):
      switch affinity {
      case .text: .text
      case .integer, .real, .numeric: .numeric
      case .blob: .none
      }
    default: .none
    }
  }

  /// The sources (tables of the FROM clause) the expression reads.
  var sources: Set<Int> {
    var result = Set<Int>()
    visit { if case .column(let s, _, _) = $0 { result.insert(s) } }
    return result
  }

  var containsAggregate: Bool {
    var found = false
    visit { if case .aggregate = $0 { found = true } }
    return found
  }

  func visit(_ body: (BoundExpr) -> Void) {
    body(self)
    switch self {
    case .literal, .column, .aggregate, .subqueryValue, .exists, .outerColumn: break
    case .correlated(let node, let parameters):
      node.visit(body)
      for parameter in parameters { parameter.visit(body) }
    case .inSubquery(let e, _, _): e.visit(body)
    case .unary(_, let e), .isNull(let e, _): e.visit(body)
    case .binary(_, let a, let b):
      a.visit(body)
      b.visit(body)
    case .match(_, let a, let b, let escape, _):
      a.visit(body)
      b.visit(body)
      escape?.visit(body)
    case .caseWhen(let operand, let whens, let otherwise):
      operand?.visit(body)
      for when in whens {
        when.condition.visit(body)
        when.result.visit(body)
      }
      otherwise?.visit(body)
    case .cast(let e, _):
      e.visit(body)
    case .inList(let e, let list, _):
      e.visit(body)
      for x in list { x.visit(body) }
    case .between(let e, let lo, let hi, _):
      e.visit(body)
      lo.visit(body)
      hi.visit(body)
    case .function(_, let args):
      for x in args { x.visit(body) }
    }
  }

  /// The value of a step's parameter that reads no row of the holding query: a literal, or
  /// one of the holding query's own parameters.
  func constant(_ parameters: [Value]) -> Value {
    switch self {
    case .literal(let v): v
    case .outerColumn(let index, _): parameters[index]
    default: preconditionFailure("a parameter that reads a row: the step runs per row")
    }
  }

  /// The conjuncts of a top-level AND chain.
  var conjuncts: [BoundExpr] {
    if case .binary(.and, let a, let b) = self { return a.conjuncts + b.conjuncts }
    return [self]
  }

  static func conjunction(_ parts: [BoundExpr]) -> BoundExpr? {
    guard var result = parts.first else { return nil }
    for p in parts.dropFirst() { result = .binary(.and, result, p) }
    return result
  }

  /// The static type of the result.
  var type: ColumnType {
    switch self {
    case .literal(let v):
      switch v {
      case .null: .any
      case .integer: .integer
      case .real: .real
      case .text: .text
      case .boolean: .boolean
      }
    case .column(_, _, let t), .aggregate(_, let t), .outerColumn(_, let t): t
    case .correlated(let node, _): node.type
    case .unary(.not, _): .boolean
    case .unary(_, let e):
      switch e.type {
      case .integer, .boolean: .integer
      case .real: .real
      default: .any
      }
    case .binary(let op, let a, let b):
      switch op {
      case .concat: .text
      case .and, .or, .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: .boolean
      case .add, .subtract, .multiply, .divide, .remainder:
        Self.numericType(a.type, b.type, op: op)
      }
    case .match, .inList, .between, .isNull, .inSubquery, .exists: .boolean
    case .subqueryValue(_, let type): type
    case .caseWhen(_, let whens, let otherwise):
      Set(whens.map(\.result.type) + [otherwise?.type ?? .any]).count == 1
        ? (otherwise?.type ?? .any) : .any
    case .cast(_, let affinity):
      switch affinity {
      case .integer: .integer
      case .real: .real
      case .text: .text
      case .numeric, .blob: .any
      }
    case .function(let f, let args): f.resultType(args.map(\.type))
    }
  }

  private static func numericType(_ a: ColumnType, _ b: ColumnType, op: BinaryOperator)
    -> ColumnType
  {
    let ints: Set<ColumnType> = [.integer, .boolean]
    if ints.contains(a), ints.contains(b) { return .integer }
    if a == .real || b == .real {
      return ([.integer, .boolean, .real] as Set).isSuperset(of: [a, b]) ? .real : .any
    }
    return .any
  }
}

/// `when condition then result`, bound.
struct BoundWhen: Sendable, Hashable {
  var condition: BoundExpr
  var result: BoundExpr
}

/// The scalar functions of the language (`min` and `max` with two or more arguments are scalar,
/// as in SQLite).
enum ScalarFunction: String, Sendable, Hashable, CaseIterable {
  case lower, upper, length, substr, trim, coalesce, ifnull, min, max
  case typeof, abs, round, replace, instr, ltrim, rtrim, iif, nullif, hex, char, printf, format

  /// Allowed argument counts: lower bound and upper bound (nil: unbounded).
  var arity: (min: Int, max: Int?) {
    switch self {
    case .lower, .upper, .length, .typeof, .abs, .hex: (1, 1)
    case .substr: (2, 3)
    case .trim, .ltrim, .rtrim, .round: (1, 2)
    case .coalesce: (2, nil)
    case .ifnull, .instr, .nullif: (2, 2)
    case .min, .max: (2, nil)
    case .replace, .iif: (3, 3)
    case .char: (0, nil)
    case .printf, .format: (1, nil)
    }
  }

  /// The static type of the result, given the arguments' types.
  func resultType(_ args: [ColumnType]) -> ColumnType {
    switch self {
    case .lower, .upper, .trim, .substr, .ltrim, .rtrim, .replace, .typeof, .hex, .char,
      .printf, .format:
      .text
    case .length, .instr: .integer
    case .round: .real
    case .abs: args[0] == .integer || args[0] == .boolean ? .integer : .any
    case .nullif: args[0]
    case .coalesce, .ifnull, .min, .max:
      Set(args).count == 1 ? args[0] : .any
    case .iif: args[1] == args[2] ? args[1] : .any
    }
  }
}

/// The functions of the language, for completion: every scalar and aggregate function's name,
/// once each (`min` and `max` are both), read from `ScalarFunction` and `AggregateCall.Kind`.
public enum Functions {
  public static let names: [String] = {
    var names = ScalarFunction.allCases.map(\.rawValue)
    for kind in AggregateCall.Kind.allCases where kind != .countStar {
      if !names.contains(kind.rawValue) { names.append(kind.rawValue) }
    }
    return names
  }()
}

/// An aggregate of the plan: what it computes, over which expression (bound before aggregation).
struct AggregateCall: Sendable, Hashable {
  enum Kind: String, Sendable, Hashable, CaseIterable {
    case countStar = "count(*)"
    case count, sum, min, max, avg, total
    case groupConcat = "group_concat"
  }
  var kind: Kind
  var argument: BoundExpr?
  var distinct: Bool
  /// group_concat's separator (`,` when not given).
  var separator: BoundExpr? = nil

  var resultType: ColumnType {
    switch kind {
    case .countStar, .count: .integer
    case .avg, .total: .real
    case .groupConcat: .text
    case .sum:
      switch argument?.type {
      case .integer?, .boolean?: .integer
      case .real?: .real
      default: .any
      }
    case .min, .max: argument?.type ?? .any
    }
  }
}
