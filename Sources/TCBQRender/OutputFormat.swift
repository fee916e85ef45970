/// The output formats of `--format` and `.mode`.
public enum OutputFormat: String, CaseIterable, Sendable {
  /// Aligned columns with a header and a separator line.
  case table
  /// RFC 4180 comma-separated values with CRLF line ends.
  case csv
  /// Tab-separated values with `\t` `\n` `\r` `\\` escapes.
  case tsv
  /// One JSON array of objects.
  case json
  /// One JSON object per line.
  case jsonl
  /// A GitHub table.
  case markdown
  /// One `column = value` per line, a blank line between rows.
  case line
  /// Unicode box drawing around the header and the rows.
  case box

  /// Whether `--no-header` applies to this format.
  public var hasHeaderRow: Bool {
    switch self {
    case .table, .csv, .tsv, .markdown, .box: true
    case .json, .jsonl, .line: false
    }
  }

  /// Whether `.maxrows` may cut this format: those read on a screen. Data formats (csv, tsv,
  /// json, jsonl) are always whole.
  public var isCutAtMaxRows: Bool {
    switch self {
    case .table, .box, .markdown, .line: true
    case .csv, .tsv, .json, .jsonl: false
    }
  }
}
