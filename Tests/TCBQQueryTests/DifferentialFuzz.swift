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

  static let joinColumns = [
    "e.env_id", "e.alias", "e.status", "e.package_id", "e.is_default", "s.appid", "s.env_id",
    "a.auth_time", "a.appid",
  ]

  struct Generator {
    var random = DifferentialData.Random(state: 2024)
    var columns = DifferentialFuzz.columns

    mutating func expr(_ depth: Int) -> String {
      if depth <= 0 || random.next(4) == 0 {
        return random.next(2) == 0 ? random.pick(columns) : random.pick(DifferentialFuzz.literals)
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
        return
          "(\(expr(depth - 1)) \(random.pick(["like", "not like"])) \(random.pick(["'a%'", "'%A%'", "'_'", "'%1%'", "'中%'", "null", "'%'"])))"
      case 5:
        let items = (0..<(1 + random.next(3))).map { _ in random.pick(DifferentialFuzz.literals) }
        return
          "(\(expr(depth - 1)) \(random.pick(["in", "not in"])) (\(items.joined(separator: ", "))))"
      case 6:
        let low = random.pick(DifferentialFuzz.literals),
          high = random.pick(DifferentialFuzz.literals)
        return "(\(expr(depth - 1)) \(random.pick(["between", "not between"])) \(low) and \(high))"
      case 7:
        return "(\(expr(depth - 1)) \(random.pick(["is null", "is not null"])))"
      default:
        return "(\(random.pick(columns)) = \(random.pick(DifferentialFuzz.literals)))"
      }
    }
  }

  /// `count` join queries: hash joins with random extra ON and WHERE conditions, inner and left,
  /// and nested loops on random conditions.
  static func joinQueries(_ count: Int) -> [String] {
    var g = Generator(random: DifferentialData.Random(state: 77), columns: joinColumns)
    // ON sees only the tables joined so far.
    let es = joinColumns.filter { !$0.hasPrefix("a.") }
    return (0..<count).map { i in
      switch i % 3 {
      case 0:
        g.columns = es
        return "select e.env_id, s.appid, \(g.expr(2)) from envs e left join shares s "
          + "on s.env_id = e.env_id and \(g.predicate(2))"
      case 1:
        g.columns = joinColumns
        return
          "select e.env_id, a.appid, \(g.expr(2)) from envs e join shares s on s.env_id = e.env_id "
          + "left join apps a on a.appid = s.appid and \(g.predicate(2)) where \(g.predicate(2))"
      default:
        g.columns = es
        let on = g.predicate(2)
        let key = g.expr(1)
        g.columns = joinColumns
        let x = g.expr(2)
        return "select count(*), count(\(x)), min(\(x)), max(\(x)) from envs e join shares s "
          + "on \(on) left join apps a on a.auth_time = \(key)"
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
        return
          "select \(key), count(*), count(\(value)), min(\(value)), max(\(value)), avg(length(\(value))) from envs group by \(key)"
      }
      return "select env_id, \(g.expr(3)), \(g.expr(3)) from envs where \(g.predicate(3))"
    }
  }
}
