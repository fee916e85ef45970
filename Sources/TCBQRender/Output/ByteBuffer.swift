/// Appending text to a byte buffer without intermediate strings where it matters.
extension Array where Element == UInt8 {
  mutating func append(_ text: String) {
    append(contentsOf: text.utf8)
  }

  mutating func append(_ text: Substring) {
    append(contentsOf: text.utf8)
  }

  mutating func appendSpaces(_ count: Int) {
    if count > 0 { append(contentsOf: repeatElement(UInt8(ascii: " "), count: count)) }
  }
}

/// ANSI styles used when colour is on.
enum ANSI {
  static let bold = "\u{1B}[1m"
  static let dim = "\u{1B}[2m"
  static let reset = "\u{1B}[0m"
}
