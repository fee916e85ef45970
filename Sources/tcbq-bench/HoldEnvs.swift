import Foundation
import TCBQQuery

/// `tcbq-bench --hold-envs ANSWER`: the M workload's subject, run in a child process under
/// `/usr/bin/time -f %M`. Decodes a describecloudbaserunenvs answer as tcbq does, builds the
/// tables, answers `select count(*) from envs` over them and exits: its peak RSS is that of a
/// tcbq process holding every env (the answer's bytes and decoded values included while they
/// live, as in tcbq).
enum HoldEnvs {
  static func run(answerPath: String) async throws {
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: answerPath)))
    let tables = Tables.fromEnvs(try await Dataset.decodeEnvs(bytes))
    let sql = "select count(*) from envs"
    guard let unit = Script.parse(sql).statements.first, case .select(let select) = unit.statement
    else { throw BenchError("not a select") }
    let plan = try Planner.plan(select, catalog: .standard, source: sql)
    let result = try Executor.execute(plan, tables: tables)
    print(result[0, 0])
  }
}
