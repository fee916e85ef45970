import CLineEdit
import TCBQRender

extension LineEditor {
  /// The word the completer replaces: the characters before `cursor` (an offset in
  /// `Character`s) back to a space, a quote or one of `( ) , ; = < > ! | + * / %`.
  public static func wordBeforeCursor(in line: String, cursor: Int) -> Substring {
    let end = line.index(line.startIndex, offsetBy: min(max(0, cursor), line.count))
    let before = line[..<end]
    let start = before.lastIndex(where: isWordBoundary).map { before.index(after: $0) }
    return before[(start ?? before.startIndex)...]
  }

  private static func isWordBoundary(_ character: Character) -> Bool {
    character.isWhitespace || "'\"(),;=<>!|+*/%".contains(character)
  }

  /// What Tab does with `candidates` for `word`.
  enum CompletionAction: Equatable {
    /// Nothing matches.
    case beep
    /// Replace the word with this text.
    case replace(String)
    /// Show these candidates.
    case list([String])
  }

  /// One candidate replaces the word, followed by a space unless it ends in `.`, `(` or `/`;
  /// several insert their common prefix, or, when that adds nothing, are listed.
  static func completionAction(word: Substring, candidates: [String]) -> CompletionAction {
    var seen = Set<String>()
    let candidates = candidates.filter { seen.insert($0).inserted }
    guard let first = candidates.first else { return .beep }
    if candidates.count == 1 {
      let open = first.last.map { ".(/".contains($0) } ?? true
      return .replace(open ? first : first + " ")
    }
    let common = candidates.dropFirst().reduce(first) { prefix, candidate in
      String(prefix.sharedPrefix(with: candidate))
    }
    return common.count > word.count ? .replace(common) : .list(candidates)
  }

  /// Tab, called from libedit with the line and the cursor as a byte offset.
  func complete(line: String, cursorByte: Int) -> UInt8 {
    guard let completer, let editor = editorPointer else { return UInt8(CC_REFRESH_BEEP) }
    let utf8 = line.utf8
    let cursorIndex = utf8.index(utf8.startIndex, offsetBy: min(max(0, cursorByte), utf8.count))
    let cursor = line.distance(from: line.startIndex, to: cursorIndex)
    let word = Self.wordBeforeCursor(in: line, cursor: cursor)
    switch Self.completionAction(word: word, candidates: completer(line, cursor)) {
    case .beep:
      return UInt8(CC_REFRESH_BEEP)
    case .replace(let text):
      cle_editor_delete_before_cursor(editor, Int32(word.unicodeScalars.count))
      _ = cle_editor_insert(editor, text)
      return UInt8(CC_REFRESH)
    case .list(let candidates):
      let width = Int(cle_editor_columns(editor))
      cle_editor_print(editor, "\n" + Self.columns(candidates, width: width))
      return UInt8(CC_REDISPLAY)
    }
  }

  /// `items` in columns down then across, as shells list completions, each line ending in a
  /// newline.
  static func columns(_ items: [String], width: Int) -> String {
    let cell = (items.map { displayWidth($0) }.max() ?? 0) + 2
    let columnCount = max(1, width / max(1, cell))
    let rowCount = (items.count + columnCount - 1) / columnCount
    var text = ""
    for row in 0..<rowCount {
      var line = ""
      for column in 0..<columnCount {
        let index = column * rowCount + row
        guard index < items.count else { break }
        let item = items[index]
        let isLast = (column + 1) * rowCount + row >= items.count
        line += isLast ? item : item + String(repeating: " ", count: cell - displayWidth(item))
      }
      text += line + "\n"
    }
    return text
  }
}

extension String {
  fileprivate func sharedPrefix(with other: String) -> Substring {
    var end = startIndex
    var otherIndex = other.startIndex
    while end < endIndex, otherIndex < other.endIndex, self[end] == other[otherIndex] {
      formIndex(after: &end)
      other.formIndex(after: &otherIndex)
    }
    return self[..<end]
  }
}
