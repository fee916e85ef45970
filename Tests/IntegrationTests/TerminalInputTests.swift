import Foundation
import Testing

extension TerminalTests {
  /// Chinese text typed into a string literal and an alias reaches the result unchanged.
  @Test func chineseTextIsTypedAndShown() async throws {
    let tmux = try await TmuxSession.start()
    defer { tmux.stop() }
    try await tmux.startTCBQ()
    let prompt = TmuxSession.sandboxPrompt

    let statement = "select '环境' as 名字 from envs limit 1;"
    tmux.type(statement)
    #expect(await tmux.waitForLastLine(prompt + statement), "\(tmux.screen())")
    let output = try await tmux.run("")
    #expect(
      Self.lines(output).map { $0.trimmingCharacters(in: .whitespaces) } == ["名字", "----", "环境"],
      "\(tmux.screen())")
  }

  /// Backspace and the arrow keys move and delete whole characters across wide ones.
  @Test func editingAcrossChineseTextDeletesWholeCharacters() async throws {
    let tmux = try await TmuxSession.start()
    defer { tmux.stop() }
    try await tmux.startTCBQ()
    let prompt = TmuxSession.sandboxPrompt

    tmux.type("select '环境云' as 名字 from envs limit 1")
    tmux.press("C-a")
    for _ in 0..<10 { tmux.press("Right") }  // after "select '环境"
    tmux.press("BSpace")  // deletes 境
    let edited = "select '环云' as 名字 from envs limit 1"
    #expect(await tmux.waitForLastLine(prompt + edited), "\(tmux.screen())")
    tmux.press("C-e")
    for _ in 0..<18 { tmux.press("Left") }  // back over " from envs limit 1"
    tmux.press("BSpace", "BSpace")  // deletes 名字
    tmux.type("名称")
    tmux.press("C-e")
    tmux.type(";")
    let final = "select '环云' as 名称 from envs limit 1;"
    #expect(await tmux.waitForLastLine(prompt + final), "\(tmux.screen())")

    let output = try await tmux.run("")
    #expect(
      Self.lines(output).map { $0.trimmingCharacters(in: .whitespaces) } == ["名称", "----", "环云"],
      "\(tmux.screen())")
    // What ran is what the screen showed.
    #expect(tmux.screen().contains(prompt + final + "\n"))
  }
}
