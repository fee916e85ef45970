import Testing

@testable import TCBQShell

/// The dot commands' one declaration: names, aliases, `.help` and the quit check.
@Suite struct ShellCommandTests {
  @Test func namesAndAliasesNameTheirCommandInAnyCase() {
    for command in ShellCommand.allCases {
      #expect(ShellCommand(word: command.rawValue) == command)
      #expect(ShellCommand(word: command.rawValue.uppercased()) == command)
    }
    #expect(ShellCommand(word: "exit") == .quit)
    #expect(ShellCommand(word: "Q") == .quit)
    #expect(ShellCommand(word: "onc") == nil)
    #expect(ShellCommand(word: "") == nil)
  }

  @Test func noSpellingNamesTwoCommands() {
    let spellings = ShellCommand.allCases.flatMap(\.spellings)
    #expect(spellings.count == Set(spellings).count)
  }

  @Test func helpListsEveryCommandWithItsAliases() {
    let help = ScriptRunner.helpText.split(separator: "\n").map(String.init)
    for command in ShellCommand.allCases {
      let line = help.first { $0.hasPrefix("  " + command.synopsis) }
      #expect(line?.hasSuffix(command.declaration.summary) == true, "\(command)")
      for alias in command.declaration.aliases { #expect(line?.contains(", ." + alias) == true) }
    }
    #expect(help.contains("  .quit, .exit, .q            leave (also Ctrl-D)"))
    #expect(
      help.contains(
        "  .mode FMT                   output format: table csv tsv json jsonl markdown line box")
    )
    #expect(
      help.contains(
        "  .watch SECONDS [STATEMENT]  re-run STATEMENT (or the last one) every SECONDS, fetching afresh, until Ctrl-C"
      ))
  }

  @Test func synopsesAreWhatUsageErrorsShow() {
    #expect(ShellCommand.headers.synopsis == ".headers on|off")
    #expect(ShellCommand.tables.synopsis == ".tables")
    #expect(ShellCommand.maxcalls.synopsis == ".maxcalls N|off")
  }

  @Test(arguments: [
    (".quit", true), (".exit;", true), ("  .Q ; ", true), (".quit\n", true),
    (".quit now", false), (".help", false), ("quit", false), (".", false), ("", false),
  ])
  func quitWords(text: String, quits: Bool) {
    #expect(InteractiveShell.isQuit(text) == quits)
  }
}
