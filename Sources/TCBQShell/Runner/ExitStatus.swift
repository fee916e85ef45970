/// The exit statuses, in one place (docs/language.md, "Errors and exit status").
public enum ExitStatus: Int32, Sendable, Comparable {
  case success = 0
  /// A statement failed: syntax, unknown name, API error, refused write.
  case failure = 1
  /// Bad flag, unreadable file, bad config.
  case usage = 2
  /// Completed, but some rows could not be fetched.
  case partial = 3
  case interrupted = 130

  /// How bad a status is, so a run reports its worst.
  private var rank: Int {
    switch self {
    case .success: 0
    case .partial: 1
    case .failure: 2
    case .usage: 3
    case .interrupted: 4
    }
  }

  public static func < (a: ExitStatus, b: ExitStatus) -> Bool { a.rank < b.rank }
}
