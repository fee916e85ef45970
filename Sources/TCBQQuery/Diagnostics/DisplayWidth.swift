/// How many terminal columns text takes: 2 for East Asian Wide and Fullwidth characters (CJK,
/// Hangul, fullwidth forms, most emoji), 0 for combining marks, format characters and controls,
/// 1 otherwise — the per-scalar rule terminals follow (as `wcwidth(3)` does). The one
/// implementation: the diagnostics caret, the table renderer and the line editor all use it.
public enum DisplayWidth {
  /// The columns one scalar takes (0, 1 or 2).
  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
    if value < 0x300 { return 1 }
    if (0x1160...0x11FF).contains(value) || value == 0x200B { return 0 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    return isWide(value) ? 2 : 1
  }

  /// The columns a string takes.
  public static func of(_ text: some StringProtocol) -> Int {
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
    return text.unicodeScalars.reduce(0) { $0 + of($1) }
  }

  private static func isWide(_ value: UInt32) -> Bool {
    var low = 0
    var high = wideRanges.count - 1
    while low <= high {
      let middle = (low + high) / 2
      let range = wideRanges[middle]
      if value < range.first {
        high = middle - 1
      } else if value > range.last {
        low = middle + 1
      } else {
        return true
      }
    }
    return false
  }
}
