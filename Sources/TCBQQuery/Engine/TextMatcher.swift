/// The pattern operators' matching: `like` (with an escape character), `glob` and `regexp`.
enum TextMatcher {
  /// A matcher for `pattern`, or nil when the pattern cannot be used (a regular expression that
  /// does not compile, an escape that is not one character): the operator's result is then NULL.
  static func make(_ op: MatchOperator, pattern: String, escape: String?) -> ((String) -> Bool)? {
    switch op {
    case .like:
      var escapeScalar: Unicode.Scalar?
      if let escape {
        guard escape.unicodeScalars.count == 1 else { return nil }
        escapeScalar = escape.unicodeScalars.first
      }
      let like = LikePattern(pattern, escape: escapeScalar)
      return like.matches
    case .glob:
      let glob = GlobPattern(pattern)
      return glob.matches
    case .regexp:
      return regexp(pattern).map { box in { box.matches($0) } }
    }
  }

  /// A compiled regular expression, or nil when `pattern` is not one.
  static func regexp(_ pattern: String) -> RegexBox? {
    guard let regex = try? Regex(pattern) else { return nil }
    return RegexBox(regex: regex)
  }
}

/// A compiled `Regex` (not itself `Sendable`), used read-only.
final class RegexBox: @unchecked Sendable {
  let regex: Regex<AnyRegexOutput>
  init(regex: Regex<AnyRegexOutput>) { self.regex = regex }
  /// Whether the expression matches anywhere in `text`, as SQLite's regexp does.
  func matches(_ text: String) -> Bool { text.contains(regex) }
}

/// SQLite's GLOB: `*` any run, `?` one character, `[abc]`, `[a-z]`, `[^…]` a class (a `]` first
/// in the class is a member), everything else itself, case-sensitive.
struct GlobPattern {
  private let pattern: [Unicode.Scalar]

  init(_ pattern: String) { self.pattern = Array(pattern.unicodeScalars) }

  func matches(_ text: String) -> Bool {
    let s = Array(text.unicodeScalars)
    var si = 0, pi = 0
    var starP = -1, starS = 0
    while si < s.count {
      if pi < pattern.count, pattern[pi] == "*" {
        starP = pi
        starS = si
        pi += 1
        continue
      }
      if pi < pattern.count, let next = step(pi, s[si]) {
        pi = next
        si += 1
        continue
      }
      guard starP >= 0 else { return false }
      pi = starP + 1
      starS += 1
      si = starS
    }
    while pi < pattern.count, pattern[pi] == "*" { pi += 1 }
    return pi == pattern.count
  }

  /// The pattern position after matching `c` at `pi`, or nil when it does not match.
  private func step(_ pi: Int, _ c: Unicode.Scalar) -> Int? {
    switch pattern[pi] {
    case "?": return pi + 1
    case "[": return classEnd(pi, c)
    case let p: return p == c ? pi + 1 : nil
    }
  }

  /// `[…]` at `pi`: the position after it when `c` is (or, with `^`, is not) a member.
  private func classEnd(_ pi: Int, _ c: Unicode.Scalar) -> Int? {
    var i = pi + 1
    var negated = false
    if i < pattern.count, pattern[i] == "^" {
      negated = true
      i += 1
    }
    var member = false
    var first = true
    while i < pattern.count, pattern[i] != "]" || first {
      first = false
      let low = pattern[i]
      if i + 2 < pattern.count, pattern[i + 1] == "-", pattern[i + 2] != "]" {
        if low.value <= c.value, c.value <= pattern[i + 2].value { member = true }
        i += 3
      } else {
        if low == c { member = true }
        i += 1
      }
    }
    // An unterminated class matches nothing.
    guard i < pattern.count else { return nil }
    return member != negated ? i + 1 : nil
  }
}
