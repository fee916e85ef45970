/// The canonical source text of trees: one line, keywords in lower case, parentheses only where
/// precedence needs them. Parsing the text gives the same tree again (ranges aside).

extension Expr: CustomStringConvertible {
  /// The expression as source text.
  public var sourceText: String {
    var printer = SourcePrinter()
    printer.print(self)
    return printer.text
  }

  /// The expression as source text.
  public var description: String { sourceText }
}

extension Statement: CustomStringConvertible {
  /// The statement as source text (without a `;`).
  public var sourceText: String {
    var printer = SourcePrinter()
    printer.print(self)
    return printer.text
  }

  /// The statement as source text.
  public var description: String { sourceText }
}

extension SelectStatement {
  /// The select statement as source text.
  public var sourceText: String { Statement.select(self).sourceText }
}

extension Identifier {
  /// The name as it must be written: bare when it can be, otherwise double-quoted.
  public var sourceText: String { SourcePrinter.name(name) }
}

extension Word {
  /// The appid or env id as it must be written: bare when it reads back as one word, otherwise
  /// single-quoted.
  public var sourceText: String { SourcePrinter.word(text) }
}

struct SourcePrinter {
  var text = ""

  mutating func print(_ statement: Statement) {
    switch statement {
    case .select(let select):
      print(select)
    case .explain(let select):
      text += "explain "
      print(select)
    case .sharesOf(let appids):
      text += "shares of " + appids.map(\.sourceText).joined(separator: ", ")
    case .share(let env, let appids):
      text += "share \(env.sourceText) with " + appids.map(\.sourceText).joined(separator: ", ")
    case .unshare(let env, let appids):
      text += "unshare \(env.sourceText) from " + appids.map(\.sourceText).joined(separator: ", ")
    case .writeFromQuery(let write):
      text += write.kind.rawValue + " "
      if let env = write.env { text += "\(env.sourceText) \(write.kind.preposition) " }
      text += "("
      print(write.query)
      text += ")"
    case .createTable(let name, let select):
      text += "create table \(name.sourceText) as "
      print(select)
    case .dropTable(let name):
      text += "drop table \(name.sourceText)"
    case .showTables:
      text += "show tables"
    case .describe(let table):
      text += "describe \(table.sourceText)"
    case .refresh(let table):
      text += "refresh"
      if let table { text += " \(table.sourceText)" }
    case .dot(let command):
      text += "." + command.name
      for argument in command.arguments { text += " " + SourcePrinter.dotArgument(argument) }
    }
  }

  mutating func print(_ select: SelectStatement) {
    for (index, cte) in select.with.enumerated() {
      text += index > 0 ? ", " : select.withIsRecursive ? "with recursive " : "with "
      text += cte.name.sourceText
      if !cte.columns.isEmpty {
        text += "(" + cte.columns.map(\.sourceText).joined(separator: ", ") + ")"
      }
      text += " as ("
      print(cte.query.select)
      text += ")"
    }
    if !select.with.isEmpty { text += " " }
    printCore(select)
    for term in select.compound {
      text += " \(term.op.rawValue) "
      printCore(term.query.select)
    }
    printOrderAndLimit(select)
  }

  /// `select … from … [where] [group by] [having]`.
  private mutating func printCore(_ select: SelectStatement) {
    text += select.distinct ? "select distinct " : "select "
    for (index, item) in select.items.enumerated() {
      if index > 0 { text += ", " }
      switch item {
      case .star: text += "*"
      case .tableStar(let table): text += table.sourceText + ".*"
      case .expression(let expr, let alias):
        print(expr)
        if let alias { text += " as " + alias.sourceText }
      }
    }
    if !select.from.isNoTable {
      text += " from "
      print(select.from)
    }
    for join in select.joins { print(join) }
    if let condition = select.whereClause {
      text += " where "
      print(condition)
    }
    if !select.groupBy.isEmpty {
      text += " group by "
      printList(select.groupBy)
    }
    if let having = select.having {
      text += " having "
      print(having)
    }
  }

