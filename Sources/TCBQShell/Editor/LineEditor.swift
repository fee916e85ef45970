import CLineEdit
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How a ``LineEditor/readLine(prompt:)`` ended.
public enum LineRead: Equatable, Sendable {
  /// A line, without its final newline. It holds newlines itself when the user recalled a
  /// multi-line entry from history.
  case line(String)
  /// Ctrl-C: what was typed is discarded and the caller shows a fresh prompt.
  case interrupted
  /// Ctrl-D on an empty line, or the input closed.
  case endOfInput
}

/// An interactive line editor over libedit: emacs key bindings, history (kept in a
/// ``HistoryFile``), Tab completion, and Ctrl-C that ends the read instead of the process.
///
/// It reads standard input and draws on standard error, so standard output carries results
/// only. Use it only when ``isTerminal`` is true; otherwise read lines plainly. Not thread-safe:
/// use it from one thread.
public final class LineEditor {
  /// Completes the word before the cursor. Gets the whole line and the cursor as an offset in
  /// `Character`s; returns whole words that replace ``wordBeforeCursor(in:cursor:)``, e.g. for
  /// `select sta` at the end: `["status"]`.
  public typealias Completer = @Sendable (_ line: String, _ cursor: Int) -> [String]

  private var editor: OpaquePointer?
  var editorPointer: OpaquePointer? { editor }
  private let historyFile: HistoryFile?
  private let historyLimit: Int
  let completer: Completer?
  /// The in-memory history, oldest first, without duplicates.
  public private(set) var history: [String]

  /// Whether standard input and standard error are terminals, i.e. whether to use the editor.
  public static var isTerminal: Bool { isatty(0) != 0 && isatty(2) != 0 }

  /// Starts the editor and loads `historyFile` (`nil`: history for this session only). Installs
  /// the SIGINT handler of ``InterruptSignal``, and restores the terminal at exit.
  public init(
    programName: String, historyFile: URL?, historyLimit: Int = 2_000, completer: Completer?
  ) {
    self.historyFile = historyFile.map { HistoryFile(url: $0, limit: historyLimit) }
    self.historyLimit = historyLimit
    self.completer = completer
    self.history = self.historyFile?.load() ?? []
    editor = cle_editor_create(programName, Int32(clamping: historyLimit))
    guard let editor else { return }
    for entry in history { cle_editor_history_add(editor, entry) }
    if completer != nil {
      let context = Unmanaged.passUnretained(self).toOpaque()
      cle_editor_set_completion(
        editor,
        { _, context, line, cursor in
          guard let context, let line else { return UInt8(CC_REFRESH_BEEP) }
          let lineEditor = Unmanaged<LineEditor>.fromOpaque(context).takeUnretainedValue()
          return lineEditor.complete(line: String(cString: line), cursorByte: Int(cursor))
        }, context)
    }
  }

  deinit {
    close()
  }

  /// Reads one line with `prompt` (use a continuation prompt such as `   ...> ` for the lines
  /// after the first of a statement).
  public func readLine(prompt: String) -> LineRead {
    guard let editor else {
      FileHandle.standardError.write(Data(prompt.utf8))
      return Swift.readLine(strippingNewline: true).map(LineRead.line) ?? .endOfInput
    }
    cle_editor_set_prompt(editor, prompt)
    var status = CLE_READ_LINE
    let text = cle_editor_read_line(editor, &status)
    switch status {
    case CLE_READ_LINE:
      return .line(text.map { String(cString: $0) } ?? "")
    case CLE_READ_INTERRUPTED:
      FileHandle.standardError.write(Data("\n".utf8))
      return .interrupted
    default:
      FileHandle.standardError.write(Data("\n".utf8))
      return .endOfInput
    }
  }

  /// Adds a statement to the history (once, however many lines it took) and saves it to the
  /// history file, unless it is blank. Saving failures are ignored: history is a convenience.
  public func addHistory(_ entry: String) {
    let trimmed = entry.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { return }
    history = HistoryFile.merged(history, adding: [trimmed], limit: historyLimit)
    if let editor {
      cle_editor_history_clear(editor)
      for entry in history { cle_editor_history_add(editor, entry) }
    }
    try? historyFile?.save(adding: [trimmed])
  }

  /// Restores the terminal and releases libedit. Reads after this fall back to plain reading.
  public func close() {
    guard let editor else { return }
    cle_editor_destroy(editor)
    self.editor = nil
  }
}
