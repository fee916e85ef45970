/// A value in a row. The column types of docs/language.md: text, integer, boolean, null — plus
/// real, which `avg`, decimals and arithmetic on them produce (as in SQLite).
///
/// Booleans behave as SQLite's 0 and 1 in comparison and arithmetic, but keep their type so that
/// `json` prints `true`/`false`.
public enum Value: Sendable, Hashable {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)
  case boolean(Bool)
}

/// The declared type of a column of a table or of a result.
public enum ColumnType: String, Sendable, Hashable {
  case text, integer, real, boolean
  /// A computed column whose type depends on the row (e.g. `coalesce` of mixed types).
  case any
}
