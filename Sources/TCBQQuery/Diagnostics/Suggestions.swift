/// "Did you mean": the closest of some known names to a misspelt one.
public enum Suggestions {
  /// The candidate closest to `word` by Damerau–Levenshtein distance (insertions, deletions,
  /// substitutions and swaps of neighbours), ignoring case, when close enough: at most 1 edit
  /// for words of 3 to 5 characters, 2 for 6 to 8, 3 beyond; nothing for shorter words. Nil
  /// when `word` equals a candidate (ignoring case). Ties go to the earlier candidate.
  public static func closest(to word: String, among candidates: [String]) -> String? {
    let target = Array(word.lowercased().unicodeScalars)
    let limit = allowedDistance(forLength: target.count)
    guard limit > 0 else { return nil }
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
      let scalars = Array(candidate.lowercased().unicodeScalars)
      // The length difference is a lower bound of the distance.
      guard abs(scalars.count - target.count) <= limit else { continue }
      let distance = editDistance(target, scalars)
      // The word names a candidate: nothing is misspelt.
      if distance == 0 { return nil }
      guard distance <= limit else { continue }
      if best == nil || distance < best!.distance { best = (candidate, distance) }
    }
    return best?.candidate
  }

  /// The most edits a suggestion may be away from a word of `length` characters.
  static func allowedDistance(forLength length: Int) -> Int {
    length < 3 ? 0 : min(3, length / 3)
  }

  /// Damerau–Levenshtein distance (optimal string alignment: adjacent transpositions).
  static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var beforePrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          value = min(value, beforePrevious[j - 2] + 1)
        }
        current[j] = value
      }
      (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[b.count]
  }

  /// The text of a diagnostic's suggestion: `did you mean 'status'?`.
  public static func didYouMean(_ name: String) -> String { "did you mean '\(name)'?" }
}
