/// Random (seeded, so always the same) expressions over the differential tables: operators,
/// functions, literals of every type and NULL, nested a few levels.
enum DifferentialFuzz {
  static let columns = [
    "env_id", "alias", "status", "package_id", "package_name", "is_default", "is_auto_degrade",
    "region",
  ]
  static let literals = [
    "null", "0", "1", "-1", "2", "7", "12", "100", "3.5", "-0.5", "1e3", "''", "'a'", "'A%'",
    "'%a%'", "'_'", "'12'", "' 12 '", "'abc'", "'中%'", "'NORMAL'", "true", "false",
    "9223372036854775807",
  ]

  struct Generator {
    var random = DifferentialData.Random(state: 2024)

    mutating func expr(_ depth: Int) -> String {
      if depth <= 0 || random.next(4) == 0 {
        return random.next(2) == 0 ? random.pick(columns) : random.pick(literals)
      }
      switch random.next(12) {
      case 0, 1:
        let op = random.pick(["+", "-", "*", "/", "%", "||"])
        return "(\(expr(depth - 1)) \(op) \(expr(depth - 1)))"
      case 2, 3:
        return predicate(depth)
      case 4:
        return "-(\(expr(depth - 1)))"
      case 5:
        return "\(random.pick(["lower", "upper", "length", "trim"]))(\(expr(depth - 1)))"
      case 6:
        return random.next(2) == 0
          ? "substr(\(expr(depth - 1)), \(random.pick(["-3", "0", "1", "2", "null", "'2'"])))"
          : "substr(\(expr(depth - 1)), \(random.pick(["-2", "0", "1", "3"])), \(random.pick(["-2", "0", "1", "2", "5"])))"
      case 7:
        return "\(random.pick(["coalesce", "ifnull"]))(\(expr(depth - 1)), \(expr(depth - 1)))"
      case 8:
        return "trim(\(expr(depth - 1)), \(random.pick(["'a'", "' 1'", "'e-'", "null"])))"
      default:
        return random.pick(columns)
      }
    }

    mutating func predicate(_ depth: Int) -> String {
      switch random.next(9) {
      case 0, 1:
        let op = random.pick(["=", "!=", "<", "<=", ">", ">="])
        return "(\(expr(depth - 1)) \(op) \(expr(depth - 1)))"
      case 2:
        return "(\(predicate(depth - 1)) \(random.pick(["and", "or"])) \(predicate(depth - 1)))"
      case 3:
        return "(not \(expr(depth - 1)))"
      case 4:
        return "(\(expr(depth - 1)) \(random.pick(["like", "not like"])) \(random.pick(["'a%'", "'%A%'", "'_'", "'%1%'", "'中%'", "null", "'%'"])))"
      case 5:
        let items = (0..<(1 + random.next(3))).map { _ in random.pick(literals) }
        return "(\(expr(depth - 1)) \(random.pick(["in", "not in"])) (\(items.joined(separator: ", "))))"
      case 6:
        return "(\(expr(depth - 1)) \(random.pick(["between", "not between"])) \(random.pick(literals)) and \(random.pick(literals)))"
      case 7:
        return "(\(expr(depth - 1)) \(random.pick(["is null", "is not null"])))"
      default:
        return "(\(random.pick(columns)) = \(random.pick(literals)))"
      }
    }
  }

  /// `count` queries: projections with a filter, and aggregates grouped by an expression.
  static func queries(_ count: Int) -> [String] {
    var g = Generator()
    return (0..<count).map { i in
      if i % 4 == 3 {
        let key = "ifnull(\(g.expr(2)), status)"
        let value = g.expr(2)
        return "select \(key), count(*), count(\(value)), min(\(value)), max(\(value)), avg(length(\(value))) from envs group by \(key)"
      }
      return "select env_id, \(g.expr(3)), \(g.expr(3)) from envs where \(g.predicate(3))"
    }
  }
}
