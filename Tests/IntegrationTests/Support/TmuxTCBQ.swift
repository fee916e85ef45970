import Foundation

/// Driving the real `tcbq` shell inside a ``TmuxSession``.
extension TmuxSession {
  /// The prompt on the embedded sandbox.
  static let sandboxPrompt = "tcbq(sandbox)> "
  /// The prompt for the lines after the first of a query, waiting for its `;`.
  static let continuationPrompt = "         ...;> "

  /// The prompt against a `tcbq-sandbox` server.
  static func prompt(for sandbox: SandboxProcess) -> String {
    "tcbq(127.0.0.1:\(sandbox.port))> "
  }

  /// Types the command that starts `tcbq` with `arguments` into the pane's shell and waits for
  /// one more `prompt` than before (20 s: a cold start of a debug binary can be slow).
  func startTCBQ(
    _ arguments: [String] = [], prompt: String = sandboxPrompt
  ) async throws {
    let binary = try TestBinaries.url(named: "tcbq")
    let before = count(of: prompt)
    typeLine(([binary.path] + arguments).map(Self.shellQuoted).joined(separator: " "))
    guard await waitForScreen(containing: prompt, count: before + 1, timeout: .seconds(20)) else {
      throw Failure(description: "tcbq did not show its prompt:\n\(screen())")
    }
  }

  /// Types `statement`, presses Enter and waits for the next `prompt`. Returns the screen text
  /// printed after the statement's line (its result and messages), without the new prompt.
  @discardableResult
  func run(
    _ statement: String, prompt: String = sandboxPrompt, timeout: Duration = .seconds(10)
  ) async throws -> String {
    let before = count(of: prompt)
    typeLine(statement)
    guard await waitForScreen(containing: prompt, count: before + 1, timeout: timeout) else {
      throw Failure(description: "no prompt after '\(statement)':\n\(screen())")
    }
    return output(afterPromptNumber: before, prompt: prompt)
  }

  /// The text between the line of the `number`-th prompt (counting from 1, as ``count(of:)``
  /// does: pass the count taken before typing) and the next prompt.
  func output(afterPromptNumber number: Int, prompt: String = sandboxPrompt) -> String {
    let parts = screen().components(separatedBy: Self.trimmingTrailingSpaces(prompt))
    guard number >= 1, parts.count > number else { return "" }
    let segment = parts[number]
    // Drop the statement's own line(s): the result starts after the first newline.
    guard let newline = segment.firstIndex(of: "\n") else { return "" }
    return String(segment[segment.index(after: newline)...])
  }

  /// Waits until the pane's shell shows its prompt once more than `before` times, i.e. `tcbq`
  /// has exited.
  func waitForShell(after before: Int) async -> Bool {
    await waitForScreen(containing: Self.shellPrompt, count: before + 1)
  }

  /// The cursor's column in the pane.
  func cursorColumn() -> Int? {
    let text = try? tmuxCommand(["display-message", "-p", "-t", "main", "#{cursor_x}"])
    return text.flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
  }

  /// `text` single-quoted for /bin/sh.
  static func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  /// The lines of the audit log.
  func auditLines() -> [[String: Any]] {
    guard let text = try? String(contentsOf: auditLog, encoding: .utf8) else { return [] }
    return text.split(separator: "\n").compactMap {
      (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
    }
  }
}
