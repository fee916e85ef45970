import Foundation
import TCBQQuery
import TCBQRender

extension ScriptRunner {
  /// The dot commands, with a one-line summary for `.help`.
  static let dotCommands: [(name: String, usage: String, summary: String)] = [
    ("help", ".help", "show the statements and dot commands, each with an example"),
    ("tables", ".tables", "list the tables"),
    ("schema", ".schema [TABLE]", "show the columns of one table or of all"),
    ("mode", ".mode FMT", "output format: table csv tsv json jsonl markdown line"),
    ("headers", ".headers on|off", "header row in table, csv, tsv, markdown"),
    ("output", ".output [PATH]", "send results to PATH; without PATH back to standard output"),
    ("read", ".read PATH", "run the statements of a script file"),
    ("timer", ".timer on|off", "after each statement: time, rows and API calls"),
    ("maxcalls", ".maxcalls N|off", "no statement makes more than N API calls"),
    ("quit", ".quit", "leave (also .exit and Ctrl-D)"),
  ]

  static let dotCommandNames = dotCommands.map(\.name) + ["exit"]

  func runDot(_ command: DotCommand, source: String) async -> ExitStatus {
    let args = command.arguments
    switch command.name.lowercased() {
    case "help":
      console.message(Self.helpText)
    case "tables":
      return await runAndRender(.showTables, source: source)
    case "schema":
      // The schema is what was asked for: a result, on standard output.
      var tables: [TableSchema] = []
      for name in args {
        guard let table = session.catalog.table(named: name) else {
          return usage(command, "no table '\(name)'" + suggestion(name, session.catalog.tableNames))
        }
        tables.append(table)
      }
      let text = (args.isEmpty ? session.catalog.tables : tables)
        .map { session.catalog.schemaText($0) + "\n" }.joined()
      do {
        try output.writeText(text)
      } catch {
        console.error("\(error)")
        return .failure
      }
    case "mode":
      guard args.count == 1, let format = OutputFormat(rawValue: args[0].lowercased()) else {
        return usage(command, "usage: .mode FMT where FMT is one of \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))"
          + (args.first.map { suggestion($0, OutputFormat.allCases.map(\.rawValue)) } ?? ""))
      }
      output.options.format = format
    case "headers":
      guard let on = Self.onOff(args) else { return usage(command, "usage: .headers on|off") }
      output.options.headers = on
    case "timer":
      guard let on = Self.onOff(args) else { return usage(command, "usage: .timer on|off") }
      timer = on
    case "output", "once":
      do {
        try output.redirect(to: args.first)
      } catch {
        console.error("\(error)")
        return .failure
      }
    case "read":
      guard args.count == 1 else { return usage(command, "usage: .read PATH") }
      return await read(path: args[0])
    case "maxcalls":
      guard args.count == 1 else { return usage(command, "usage: .maxcalls N|off") }
      let value = args[0].lowercased()
      let limit: Int?
      if value == "off" { limit = nil } else if let n = Int(value), n >= 0 { limit = n } else {
        return usage(command, "usage: .maxcalls N|off")
      }
      await session.update { $0.maxCalls = limit }
    case "quit", "exit", "q":
      quitRequested = true
    default:
      return usage(command, "unknown dot command '.\(command.name)'" + suggestion(command.name, Self.dotCommandNames)
        + "; .help lists them")
    }
    return .success
  }

  private func runAndRender(_ statement: Statement, source: String) async -> ExitStatus {
    let range = SourceRange(start: .init(line: 1, column: 1, offset: 0), end: .init(line: 1, column: 1, offset: 0))
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

  private func usage(_ command: DotCommand, _ message: String) -> ExitStatus {
    console.error("line \(command.range.start.line): \(message)")
    return .failure
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
    var lines = ["Statements (end with ; or a new line; -- starts a comment):"]
    let examples = [
      ("select", "select env_id, status from envs where region = 'ap-shanghai' order by env_id"),
      ("join", "select s.appid, e.status from shares s join envs e on e.env_id = s.env_id"),
      ("group", "select status, count(*) from envs group by status"),
      ("shares of", "shares of wx1a2b3c4d5e6f7a8b, wx0f1e2d3c4b5a6978"),
      ("share", "share prod-3fa9c1 with wx1a2b3c4d5e6f7a8b"),
      ("unshare", "unshare prod-3fa9c1 from wx1a2b3c4d5e6f7a8b"),
      ("explain", "explain select * from shares where appid = 'wx1a2b3c4d5e6f7a8b'"),
      ("show tables", "show tables"),
      ("describe", "describe envs"),
      ("refresh", "refresh shares"),
    ]
    for (name, example) in examples {
      lines.append("  " + name.padding(toLength: 12, withPad: " ", startingAt: 0) + example)
    }
    lines.append("Dot commands:")
    for command in dotCommands {
      lines.append("  " + command.usage.padding(toLength: 18, withPad: " ", startingAt: 0) + command.summary)
    }
    lines.append("Docs: docs/language.md (reference), docs/tutorial.md, docs/cookbook.md")
    return lines.joined(separator: "\n")
  }
}
