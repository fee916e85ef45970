import Foundation
import Testing

@testable import TCBQShell

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct EditorCompletionTests {
  @Test(arguments: [
    ("select sta", 10, "sta"),
    ("select sta", 7, ""),
    ("select e.sta from envs e", 12, "e.sta"),
    (".mo", 3, ".mo"),
    ("where appid in ('wx12", 21, "wx12"),
    ("count(di", 8, "di"),
    ("中文表 where 名", 11, "名"),
    ("a=b", 3, "b"),
  ])
  func wordBeforeCursor(line: String, cursor: Int, word: String) {
    #expect(LineEditor.wordBeforeCursor(in: line, cursor: cursor) == word)
  }

  @Test func oneCandidateReplacesTheWordAndAddsASpace() {
    #expect(LineEditor.completionAction(word: "sta", candidates: ["status"]) == .replace("status "))
    #expect(LineEditor.completionAction(word: "e", candidates: ["e."]) == .replace("e."))
    #expect(
      LineEditor.completionAction(word: "st", candidates: ["status", "status"])
        == .replace("status "))
  }

  @Test func severalCandidatesInsertTheirCommonPrefixThenList() {
    #expect(
      LineEditor.completionAction(word: "s", candidates: ["status", "stage"]) == .replace("sta"))
    #expect(
      LineEditor.completionAction(word: "sta", candidates: ["status", "stage"])
        == .list(["status", "stage"]))
  }

  @Test func noCandidateBeeps() {
    #expect(LineEditor.completionAction(word: "zz", candidates: []) == .beep)
  }

  @Test func listsInColumnsDownThenAcross() {
    let text = LineEditor.columns(["a", "bb", "ccc", "d", "e"], width: 12)
    #expect(text == "a    d\nbb   e\nccc\n")
    #expect(LineEditor.columns(["中文", "x"], width: 3) == "中文\nx\n")
  }
}

@Suite(.serialized) struct EditorInterruptTests {
  @Test func watchSeesCtrlC() async throws {
    InterruptSignal.install()
    defer { InterruptSignal.uninstall() }
    let (result, interrupted) = await InterruptSignal.cancellingOnInterrupt {
      kill(getpid(), SIGINT)
      try await Task.sleep(for: .seconds(30))
      return 1
    }
    #expect(interrupted)
    #expect(throws: CancellationError.self) { try result.get() }
  }

  @Test func finishesUntouchedWithoutCtrlC() async throws {
    InterruptSignal.install()
    defer { InterruptSignal.uninstall() }
    let (result, interrupted) = await InterruptSignal.cancellingOnInterrupt { 42 }
    #expect(!interrupted)
    #expect(try result.get() == 42)
  }
}
