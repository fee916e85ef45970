/// SQLite's LIKE: `%` any run, `_` one character, ASCII letters case-insensitive, no escape.
/// Matches over UTF-8 bytes without allocating; `_` and the backtracking of `%` step over whole
/// characters.
struct LikePattern {
  private let pattern: [UInt8]

  init(_ pattern: String) {
    self.pattern = pattern.utf8.map(Self.fold)
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
          if pi < p.count, p[pi] == 37 {  // %
            starP = pi
            starS = si
            pi += 1
          } else if pi < p.count, p[pi] == 95 {  // _
            pi += 1
            si = Self.characterEnd(s, si)
          } else if pi < p.count, p[pi] == Self.fold(s[si]) {
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
        while pi < p.count, p[pi] == 37 { pi += 1 }
        return pi == p.count
      }
    }
  }
}
