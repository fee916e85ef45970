import Foundation
import TCBQCore
import TCBQQuery

/// The interactive shell: a libedit prompt that shows where you are, a continuation prompt that
/// says what it waits for (a query runs at the `;` that ends its line, other statements on Enter
/// once complete: `InputWait`), history (a statement of several lines is one entry), completion,
/// and Ctrl-C that clears the lines typed so far and cancels a running statement.
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
    let known = KnownIdentifiers(await KnownIdentifiers.Names(session))
    let editor = LineEditor(
      programName: "tcbq", historyFile: paths.historyFile,
      completer: { line, cursor in
        let prior = pending.value
        let before = String(line.prefix(cursor))
        let text = prior.isEmpty ? line : prior + "\n" + line
        let offset = (prior.isEmpty ? 0 : prior.utf8.count + 1) + before.utf8.count
        let names = known.value
        let context = CompletionContext(
          catalog: names.catalog, known: names.fetched, listPaths: PathLister.list)
        return Completer.complete(text, cursor: offset, context: context).candidates
      })
    defer { editor.close() }

    let primary = "tcbq(\(location))> "
    var buffer = ""
    var waitingFor = InputWait.nothing
    while true {
      let prompt =
        buffer.isEmpty ? primary : Self.continuationPrompt(waitingFor, width: primary.count)
      switch editor.readLine(prompt: prompt) {
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
        waitingFor = InputWait.after(buffer)
        guard waitingFor == .nothing else {
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
          await runner.run(script: text, boundaries: .semicolons)
        }
        if interrupted, case .success(let status) = result, status != .interrupted {
          console.message("interrupted")
        }
        known.value = await KnownIdentifiers.Names(session)
        if await runner.quitRequested { return .success }
      }
    }
  }

  /// The prompt of the lines after the first, as wide as the first one's: `...> `, with what
  /// it waits for before the `>` (`...;> ` for the `;` that ends a query, `...'> ` in a string).
  static func continuationPrompt(_ wait: InputWait, width: Int) -> String {
    let text = "..." + wait.promptMark + "> "
    return String(repeating: " ", count: max(0, width - text.count)) + text
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

/// The session's tables and the appids, env ids and nick names it has fetched, for completion.
final class KnownIdentifiers: Sendable {
  struct Names: Sendable {
    var catalog: Catalog
    var fetched: FetchedIdentifiers

    init(_ session: Session) async {
      catalog = await session.catalog
      fetched = await session.knownIdentifiers()
    }
  }

  private let names: Locked<Names>
  init(_ names: Names) { self.names = Locked(names) }
  var value: Names {
    get { names.withLock { $0 } }
    set { names.withLock { $0 = newValue } }
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
