import TCBQQuery
import Testing

@testable import TCBQShell

/// The prompt and completion of the shell habits: the continuation prompt, `.watch`, `.once`.
@Suite struct ShellHabitsTests {
  @Test func theContinuationPromptSaysWhatItWaitsForAndLinesUp() {
    let width = "tcbq(sandbox)> ".count
    #expect(InteractiveShell.continuationPrompt(.semicolon, width: width) == "         ...;> ")
    #expect(InteractiveShell.continuationPrompt(.quote("'"), width: width) == "         ...'> ")
    #expect(InteractiveShell.continuationPrompt(.more, width: width) == "          ...> ")
    #expect(InteractiveShell.continuationPrompt(.endOfComment, width: width) == "        ...*/> ")
    for wait in [InputWait.semicolon, .closingParenthesis, .more, .endOfComment] {
      #expect(InteractiveShell.continuationPrompt(wait, width: width).count == width)
    }
  }

  let context = CompletionContext(
    catalog: .standard,
    listPaths: { prefix in ["out.csv", "notes.txt"].filter { $0.hasPrefix(prefix) } })

  func complete(_ text: String) -> [String] {
    Completer.complete(text, cursor: text.utf8.count, context: context).candidates
  }

  @Test func watchCompletesItsStatementAsThePromptDoes() {
    #expect(complete(".wa") == [".watch"])
    #expect(complete(".watch 5 sel") == ["select"])
    #expect(complete(".watch 5 select * from en") == ["envs"])
    #expect(complete(".watch 5 ").contains("select"))
    #expect(complete(".watch 5") == [])
  }

  @Test func onceCompletesPathsAndMaxrowsIsACommand() {
    #expect(complete(".once o") == ["out.csv"])
    #expect(complete(".maxr") == [".maxrows"])
    #expect(ShellCommand(word: "maxrows") == .maxrows)
    #expect(ShellCommand.watch.synopsis == ".watch SECONDS [STATEMENT]")
  }
}
