/// Reads tokens one at a time from UTF-8 bytes, keeping line and column. The statement splitter
/// drives it (it may look at a token and step back); `Lexer.tokenize` runs it to the end.
///
/// Never fails: any byte sequence gives tokens, the odd ones `.invalid` with a problem.
struct Scanner {
  let bytes: [UInt8]
  private(set) var offset = 0
  private(set) var line = 1
  private(set) var column = 1
  /// The line on which the last token other than a comment ended; 0 before the first.
  private var lastTokenLine = 0

  init(_ text: String) {
    bytes = Array(text.utf8)
  }

  var location: SourceLocation { SourceLocation(line: line, column: column, offset: offset) }
  var isAtEnd: Bool { offset >= bytes.count }

  /// The byte `ahead` places on, or 0 past the end (a NUL in the text is an invalid token
  /// anyway).
  func peek(_ ahead: Int = 0) -> UInt8 {
    let index = offset + ahead
    return index < bytes.count ? bytes[index] : 0
  }

  private func hasByte(_ ahead: Int = 0) -> Bool { offset + ahead < bytes.count }

  mutating func advance() {
    let byte = bytes[offset]
    offset += 1
    if byte == ASCII.newline {
      line += 1
      column = 1
    } else if byte & 0xC0 != 0x80 {
      column += 1
    }
  }

  private mutating func advance(_ count: Int) {
    for _ in 0..<count where !isAtEnd { advance() }
  }

  /// Skips blanks (spaces, tabs, newlines, and Unicode white space such as U+3000).
  mutating func skipBlanks() {
    while hasByte() {
      let byte = peek()
      if ASCII.isBlank(byte) {
        advance()
      } else if byte >= 0x80, let (scalar, length) = decodeScalar(at: offset),
        scalar.properties.isWhitespace
      {
        advance(length)
      } else {
        return
      }
    }
  }

  /// The rest of the current line, from here to before its newline (and a CR before it).
  mutating func takeLine() -> (text: String, range: SourceRange) {
    let start = location
    while hasByte(), peek() != ASCII.newline { advance() }
    var end = offset
    if end > start.offset, bytes[end - 1] == ASCII.carriageReturn { end -= 1 }
    let text = String(decoding: bytes[start.offset..<end], as: UTF8.self)
    let endLocation = SourceLocation(
      line: line, column: column - (end < offset ? 1 : 0), offset: end)
    lastTokenLine = line
    return (text, SourceRange(start: start, end: endLocation))
  }

  /// The next token, comments included; `.endOfInput` at the end (again and again).
  mutating func next() -> Token {
    skipBlanks()
    let start = location
    guard hasByte() else {
      return Token(
        kind: .endOfInput, text: "", range: SourceRange(start: start, end: start),
        isFirstOnLine: lastTokenLine < start.line)
    }
    var problem: LexicalProblem?
    let kind = scanToken(problem: &problem)
    let text = String(decoding: bytes[start.offset..<offset], as: UTF8.self)
    let keyword = kind == .word ? Keyword(word: text) : nil
    let isFirst = lastTokenLine < start.line
    if kind != .comment { lastTokenLine = line }
    return Token(
      kind: kind, text: text, range: SourceRange(start: start, end: location), keyword: keyword,
      isFirstOnLine: isFirst, problem: problem)
  }

  private mutating func scanToken(problem: inout LexicalProblem?) -> Token.Kind {
    let byte = peek()
    switch byte {
    case UInt8(ascii: "'"):
      if !scanQuoted(byte) { problem = .unterminatedString }
      return .string
    case UInt8(ascii: "\""):
      if !scanQuoted(byte) { problem = .unterminatedQuotedIdentifier }
      return .quotedIdentifier
    case UInt8(ascii: "-") where peek(1) == UInt8(ascii: "-"):
      while hasByte(), peek() != ASCII.newline { advance() }
      return .comment
    case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
      if !scanBlockComment() { problem = .unterminatedComment }
      return .comment
    case UInt8(ascii: "0")...UInt8(ascii: "9"):
      return scanNumber(problem: &problem)
    case UInt8(ascii: "."):
      if ASCII.isDigit(peek(1)) { return scanNumber(problem: &problem) }
      advance()
      return .symbol(.dot)
    case UInt8(ascii: ":") where ASCII.isWordStart(peek(1)):
      advance()
      scanWord()
      return .variable
    default:
      if ASCII.isWordStart(byte) || (byte >= 0x80 && isWordScalar(at: offset)) {
        scanWord()
        return .word
      }
      if let symbol = scanSymbol() { return .symbol(symbol) }
      // One stray character (a whole scalar).
      let length = byte >= 0x80 ? (decodeScalar(at: offset)?.length ?? 1) : 1
      advance(length)
      problem = .unexpectedCharacter
      return .invalid
    }
  }

  private mutating func scanWord() {
    while hasByte() {
      let byte = peek()
      if ASCII.isWordByte(byte) {
        advance()
      } else if byte >= 0x80, isWordScalar(at: offset),
        let (_, length) = decodeScalar(at: offset)
      {
        advance(length)
      } else {
        return
      }
    }
  }

