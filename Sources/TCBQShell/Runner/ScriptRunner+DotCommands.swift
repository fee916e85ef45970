import Foundation
import TCBQQuery
import TCBQRender

extension ScriptRunner {
  /// Runs one dot-command line: the command it names, by its handler.
  func runDot(_ line: DotCommand, source: String) async -> ExitStatus {
    guard let command = ShellCommand(word: line.name) else {
      return usage(
        line,
        "unknown dot command '.\(line.name)'"
          + suggestion(line.name, ShellCommand.completionWords) + "; .help lists them")
    }
    let args = line.arguments
    switch command {
    case .help: console.message(Self.helpText)
    case .tables: return await runAndRender(.showTables, source: source)
    case .schema: return await schema(args, line)
    case .mode: return mode(args, line)
    case .headers:
      guard let on = Self.onOff(args) else { return usage(line, command) }
      output.options.headers = on
    case .timer:
      guard let on = Self.onOff(args) else { return usage(line, command) }
      timer = on
    case .maxrows: return maxRows(args, line)
    case .output: return redirect(to: args.first)
    case .once:
      guard args.count == 1 else { return usage(line, command) }
      return redirectOnce(to: args[0])
    case .watch: return await watch(line)
    case .read:
      guard args.count == 1 else { return usage(line, command) }
      return await read(path: args[0])
    case .maxcalls: return await maxCalls(args, line)
    case .maxwrites: return await maxWrites(args, line)
    case .import: return await importTable(args, line)
    case .set: return setVariable(args, line)
    case .unset: return unsetVariable(args, line)
    case .quit: quitRequested = true
    }
    return .success
  }

  /// `.schema [TABLE]`: the schema is what was asked for, a result on standard output.
  private func schema(_ args: [String], _ line: DotCommand) async -> ExitStatus {
    let catalog = await session.catalog
    var tables: [TableSchema] = []
    for name in args {
      guard let table = catalog.table(named: name) else {
        return usage(line, "no table '\(name)'" + suggestion(name, catalog.tableNames))
      }
      tables.append(table)
    }
    let text = (args.isEmpty ? catalog.tables : tables)
      .map { catalog.schemaText($0) + "\n" }.joined()
    do {
      try output.writeText(text)
    } catch {
      return console.report(error)
    }
    return .success
  }

  private func mode(_ args: [String], _ line: DotCommand) -> ExitStatus {
    guard args.count == 1, let format = OutputFormat(rawValue: args[0].lowercased()) else {
      let names = OutputFormat.allCases.map(\.rawValue)
      return usage(
        line,
        "usage: \(ShellCommand.mode.synopsis) where FMT is one of \(names.joined(separator: ", "))"
          + (args.first.map { suggestion($0, names) } ?? ""))
    }
    output.options.format = format
    return .success
  }

  private func redirect(to path: String?) -> ExitStatus {
    do {
      try output.redirect(to: path)
    } catch {
      return console.report(error)
    }
    return .success
  }

  private func redirectOnce(to path: String) -> ExitStatus {
    do {
      try output.redirectOnce(to: path)
    } catch {
      return console.report(error)
    }
    return .success
  }

  /// `.maxrows` shows the limit; `.maxrows N` sets it (0: all rows).
  private func maxRows(_ args: [String], _ line: DotCommand) -> ExitStatus {
    guard let value = args.first else {
      let limit = output.maxRows == 0 ? "0 (all rows)" : String(output.maxRows)
      console.message("maxrows \(limit): results on a terminal show at most that many rows")
      return .success
    }
    guard args.count == 1, let n = Int(value), n >= 0 else { return usage(line, .maxrows) }
    output.maxRows = n
    return .success
  }

  /// `.maxwrites` shows the guard; `.maxwrites N|off` sets it.
  private func maxWrites(_ args: [String], _ line: DotCommand) async -> ExitStatus {
    guard let value = args.first?.lowercased() else {
      let limit = await session.settings.maxWrites.map(String.init) ?? "off"
      console.message("maxwrites \(limit): a write of more pairs to send is refused")
      return .success
    }
    let limit: Int?
    if value == "off" {
      limit = nil
    } else if let n = Int(value), n >= 0 {
      limit = n
    } else {
      return usage(line, .maxwrites)
    }
    guard args.count == 1 else { return usage(line, .maxwrites) }
    await session.update { $0.maxWrites = limit }
    return .success
  }

  private func maxCalls(_ args: [String], _ line: DotCommand) async -> ExitStatus {
    guard args.count == 1 else { return usage(line, .maxcalls) }
    let value = args[0].lowercased()
    let limit: Int?
    if value == "off" {
      limit = nil
    } else if let n = Int(value), n >= 0 {
      limit = n
    } else {
      return usage(line, .maxcalls)
    }
    await session.update { $0.maxCalls = limit }
    return .success
  }

