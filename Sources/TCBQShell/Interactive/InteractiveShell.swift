import Foundation
import TCBQCore
import TCBQQuery

/// The interactive shell: a libedit prompt that shows where you are, a continuation prompt while
/// a statement is incomplete, history, completion, and Ctrl-C that clears the line at the prompt
/// and cancels a running statement.
struct InteractiveShell {
  let runner: ScriptRunner
  let session: Session
  let console: Console
  let paths: Paths
  /// `sandbox`, or the endpoint's host (and profile).
  let location: String

  func run() async -> ExitStatus {
    console.message(
      "tcbq \(TCBQVersion.current) on \(location == "sandbox" ? "the embedded sandbox (simulated data)" : location). "
        + "Type .help for help, .quit to leave.")
    await runStartupFile()

    let pending = SharedText()
    let known = KnownIdentifiers()
    let catalog = session.catalog
    let editor = LineEditor(
      programName: "tcbq", historyFile: paths.historyFile,
      completer: { line, cursor in
        let prior = pending.value
        let before = String(line.prefix(cursor))
        let text = prior.isEmpty ? line : prior + "\n" + line
        let offset = (prior.isEmpty ? 0 : prior.utf8.count + 1) + before.utf8.count
        let context = CompletionContext(
          catalog: catalog, known: known.value, listPaths: PathLister.list)
        return Completer.complete(text, cursor: offset, context: context).candidates
      })
    defer { editor.close() }

    let primary = "tcbq(\(location))> "
    let continuation = String(repeating: " ", count: max(0, primary.count - 5)) + "...> "
    var buffer = ""
    while true {
      switch editor.readLine(prompt: buffer.isEmpty ? primary : continuation) {
      case .endOfInput:
        if !buffer.isEmpty { console.message("(the incomplete statement was not run)") }
        return .success
      case .interrupted:
        buffer = ""
        pending.value = ""
      case .line(let line):
        buffer = buffer.isEmpty ? line : buffer + "\n" + line
        if buffer.allSatisfy(\.isWhitespace) {
          buffer = ""
          continue
        }
        guard Script.isComplete(buffer) else {
          pending.value = buffer
          continue
        }
        let text = buffer
        buffer = ""
        pending.value = ""
        // Leaving is not worth recalling: Up then Enter in the next session would leave again.
        if !Self.isQuit(text) { editor.addHistory(text) }
        let runner = self.runner
        let (result, interrupted) = await InterruptSignal.cancellingOnInterrupt {
          await runner.run(script: text)
        }
        if interrupted, case .success(let status) = result, status != .interrupted {
          console.message("interrupted")
        }
        known.value = await session.knownIdentifiers()
        if await runner.quitRequested { return .success }
      }
    }
  }

  /// Whether `text` is only `.quit` or one of its aliases (with an optional `;`).
  static func isQuit(_ text: String) -> Bool {
    var word = text.trimmingCharacters(in: .whitespacesAndNewlines)
    if word.hasSuffix(";") { word.removeLast() }
    word = word.trimmingCharacters(in: .whitespaces)
    return word.hasPrefix(".") && ShellCommand(word: word.dropFirst()) == .quit
  }

  /// Runs `tcbqrc` from the config directory, like `.sqliterc`.
  private func runStartupFile() async {
    guard let data = FileManager.default.contents(atPath: paths.startupFile.path) else { return }
    _ = await runner.run(script: String(decoding: data, as: UTF8.self))
  }
}

/// Text shared with the completion callback (the lines of a statement typed so far).
final class SharedText: Sendable {
  private let text = Locked("")
  var value: String {
    get { text.withLock { $0 } }
    set { text.withLock { $0 = newValue } }
  }
}

/// The appids, env ids and nick names the session has fetched, for completion.
final class KnownIdentifiers: Sendable {
  private let ids = Locked(FetchedIdentifiers())
  var value: FetchedIdentifiers {
    get { ids.withLock { $0 } }
    set { ids.withLock { $0 = newValue } }
  }
}

/// File names for completion after `.read` and `.output`.
enum PathLister {
  @Sendable static func list(_ prefix: String) -> [String] {
    let expanded =
      prefix.hasPrefix("~/")
      ? FileManager.default.homeDirectoryForCurrentUser.path + prefix.dropFirst()
      : prefix
    let slash = expanded.lastIndex(of: "/")
    let directory = slash.map { String(expanded[...$0]) } ?? ""
    let namePrefix = slash.map { String(expanded[expanded.index(after: $0)...]) } ?? expanded
    let shownDirectory = prefix.lastIndex(of: "/").map { String(prefix[...$0]) } ?? ""
    guard
      let names = try? FileManager.default.contentsOfDirectory(
        atPath: directory.isEmpty ? "." : directory)
    else { return [] }
    return names.filter {
      $0.hasPrefix(namePrefix) && (!$0.hasPrefix(".") || namePrefix.hasPrefix("."))
    }
    .map { name in
      var isDirectory: ObjCBool = false
      let exists = FileManager.default.fileExists(
        atPath: directory + name, isDirectory: &isDirectory)
      return shownDirectory + name + (exists && isDirectory.boolValue ? "/" : "")
    }
    .sorted()
  }
}
