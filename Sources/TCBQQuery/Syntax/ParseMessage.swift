/// The messages of the lexer and parser, in one place.
enum ParseMessage {
  static func unknownStatement(_ word: String) -> String { "unknown statement '\(word)'" }
  static func expected(_ what: String, found: String) -> String {
    "expected \(what), found \(found)"
  }
  static func unexpected(_ found: String) -> String { "unexpected \(found)" }
  static let unterminatedString = "unterminated string"
  static let unterminatedQuotedIdentifier = "unterminated quoted name"
  static let unterminatedComment = "unterminated comment"
  static func unexpectedCharacter(_ text: String) -> String {
    "unexpected character \(describeCharacter(text))"
  }
  static func malformedNumber(_ text: String) -> String { "malformed number '\(clipped(text))'" }
  static func tooDeeplyNested(_ limit: Int) -> String {
    "expression nested too deeply (more than \(limit) levels of parentheses or operators)"
  }
  static func tooLong(_ limit: Int) -> String {
    "expression too complex (its tree is more than \(limit) levels deep); "
      + "for many values use 'in (…)'"
  }
  static let variableInWord =
    "a variable stands for a whole appid or env id; it cannot be glued to other text"
  static let missingDotCommandName = "expected a command name after '.'"

  /// How a token is named in "found …".
  static func describe(_ token: Token, atEndOfInput: Bool) -> String {
    switch token.kind {
    case .endOfInput: atEndOfInput ? "end of input" : "end of statement"
    case .string: "string '\(clipped(token.value))'"
    default: "'\(clipped(token.text))'"
    }
  }

  static func clipped(_ text: String, limit: Int = 40) -> String {
    var scalars = text.unicodeScalars
    guard scalars.count > limit else { return text }
    scalars = String.UnicodeScalarView(scalars.prefix(limit))
    return String(scalars) + "…"
  }

  private static func describeCharacter(_ text: String) -> String {
    guard let scalar = text.unicodeScalars.first else { return "''" }
    if scalar.value < 0x20 || scalar.value == 0x7F || scalar.properties.generalCategory == .format {
      return "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
    }
    return "'\(text)'"
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