  private mutating func printOrderAndLimit(_ select: SelectStatement) {
    if !select.orderBy.isEmpty {
      text += " order by "
      for (index, item) in select.orderBy.enumerated() {
        if index > 0 { text += ", " }
        print(item.expr)
        if item.descending { text += " desc" }
      }
    }
    if select.limit != nil || select.offset != nil {
      text += " limit "
      // SQLite reads a negative limit as no limit.
      if let limit = select.limit { print(limit) } else { text += "-1" }
      if let offset = select.offset {
        text += " offset "
        print(offset)
      }
    }
  }

  /// `, t`, `[natural] [left|cross] join t [on …|using (…)]`.
  private mutating func print(_ join: Join) {
    if join.kind == .comma {
      text += ", "
    } else {
      text += join.constraint == .natural ? " natural " : " "
      text += join.kind.rawValue + " "
    }
    print(join.table)
    switch join.constraint {
    case .on(let condition):
      text += " on "
      print(condition)
    case .using(let names):
      text += " using (" + names.map(\.sourceText).joined(separator: ", ") + ")"
    case .natural, .none:
      break
    }
  }

  private mutating func print(_ table: TableRef) {
    if let subquery = table.subquery {
      text += "("
      print(subquery.select)
      text += ")"
      if let alias = table.alias { text += " as " + alias.sourceText }
      return
    }
    text += table.name.sourceText
    if let alias = table.alias { text += " as " + alias.sourceText }
  }

  private mutating func printList(_ list: [Expr]) {
    for (index, expr) in list.enumerated() {
      if index > 0 { text += ", " }
      print(expr)
    }
  }

  // MARK: Expressions

  mutating func print(_ expr: Expr) {
    switch expr.kind {
    case .literal(let literal):
      print(literal)
    case .column(let table, let name):
      if let table { text += table.sourceText + "." }
      text += name.sourceText
    case .unary(.not, let operand):
      text += "not "
      print(operand, atLeast: .not)
    case .unary(let op, let operand):
      text += op.rawValue
      // `- -x` must not become the comment `--x`.
      if SourcePrinter.startsWithSign(operand) {
        text += "("
        print(operand)
        text += ")"
      } else {
        print(operand, atLeast: .prefix)
      }
    case .binary(let op, let left, let right):
      let level = SourcePrinter.precedence(of: op)
      print(left, atLeast: level)
      text += " \(op.rawValue) "
      print(right, atLeast: level.tighter)
    case .match(let op, let value, let pattern, let escape, let negated):
      printMatch(op, value, pattern, escape: escape, negated: negated)
    case .caseWhen(let operand, let whens, let otherwise):
      printCase(operand, whens, otherwise)
    case .cast(let value, let type):
      text += "cast("
      print(value)
      text += " as \(type.name))"
    case .subquery(let query):
      printParenthesized(query, after: "")
    case .inSubquery(let value, let query, let negated):
      print(value, atLeast: .equality)
      printParenthesized(query, after: negated ? " not in " : " in ")
    case .exists(let query):
      printParenthesized(query, after: "exists ")
    case .inList(let value, let list, let negated):
      print(value, atLeast: .equality)
      text += negated ? " not in (" : " in ("
      printList(list)
      text += ")"
    case .between(let value, let low, let high, let negated):
      print(value, atLeast: .equality)
      text += negated ? " not between " : " between "
      print(low, atLeast: .comparison)
      text += " and "
      print(high, atLeast: .comparison)
    case .isNull(let value, let negated):
      print(value, atLeast: .equality)
      text += negated ? " is not null" : " is null"
    case .call(let name, let arguments, let distinct, let star):
      text += name.sourceText + "("
      if star {
        text += "*"
      } else {
        if distinct { text += "distinct " }
        printList(arguments)
      }
      text += ")"
    }
  }

  private mutating func printMatch(
    _ op: MatchOperator, _ value: Expr, _ pattern: Expr, escape: Expr?, negated: Bool
  ) {
    print(value, atLeast: .equality)
    text += (negated ? " not " : " ") + op.rawValue + " "
    print(pattern, atLeast: .comparison)
    if let escape {
      text += " escape "
      print(escape, atLeast: .comparison)
    }
  }

  private mutating func printCase(_ operand: Expr?, _ whens: [WhenClause], _ otherwise: Expr?) {
    text += "case"
    if let operand {
      text += " "
      print(operand)
    }
    for when in whens {
      text += " when "
      print(when.condition)
      text += " then "
      print(when.result)
    }
    if let otherwise {
      text += " else "
      print(otherwise)
    }
    text += " end"
  }

