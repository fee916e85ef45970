import Foundation
import TCBQRender

/// The dot commands of the shell, each declared once: its name (the raw value), aliases,
/// argument synopsis, `.help` line and what completes its argument. Parsing a name
/// (`init(word:)`), `.help`, completion, suggestions and the interactive quit check all read
/// this; `ScriptRunner.runDot` picks each command's handler by an exhaustive switch over it.
/// A new dot command is a case here, its entry in `declaration`, and its handler.
enum ShellCommand: String, CaseIterable, Sendable {
  case help, tables, schema, mode, headers, maxrows, output, once, read, timer, maxcalls,
    maxwrites, watch, set, unset, `import`, quit

  /// What the command's argument completes to.
  enum ArgumentValues: Sendable {
    case none
    /// File names (`.read`, `.output`).
    case paths
    /// The output formats.
    case formats
    case onOff
    /// `off`, the one word among the numbers.
    case off
    /// A statement after the number (`.watch`).
    case statement
    case tables
  }

  /// The facts of one command.
  struct Declaration: Sendable {
    /// What follows the name in `.help` and usage errors (`FMT`, `[PATH]`), or "".
    var arguments: String
    /// The `.help` line.
    var summary: String
    /// Other names that run the same command, shown beside its name in `.help`.
    var aliases: [String] = []
    var completes: ArgumentValues = .none
  }

  var declaration: Declaration {
    switch self {
    case .help:
      Declaration(
        arguments: "", summary: "show the statements and dot commands, each with an example")
    case .tables:
      Declaration(arguments: "", summary: "list the tables")
    case .schema:
      Declaration(
        arguments: "[TABLE]", summary: "show the columns of one table or of all",
        completes: .tables)
    case .mode:
      Declaration(
        arguments: "FMT",
        summary: "output format: " + OutputFormat.allCases.map(\.rawValue).joined(separator: " "),
        completes: .formats)
    case .headers:
      Declaration(
        arguments: "on|off", summary: "header row in table, csv, tsv, markdown, box",
        completes: .onOff)
    case .maxrows:
      Declaration(
        arguments: "[N]",
        summary: "on a terminal show at most N rows of a result (default 1000, 0: all)")
    case .output:
      Declaration(
        arguments: "[PATH]", summary: "send results to PATH; without PATH back to standard output",
        completes: .paths)
    case .once:
      Declaration(
        arguments: "PATH", summary: "send only the next result to PATH", completes: .paths)
    case .read:
      Declaration(
        arguments: "PATH", summary: "run the statements of a script file", completes: .paths)
    case .timer:
      Declaration(
        arguments: "on|off", summary: "after each statement: time, rows and API calls",
        completes: .onOff)
    case .maxcalls:
      Declaration(
        arguments: "N|off", summary: "no statement makes more than N API calls", completes: .off)
    case .maxwrites:
      Declaration(
        arguments: "N|off",
        summary:
          "refuse a write of more than N pairs to send (default 20; at the prompt, type the count)",
        completes: .off)
    case .watch:
      Declaration(
        arguments: "SECONDS [STATEMENT]",
        summary: "re-run STATEMENT (or the last one) every SECONDS, fetching afresh, until Ctrl-C",
        completes: .statement)
    case .set:
      Declaration(
        arguments: "[NAME VALUE]",
        summary: ":NAME stands for VALUE (one text value); without arguments list the variables")
    case .unset:
      Declaration(arguments: "NAME", summary: "forget the variable NAME")
    case .import:
      Declaration(
        arguments: "[--FMT] FILE TABLE",
        summary: "read FILE (csv, tsv, jsonl; header row first) into the local table TABLE",
        completes: .paths)
    case .quit:
      Declaration(arguments: "", summary: "leave (also Ctrl-D)", aliases: ["exit", "q"])
    }
  }

  /// The command a word names (its name or an alias, ignoring case), without the dot.
  init?(word: some StringProtocol) {
    let word = word.lowercased()
    guard let command = Self.allCases.first(where: { $0.spellings.contains(word) }) else {
      return nil
    }
    self = command
  }

  /// The name and the aliases.
  var spellings: [String] { [rawValue] + declaration.aliases }

  /// `.name ARGUMENTS`, as usage errors show it.
  var synopsis: String {
    let arguments = declaration.arguments
    return "." + rawValue + (arguments.isEmpty ? "" : " " + arguments)
  }

  /// The words completion offers after a `.`, and suggestions choose from: every name and
  /// every alias but those that begin their own command's name (`q` completes to `quit`).
  static var completionWords: [String] {
    allCases.flatMap { command in
      [command.rawValue] + command.declaration.aliases.filter { !command.rawValue.hasPrefix($0) }
    }
  }

  /// The lines of `.help` that list the dot commands.
  /// Summaries line up two columns after the longest synopsis.
  static var helpLines: [String] {
    let shown = allCases.map { command in
      ([command.synopsis] + command.declaration.aliases.map { "." + $0 }).joined(separator: ", ")
    }
    let width = (shown.map(\.count).max() ?? 0) + 2
    return zip(allCases, shown).map { command, shown in
      "  " + shown.padding(toLength: width, withPad: " ", startingAt: 0)
        + command.declaration.summary
    }
  }
}
