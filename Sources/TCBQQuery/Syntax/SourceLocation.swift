/// A place in the source text: 1-based line and column (columns count Unicode scalars), and the
/// UTF-8 offset from the start of the text.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var line: Int
  public var column: Int
  public var offset: Int

  public init(line: Int, column: Int, offset: Int) {
    self.line = line
    self.column = column
    self.offset = offset
  }

  public static func < (a: SourceLocation, b: SourceLocation) -> Bool { a.offset < b.offset }
  public var description: String { "line \(line), column \(column)" }
}

/// A half-open range of source text.
public struct SourceRange: Sendable, Hashable {
  public var start: SourceLocation
  public var end: SourceLocation
  public init(start: SourceLocation, end: SourceLocation) {
    self.start = start
    self.end = end
  }
  /// The smallest range covering both.
  public func union(_ other: SourceRange) -> SourceRange {
    SourceRange(start: min(start, other.start), end: max(end, other.end))
  }
}