  /// `.import [--csv|--tsv|--jsonl] FILE TABLE`: the whole file read, then held as TABLE; a
  /// bad row fails the import, naming its line, and no table is made.
  private func importTable(_ args: [String], _ line: DotCommand) async -> ExitStatus {
    var rest = args
    var format: ImportFormat?
    if let flag = rest.first, flag.hasPrefix("--") {
      guard let named = ImportFormat(rawValue: String(flag.dropFirst(2)).lowercased()) else {
        return usage(line, .import)
      }
      format = named
      rest.removeFirst()
    }
    guard rest.count == 2 else { return usage(line, .import) }
    let (path, name) = (rest[0], rest[1])
    guard let data = FileManager.default.contents(atPath: path) else {
      console.error("line \(line.range.start.line): .import: cannot read \(path)")
      return .failure
    }
    do {
      let rows = try ImportReader.read(Array(data), format: format ?? ImportFormat(path: path))
      try await session.hold(
        rows, as: name, summary: "imported from \(path) (\(rows.rowCount) rows)")
      console.message("imported \(rows.rowCount) rows into \(name.lowercased())")
    } catch let error as ImportError {
      console.error("line \(line.range.start.line): .import \(path): \(error)")
      return .failure
    } catch {
      return console.report(error)
    }
    return .success
  }

  /// `.set NAME VALUE` binds; `.set` alone lists the variables as a result (name, value).
  private func setVariable(_ args: [String], _ line: DotCommand) -> ExitStatus {
    if args.isEmpty {
      let rows = variables.values.sorted { $0.key < $1.key }.map {
        [Value.text($0.key), .text($0.value)]
      }
      let result = ResultSet(
        columns: [.init(name: "name", type: .text), .init(name: "value", type: .text)], rows: rows)
      do {
        for note in try output.write(result) { console.message(note) }
      } catch {
        return console.report(error)
      }
      return .success
    }
    guard args.count == 2 else { return usage(line, .set) }
    guard VariableScope.isValidName(args[0]) else {
      return usage(
        line, "'\(args[0])' is no variable name (a letter or _, then letters, digits, _)")
    }
    variables.apply(line)
    return .success
  }

  private func unsetVariable(_ args: [String], _ line: DotCommand) -> ExitStatus {
    guard args.count == 1 else { return usage(line, .unset) }
    guard variables.values[args[0]] != nil else {
      return usage(
        line, "no variable '\(args[0])'" + suggestion(args[0], Array(variables.values.keys)))
    }
    variables.apply(line)
    return .success
  }

  private func runAndRender(_ statement: Statement, source: String) async -> ExitStatus {
    let range = SourceRange(
      start: .init(line: 1, column: 1, offset: 0), end: .init(line: 1, column: 1, offset: 0))
    return await run(ParsedStatement(statement: statement, range: range), source: source)
  }

  private func read(path: String) async -> ExitStatus {
    guard readDepth < 16 else {
      console.error(".read: nested too deeply (a script that reads itself?)")
      return .failure
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      console.error(".read: cannot read \(path)")
      return .failure
    }
    readDepth += 1
    defer { readDepth -= 1 }
    return await run(script: String(decoding: data, as: UTF8.self))
  }

  private func usage(_ line: DotCommand, _ message: String) -> ExitStatus {
    console.error("line \(line.range.start.line): \(message)")
    return .failure
  }

  /// `usage: .name ARGUMENTS`, for arguments the command does not take.
  private func usage(_ line: DotCommand, _ command: ShellCommand) -> ExitStatus {
    usage(line, "usage: \(command.synopsis)")
  }

  private func suggestion(_ word: String, _ candidates: [String]) -> String {
    Suggestions.closest(to: word, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
  }

  static func onOff(_ args: [String]) -> Bool? {
    guard args.count == 1 else { return nil }
    switch args[0].lowercased() {
    case "on", "yes", "true", "1": return true
    case "off", "no", "false", "0": return false
    default: return nil
    }
  }

  static var helpText: String {
    var lines = [
      "Statements (at the prompt a query runs at the ; ending its line, others on Enter; in scripts a new line also ends one; -- starts a comment):"
    ]
    let examples = [
      ("select", "select env_id, status from envs where region = 'ap-shanghai' order by env_id"),
      ("join", "select s.appid, e.status from shares s join envs e on e.env_id = s.env_id"),
      ("group", "select status, count(*) from envs group by status"),
      ("shares of", "shares of wx1a2b3c4d5e6f7a8b, wx0f1e2d3c4b5a6978"),
      ("share", "share prod-3fa9c1 with wx1a2b3c4d5e6f7a8b"),
      ("unshare", "unshare prod-3fa9c1 from wx1a2b3c4d5e6f7a8b"),
      (
        "from query",
        "unshare prod-77a0d2 from (select appid from shares where env_id = 'prod-77a0d2')"
      ),
      ("variables", "shares of :app   (after -v app=wx1… or .set app wx1…)"),
      ("create", "create table bad as select env_id from envs where status = 'UNAVAILABLE'"),
      ("drop", "drop table bad"),
      ("explain", "explain select * from shares where appid = 'wx1a2b3c4d5e6f7a8b'"),
      ("show tables", "show tables"),
      ("describe", "describe envs"),
      ("refresh", "refresh shares"),
    ]
    for (name, example) in examples {
      lines.append("  " + name.padding(toLength: 12, withPad: " ", startingAt: 0) + example)
    }
    lines.append("Dot commands:")
    lines += ShellCommand.helpLines
    lines.append("Docs: docs/language.md (reference), docs/tutorial.md, docs/cookbook.md")
    return lines.joined(separator: "\n")
  }
}
