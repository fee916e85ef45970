/// How a result is rendered.
public struct RenderOptions: Sendable, Hashable {
  /// The output format (`--format`, `.mode`).
  public var format: OutputFormat
  /// Print the header row (table, csv, tsv, markdown); `--no-header` turns it off.
  public var headers: Bool
  /// Use ANSI colours: a bold header, dimmed NULLs (table, line).
  public var color: Bool
  /// How NULL reads in table, line and markdown. csv and tsv write an empty field, json `null`.
  public var nullText: String
  /// Guard csv and tsv against formula injection: a text value starting with `=` `+` `-` `@`,
  /// a tab or CR gets a leading `'`.
  public var csvSafe: Bool
  /// Show at most this many rows, then one line saying how many more (`.maxrows`); nil: all.
  /// Only the formats read on a screen are cut (`OutputFormat.isCutAtMaxRows`).
  public var maxRows: Int?

  public init(
    format: OutputFormat = .table, headers: Bool = true, color: Bool = false,
    nullText: String = "NULL", csvSafe: Bool = false, maxRows: Int? = nil
  ) {
    self.format = format
    self.headers = headers
    self.color = color
    self.nullText = nullText
    self.csvSafe = csvSafe
    self.maxRows = maxRows
  }
}
