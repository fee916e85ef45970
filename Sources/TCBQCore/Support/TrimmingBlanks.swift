extension StringProtocol {
  /// The text without the blanks at either end: tab and the Unicode space separators, as
  /// Foundation's `trimmingCharacters(in: .whitespaces)`, and with `andNewlines` also line
  /// breaks (`.whitespacesAndNewlines`); scalar by scalar, without bridging to `NSString`.
  func trimmingBlanks(andNewlines: Bool = false) -> SubSequence {
    func isBlank(_ scalar: Unicode.Scalar) -> Bool {
      switch scalar.value {
      case 0x20, 0x09: return true
      case 0x0A...0x0D, 0x85: return andNewlines
      case 0..<0x80: return false
      default:
        switch scalar.properties.generalCategory {
        case .spaceSeparator: return true
        case .lineSeparator, .paragraphSeparator: return andNewlines
        default: return false
        }
      }
    }
    let scalars = unicodeScalars
    var start = scalars.startIndex, end = scalars.endIndex
    while start < end, isBlank(scalars[start]) { start = scalars.index(after: start) }
    while end > start, isBlank(scalars[scalars.index(before: end)]) {
      end = scalars.index(before: end)
    }
    return self[start..<end]
  }
}
