/// A token of the language, as the lexer reads it from the source.
public struct Token: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    /// A bare word: a name or a keyword (see `keyword`).
    case word
    /// A double-quoted name, `"select"`; `""` inside is a quote.
    case quotedIdentifier
    /// A single-quoted string literal; `''` inside is a quote.
    case string
    /// Digits only. A value too large for Int64 reads as a real, as in SQLite.
    case integer
    /// A number with a fraction or an exponent: `1.5`, `.5`, `1e3`.
    case decimal
    case symbol(Symbol)
    /// `:NAME`, a variable (see `VariableScope`); the parser sees it bound, as a string.
    case variable
    /// `-- …` to the end of the line, or `/* … */`. Only when asked for.
    case comment
    /// Text that is no token; `problem` says why.
    case invalid
    /// The end of the text (zero width).
    case endOfInput
  }

  /// Operators and punctuation.
  public enum Symbol: String, Sendable, Hashable, CaseIterable {
    case plus = "+"
    case minus = "-"
    case star = "*"
    case slash = "/"
    case percent = "%"
    case concat = "||"
    case equal = "="
    case doubleEqual = "=="
    case notEqual = "!="
    case lessGreater = "<>"
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    case leftParen = "("
    case rightParen = ")"
    case comma = ","
    case dot = "."
    case semicolon = ";"
  }

  public var kind: Kind
  /// The source text of the token, quotes and all.
  public var text: String
  /// Where the token is in the text.
  public var range: SourceRange
  /// For a word, the keyword it spells (case-insensitive), if any.
  public var keyword: Keyword?
  /// Whether no other token (comments aside) comes before this one on its line.
  public var isFirstOnLine: Bool
  /// What is wrong with the token, for unterminated strings and comments, stray characters and
  /// malformed numbers.
  public var problem: LexicalProblem?
  /// For a variable's token after binding: its value, one text literal (`value` is it).
  public var boundValue: String?

  public init(
    kind: Kind, text: String, range: SourceRange, keyword: Keyword? = nil,
    isFirstOnLine: Bool = false, problem: LexicalProblem? = nil
  ) {
    self.kind = kind
    self.text = text
    self.range = range
    self.keyword = keyword
    self.isFirstOnLine = isFirstOnLine
    self.problem = problem
  }

  /// The value a string literal or a quoted name stands for: quotes removed, doubled quotes
  /// made single. For other tokens, the text.
  public var value: String {
    if let boundValue { return boundValue }
    return switch kind {
    case .string: Token.unquote(text, quote: UInt8(ascii: "'"))
    case .quotedIdentifier: Token.unquote(text, quote: UInt8(ascii: "\""))
    default: text
    }
  }

  func isSymbol(_ symbol: Symbol) -> Bool { kind == .symbol(symbol) }
  func isKeyword(_ keyword: Keyword) -> Bool { kind == .word && self.keyword == keyword }

  /// Removes the quotes around `text` and makes doubled quotes single. Works on UTF-8 bytes, so
  /// that a combining mark after a quote cannot hide it.
  private static func unquote(_ text: String, quote: UInt8) -> String {
    var text = text
    return text.withUTF8 { bytes in
      var start = 0
      var end = bytes.count
      if start < end, bytes[start] == quote { start += 1 }
      // An unterminated literal has no closing quote; `'ab''` ends in an escaped quote.
      if end > start, bytes[end - 1] == quote, trailingQuotes(bytes, start, end, quote) % 2 == 1 {
        end -= 1
      }
      let inner = UnsafeBufferPointer(rebasing: bytes[start..<end])
      // Most literals have no quote inside: their bytes are the value as they are.
      guard inner.contains(quote) else { return String(decoding: inner, as: UTF8.self) }
      var result: [UInt8] = []
      result.reserveCapacity(inner.count)
      var index = 0
      while index < inner.count {
        let byte = inner[index]
        result.append(byte)
        index += byte == quote && index + 1 < inner.count && inner[index + 1] == quote ? 2 : 1
      }
      return String(decoding: result, as: UTF8.self)
    }
  }

  private static func trailingQuotes(
    _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ quote: UInt8
  ) -> Int {
    var count = 0
    var index = end - 1
    while index >= start, bytes[index] == quote {
      count += 1
      index -= 1
    }
    return count
  }
}

/// Why some text is not a good token.
public enum LexicalProblem: Sendable, Hashable {
  case unterminatedString
  case unterminatedQuotedIdentifier
  case unterminatedComment
  case unexpectedCharacter
  case malformedNumber

  /// Whether the text would be complete with more input (an open string or comment).
  public var isUnterminated: Bool {
    switch self {
    case .unterminatedString, .unterminatedQuotedIdentifier, .unterminatedComment: true
    case .unexpectedCharacter, .malformedNumber: false
    }
  }
}