  private mutating func printParenthesized(_ query: SelectStatement, after prefix: String) {
    text += prefix + "("
    print(query)
    text += ")"
  }

  private mutating func print(_ expr: Expr, atLeast level: Precedence) {
    if SourcePrinter.precedence(of: expr) >= level {
      print(expr)
    } else {
      text += "("
      print(expr)
      text += ")"
    }
  }

  private mutating func print(_ literal: Literal) {
    switch literal {
    case .null: text += "null"
    case .integer(let value): text += String(value)
    case .real(let value, let spelling):
      text += SourcePrinter.isDecimalSpelling(spelling) ? spelling : SourcePrinter.decimal(value)
    case .string(let value): text += SourcePrinter.quoted(value, quote: "'")
    case .boolean(let value): text += value ? "true" : "false"
    }
  }

  static func precedence(of expr: Expr) -> Precedence {
    switch expr.kind {
    case .literal(.integer(let value)) where value < 0: .prefix
    case .literal(.real(let value, _)) where value.sign == .minus: .prefix
    case .literal, .column, .call, .caseWhen, .cast, .subquery, .exists: .primary
    case .unary(.not, _): .not
    case .unary: .prefix
    case .binary(let op, _, _): precedence(of: op)
    case .match, .inList, .inSubquery, .between, .isNull: .equality
    }
  }

  static func precedence(of op: BinaryOperator) -> Precedence {
    switch op {
    case .or: .or
    case .and: .and
    case .equal, .notEqual: .equality
    case .less, .lessEqual, .greater, .greaterEqual: .comparison
    case .add, .subtract: .additive
    case .multiply, .divide, .remainder: .multiplicative
    case .concat: .concat
    }
  }

  private static func startsWithSign(_ expr: Expr) -> Bool {
    switch expr.kind {
    case .unary(.negate, _), .unary(.plus, _): true
    case .literal(.integer(let value)): value < 0
    case .literal(.real(let value, _)): value.sign == .minus
    default: false
    }
  }

  // MARK: Names and words

  /// A name bare when it is a plain word and no reserved keyword, else double-quoted.
  static func name(_ name: String) -> String {
    let isPlain =
      !name.isEmpty && !ASCII.isDigit(name.utf8.first!) && name.utf8.allSatisfy(ASCII.isWordByte)
    if isPlain, Keyword(word: name)?.isReserved != true { return name }
    return quoted(name, quote: "\"")
  }

  /// An appid or env id bare when it reads back as itself, else single-quoted.
  static func word(_ text: String) -> String {
    let isPlain =
      !text.isEmpty && text.utf8.first != UInt8(ascii: "-") && !text.contains("--")
      && text.utf8.allSatisfy { ASCII.isWordByte($0) || $0 == UInt8(ascii: "-") }
    return isPlain ? text : quoted(text, quote: "'")
  }

  static func dotArgument(_ argument: String) -> String {
    let needsQuotes =
      argument.isEmpty || argument.hasSuffix(";")
      || argument.contains { $0.isWhitespace || $0 == "'" || $0 == "\"" }
    guard needsQuotes else { return argument }
    return argument.contains("'") ? "\"\(argument)\"" : "'\(argument)'"
  }

  static func quoted(_ text: String, quote: Unicode.Scalar) -> String {
    var result = String.UnicodeScalarView()
    result.append(quote)
    for scalar in text.unicodeScalars {
      if scalar == quote { result.append(quote) }
      result.append(scalar)
    }
    result.append(quote)
    return String(result)
  }

  /// Whether `spelling` lexes as one decimal or integer token.
  private static func isDecimalSpelling(_ spelling: String) -> Bool {
    guard !spelling.isEmpty else { return false }
    var scanner = Scanner(spelling)
    let token = scanner.next()
    return (token.kind == .decimal || token.kind == .integer) && scanner.isAtEnd
  }

  private static func decimal(_ value: Double) -> String {
    guard value.isFinite else { return value > 0 ? "1e999" : "(-1e999)" }
    let text = "\(value)"
    return text.contains(".") || text.contains("e") ? text : text + ".0"
  }
}
