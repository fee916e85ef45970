/// Turns diagnostics into the text users see:
///
///     error: line 3, column 15: unknown column 'stauts' in table envs (did you mean 'status'?)
///       where stauts = 'NORMAL'
///             ^~~~~~
///
/// The second line is the source line (tabs expanded, control characters shown as `�`), the
/// third a caret under the start of the range and `~` under the rest of it on that line, placed
/// by terminal columns so that it lines up under wide (CJK) characters too. A very long line is
/// shown as a window around the caret.
public enum DiagnosticFormatter {
  /// Tab stops of the quoted source line.
  static let tabWidth = 8
  /// The widest quoted source line; longer lines are cut to a window around the caret.
  static let maximumLineWidth = 160

  /// The message line, then (when the range lies in `source`) the source line and the caret
  /// line; no final newline. `source` is the text the diagnostic's locations refer to.
  public static func format(_ diagnostic: Diagnostic, source: String) -> String {
    var header = "\(diagnostic.severity.rawValue): \(diagnostic.range.start): \(diagnostic.message)"
    if let suggestion = diagnostic.suggestion { header += " (\(suggestion))" }
    guard let excerpt = excerpt(of: diagnostic.range, in: source) else { return header }
    return header + "\n" + excerpt
  }

  /// Each diagnostic formatted, one after another.
  public static func format(_ diagnostics: [Diagnostic], source: String) -> String {
    diagnostics.map { format($0, source: source) }.joined(separator: "\n")
  }

  /// The source line and the caret line, or nil when the range is not in the source.
  static func excerpt(of range: SourceRange, in source: String) -> String? {
    let utf8 = source.utf8
    let startOffset = range.start.offset
    guard startOffset >= 0, startOffset <= utf8.count else { return nil }
    let newline = UInt8(ascii: "\n")
    let start = utf8.index(utf8.startIndex, offsetBy: startOffset)
    var lineStart = start
    while lineStart > utf8.startIndex, utf8[utf8.index(before: lineStart)] != newline {
      lineStart = utf8.index(before: lineStart)
    }
    var lineEnd = start
    while lineEnd < utf8.endIndex, utf8[lineEnd] != newline { lineEnd = utf8.index(after: lineEnd) }
    if lineEnd > lineStart, utf8[utf8.index(before: lineEnd)] == UInt8(ascii: "\r") {
      lineEnd = utf8.index(before: lineEnd)
    }
    let lineStartOffset = utf8.distance(from: utf8.startIndex, to: lineStart)
    let line = Substring(source.unicodeScalars[lineStart..<lineEnd])
    let caretStart = startOffset - lineStartOffset
    let lineEndOffset = utf8.distance(from: utf8.startIndex, to: lineEnd)
    let caretEnd = max(caretStart, min(range.end.offset, lineEndOffset) - lineStartOffset)
    return render(line, caretFrom: caretStart, to: caretEnd)
  }

  /// Renders a line and its caret line; the caret spans the UTF-8 offsets `from..<to` within the
  /// line (at least one column).
  private static func render(_ line: Substring, caretFrom: Int, to caretTo: Int) -> String {
    // First pass: where the caret goes, in columns, and how wide the line is.
    var column = 0
    var offset = 0
    var caretStartColumn: Int?
    var caretEndColumn: Int?
    for scalar in line.unicodeScalars {
      if offset >= caretFrom, caretStartColumn == nil { caretStartColumn = column }
      if offset >= caretTo, caretEndColumn == nil { caretEndColumn = column }
      column += width(of: scalar, at: column)
      offset += UTF8.width(scalar)
    }
    let lineWidth = column
    let caretStart = caretStartColumn ?? lineWidth
    let caretEnd = max(caretStart + 1, caretEndColumn ?? lineWidth)
    // The window of columns to show.
    var windowStart = 0
    var windowEnd = lineWidth
    if lineWidth > maximumLineWidth {
      windowStart = max(0, caretStart - maximumLineWidth / 2)
      windowEnd = min(lineWidth, windowStart + maximumLineWidth)
      windowStart = max(0, min(windowStart, windowEnd - maximumLineWidth))
    }
    // Second pass: the visible part of the line.
    var text = windowStart > 0 ? "…" : ""
    let shift = windowStart > 0 ? 1 : 0
    column = 0
    for scalar in line.unicodeScalars {
      let cellWidth = width(of: scalar, at: column)
      defer { column += cellWidth }
      if column < windowStart { continue }
      if column + cellWidth > windowEnd { break }
      if scalar == "\t" {
        text += String(repeating: " ", count: cellWidth)
      } else if isControl(scalar) {
        text += "\u{FFFD}"
      } else {
        text.unicodeScalars.append(scalar)
      }
    }
    if windowEnd < lineWidth { text += "…" }
    let visibleStart = max(caretStart, windowStart) - windowStart + shift
    let visibleEnd = min(caretEnd, max(windowEnd, caretStart + 1)) - windowStart + shift
    let caret =
      String(repeating: " ", count: visibleStart) + "^"
      + String(repeating: "~", count: max(0, visibleEnd - visibleStart - 1))
    return trimmedTrailingBlanks(text) + "\n" + caret
  }

  private static func width(of scalar: Unicode.Scalar, at column: Int) -> Int {
    if scalar == "\t" { return tabWidth - column % tabWidth }
    if isControl(scalar) { return 1 }
    return DisplayWidth.of(scalar)
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0)
  }

  private static func trimmedTrailingBlanks(_ text: String) -> String {
    var text = Substring(text)
    while text.last == " " { text = text.dropLast() }
    return String(text)
  }
}
