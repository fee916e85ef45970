/// SQLite's LIKE: `%` any run, `_` one character, ASCII letters case-insensitive, and an
/// optional escape character that makes the next character literal. Matches over UTF-8 bytes;
/// `_` and the backtracking of `%` step over whole characters.
struct LikePattern {
  /// One element of the pattern: a byte to match (ASCII folded), or a wildcard.
  private enum Element: Equatable {
    case byte(UInt8)
    case anyRun
    case anyOne
  }

  private let pattern: [Element]

  init(_ pattern: String, escape: Unicode.Scalar? = nil) {
    var elements: [Element] = []
    var escaped = false
    for scalar in pattern.unicodeScalars {
      if !escaped, let escape, scalar == escape {
        escaped = true
        continue
      }
      if !escaped, scalar == "%" {
        elements.append(.anyRun)
      } else if !escaped, scalar == "_" {
        elements.append(.anyOne)
      } else {
        elements += String(scalar).utf8.map { .byte(Self.fold($0)) }
      }
      escaped = false
    }
    self.pattern = elements
  }

  @inline(__always)
  static func fold(_ c: UInt8) -> UInt8 { (c >= 65 && c <= 90) ? c + 32 : c }

  /// The length of the UTF-8 character starting at `i`.
  @inline(__always)
  private static func characterEnd(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
    var j = i + 1
    while j < s.count, s[j] & 0xC0 == 0x80 { j += 1 }
    return j
  }

  func matches(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { s in
      pattern.withUnsafeBufferPointer { p in
        var si = 0, pi = 0
        var starP = -1, starS = 0
        while si < s.count {
          if pi < p.count, p[pi] == .anyRun {
            starP = pi
            starS = si
            pi += 1
          } else if pi < p.count, p[pi] == .anyOne {
            pi += 1
            si = Self.characterEnd(s, si)
          } else if pi < p.count, p[pi] == .byte(Self.fold(s[si])) {
            pi += 1
            si += 1
          } else if starP >= 0 {
            pi = starP + 1
            starS = Self.characterEnd(s, starS)
            si = starS
          } else {
            return false
          }
        }
        while pi < p.count, p[pi] == .anyRun { pi += 1 }
        return pi == p.count
      }
    }
  }
}
