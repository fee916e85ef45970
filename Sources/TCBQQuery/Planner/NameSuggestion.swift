/// "Did you mean": the closest known name by edit distance, if it is close enough.
enum NameSuggestion {
  static func closest(to name: String, among candidates: [String]) -> String? {
    let target = Array(name.lowercased().unicodeScalars)
    var best: (name: String, distance: Int)?
    for candidate in candidates {
      let d = distance(target, Array(candidate.lowercased().unicodeScalars))
      if best == nil || d < best!.distance { best = (candidate, d) }
    }
    guard let best else { return nil }
    let limit = max(1, min(3, (target.count + 2) / 3))
    // At least one character must survive: `x` is not a typo of `e`.
    if best.distance <= limit, best.distance < target.count { return best.name }
    // A prefix of a long name (`env` for `env_id`) is also a fair guess.
    let lowered = name.lowercased()
    if lowered.count >= 3,
      let prefixed = candidates.first(where: { $0.lowercased().hasPrefix(lowered) })
    {
      return prefixed
    }
    return nil
  }

  /// Damerau–Levenshtein distance (with adjacent transpositions).
  static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var v = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          v = min(v, previous2[j - 2] + 1)
        }
        current[j] = v
      }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }
}
