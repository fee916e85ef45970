/// The words the language gives a meaning to. Keywords are case-insensitive.
///
/// Reserved keywords cannot name a column, table or alias without double quotes; the others
/// (the statement words, `tables`, `of`, `with`) are keywords only where a statement expects them.
public enum Keyword: String, CaseIterable, Sendable, Hashable {
  case select, distinct, from, `as`, join, inner, left, outer, on
  case `where`, group, by, having, order, asc, desc, limit, offset
  case and, or, not, `in`, like, between, `is`, null, `true`, `false`
  case explain, shares, share, unshare, of, with, show, tables, describe, refresh
  case `case`, when, then, `else`, end, cast, glob, regexp, escape, exists
  case union, all, intersect, except
  case create, drop, table
  case cross, natural, using, values, recursive

  /// The keyword a word spells, ignoring case; nil when it is not a keyword.
  public init?(word: some StringProtocol) {
    guard word.utf8.count <= Keyword.longestSpelling else { return nil }
    guard let keyword = Keyword.byLowercasedSpelling[word.lowercased()] else { return nil }
    self = keyword
  }

  /// Whether the word always reads as this keyword, never as a name.
  public var isReserved: Bool {
    switch self {
    case .explain, .shares, .share, .unshare, .of, .with, .show, .tables, .describe, .refresh,
      .glob, .regexp, .escape, .create, .drop, .table, .recursive:
      false
    default:
      true
    }
  }

  /// The words that begin a statement. A line that begins with one of them begins a statement.
  public static let statementKeywords: [Keyword] = [
    .select, .with, .values, .explain, .shares, .share, .unshare, .show, .describe, .refresh,
    .create, .drop,
  ]

  /// Whether a statement begins with this word.
  public var startsStatement: Bool { Keyword.statementKeywords.contains(self) }

  /// The words that begin a query: in the interactive shell it runs at a line ending in `;`
  /// (`InputWait`).
  public static let queryKeywords: [Keyword] = [.select, .explain, .with, .values, .create]

  /// Whether a query begins with this word.
  public var startsQuery: Bool { Keyword.queryKeywords.contains(self) }

  private static let byLowercasedSpelling: [String: Keyword] = Dictionary(
    uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })
  private static let longestSpelling = allCases.map(\.rawValue.utf8.count).max() ?? 0
}