  /// Letters, digits and marks of any script continue a word; punctuation and white space do not.
  private func isWordScalar(at index: Int) -> Bool {
    guard let (scalar, _) = decodeScalar(at: index) else { return false }
    let properties = scalar.properties
    if properties.isWhitespace { return false }
    if properties.isAlphabetic || properties.numericType != nil { return true }
    switch properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .connectorPunctuation: return true
    default: return false
    }
  }

  /// Scans `'…'` or `"…"` with doubled quotes inside; false when the text ends first.
  private mutating func scanQuoted(_ quote: UInt8) -> Bool {
    advance()
    while hasByte() {
      if peek() == quote {
        advance()
        if peek() == quote {
          advance()
          continue
        }
        return true
      }
      advance()
    }
    return false
  }

  private mutating func scanBlockComment() -> Bool {
    advance(2)
    while hasByte() {
      if peek() == UInt8(ascii: "*"), peek(1) == UInt8(ascii: "/") {
        advance(2)
        return true
      }
      advance()
    }
    return false
  }

  private mutating func scanNumber(problem: inout LexicalProblem?) -> Token.Kind {
    var isDecimal = false
    while ASCII.isDigit(peek()) { advance() }
    if peek() == UInt8(ascii: ".") {
      isDecimal = true
      advance()
      while ASCII.isDigit(peek()) { advance() }
    }
    let e = peek()
    if e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
      let sign = peek(1) == UInt8(ascii: "+") || peek(1) == UInt8(ascii: "-")
      if ASCII.isDigit(peek(sign ? 2 : 1)) {
        isDecimal = true
        advance(sign ? 2 : 1)
        while ASCII.isDigit(peek()) { advance() }
      }
    }
    // `12abc` is no number and no name.
    if hasByte(), ASCII.isWordByte(peek()) || (peek() >= 0x80 && isWordScalar(at: offset)) {
      scanWord()
      problem = .malformedNumber
      return .invalid
    }
    return isDecimal ? .decimal : .integer
  }

  private mutating func scanSymbol() -> Token.Symbol? {
    let first = peek()
    let second = peek(1)
    let two: Token.Symbol? =
      switch (first, second) {
      case (UInt8(ascii: "|"), UInt8(ascii: "|")): .concat
      case (UInt8(ascii: "="), UInt8(ascii: "=")): .doubleEqual
      case (UInt8(ascii: "!"), UInt8(ascii: "=")): .notEqual
      case (UInt8(ascii: "<"), UInt8(ascii: ">")): .lessGreater
      case (UInt8(ascii: "<"), UInt8(ascii: "=")): .lessEqual
      case (UInt8(ascii: ">"), UInt8(ascii: "=")): .greaterEqual
      default: nil
      }
    if let two {
      advance(2)
      return two
    }
    let one: Token.Symbol? =
      switch first {
      case UInt8(ascii: "+"): .plus
      case UInt8(ascii: "-"): .minus
      case UInt8(ascii: "*"): .star
      case UInt8(ascii: "/"): .slash
      case UInt8(ascii: "%"): .percent
      case UInt8(ascii: "="): .equal
      case UInt8(ascii: "<"): .less
      case UInt8(ascii: ">"): .greater
      case UInt8(ascii: "("): .leftParen
      case UInt8(ascii: ")"): .rightParen
      case UInt8(ascii: ","): .comma
      case UInt8(ascii: ";"): .semicolon
      default: nil
      }
    if one != nil { advance() }
    return one
  }

  /// Decodes the scalar starting at `index` (the bytes come from a String, so they are valid).
  func decodeScalar(at index: Int) -> (scalar: Unicode.Scalar, length: Int)? {
    guard index < bytes.count else { return nil }
    let lead = bytes[index]
    let length: Int
    var value: UInt32
    switch lead {
    case 0..<0x80: return (Unicode.Scalar(lead), 1)
    case 0xC0..<0xE0: length = 2; value = UInt32(lead & 0x1F)
    case 0xE0..<0xF0: length = 3; value = UInt32(lead & 0x0F)
    case 0xF0..<0xF8: length = 4; value = UInt32(lead & 0x07)
    default: return nil
    }
    guard index + length <= bytes.count else { return nil }
    for k in 1..<length {
      let byte = bytes[index + k]
      guard byte & 0xC0 == 0x80 else { return nil }
      value = value << 6 | UInt32(byte & 0x3F)
    }
    guard let scalar = Unicode.Scalar(value) else { return nil }
    return (scalar, length)
  }
}

/// Byte classes of the lexer.
enum ASCII {
  static let newline = UInt8(ascii: "\n")
  static let carriageReturn = UInt8(ascii: "\r")

  static func isBlank(_ byte: UInt8) -> Bool {
    byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
  }
  static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
  static func isWordStart(_ byte: UInt8) -> Bool {
    (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
  }
  static func isWordByte(_ byte: UInt8) -> Bool { isWordStart(byte) || isDigit(byte) }
}
