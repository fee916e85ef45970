import TCBQCore

extension Session {
  /// `shares`, of the appids `keys` names or of every authorized app. The `err_list` entries
  /// that are facts about an app (no cloud development, not a mini program) are not failures:
  /// they are counted in one note. The other entries, and calls that failed, are failures.
  func sharesNamingErrors(keys: [String]?) async throws -> Fetched {
    var fetched = try await sharesFetched(keys: keys)
    let (failed, facts) = Self.splitShareErrors(fetched.failures)
    fetched.failures = failed
    if let note = Self.shareErrorsNote(facts) { fetched.notes.append(note) }
    return fetched
  }

  /// `share_errors`: the `err_list` entries of the same calls as `shares`, one row each. The
  /// entries of kind `failed`, and calls that failed, are also the statement's failures.
  func shareErrorsTable(keys: [String]?) async throws -> Fetched {
    let fetched = try await sharesFetched(keys: keys)
    return Fetched(
      table: Tables.fromShareErrors(fetched.failures),
      failures: fetched.failures.filter { $0.shareErrorKind == .failed })
  }

  private func sharesFetched(keys: [String]?) async throws -> Fetched {
    if let keys { return try await sharesTable(of: keys) }
    return try await allSharesTable()
  }

  /// The failures of batchgetenvid split into those that are (`shareErrorKind` `failed`) and the
  /// facts about apps that are not.
  static func splitShareErrors(_ failures: [AppFailure]) -> (
    failed: [AppFailure], facts: [AppFailure]
  ) {
    var failed: [AppFailure] = []
    var facts: [AppFailure] = []
    for failure in failures {
      if failure.shareErrorKind == .failed {
        failed.append(failure)
      } else {
        facts.append(failure)
      }
    }
    return (failed, facts)
  }

  /// One note for the facts of a statement, e.g. `note: 4 apps have no cloud development and 3
  /// are not mini programs; select * from share_errors lists them`; nil without any.
  static func shareErrorsNote(_ facts: [AppFailure]) -> String? {
    let noCloud = facts.count(where: { $0.shareErrorKind == .noCloudDevelopment })
    let notMini = facts.count(where: { $0.shareErrorKind == .notMiniProgram })
    var parts: [String] = []
    if noCloud > 0 {
      parts.append(
        noCloud == 1
          ? "1 app has no cloud development" : "\(noCloud) apps have no cloud development")
    }
    if notMini > 0 {
      let subject = parts.isEmpty ? (notMini == 1 ? "1 app" : "\(notMini) apps") : "\(notMini)"
      parts.append(
        notMini == 1 ? "\(subject) is not a mini program" : "\(subject) are not mini programs")
    }
    guard !parts.isEmpty else { return nil }
    let them = noCloud + notMini == 1 ? "it" : "them"
    return "note: " + parts.joined(separator: " and ")
      + "; select * from share_errors lists \(them)"
  }

  /// `shares of`: what an app's fact says, in place of a failure, e.g. `note: wx… has no cloud
  /// development (no qbase privilege): it shares nothing`.
  static func shareErrorNote(_ fact: AppFailure) -> String {
    let what =
      fact.shareErrorKind == .notMiniProgram
      ? "is not a mini program" : "has no cloud development"
    return "note: \(fact.appid) \(what) (\(fact.errmsg)): it shares nothing"
  }
}
