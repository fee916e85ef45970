import TCBQSandbox

/// One `--daily-limit` value: `N` for every path, or `PATH=N` for one.
struct DailyLimitOption: Sendable, Hashable {
  var path: String?
  var limit: Int

  init?(_ text: String) {
    let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
    switch parts.count {
    case 1:
      guard let limit = Int(parts[0]), limit >= 0 else { return nil }
      self.path = nil
      self.limit = limit
    default:
      guard parts[0].hasPrefix("/"), let limit = Int(parts[1]), limit >= 0 else { return nil }
      self.path = String(parts[0])
      self.limit = limit
    }
  }

  /// Applies `options` in order over the default limits; a bare `N` replaces every path's limit.
  static func limits(_ options: [DailyLimitOption]) -> SandboxQuotaLimits {
    var limits = SandboxQuotaLimits()
    for option in options {
      if let path = option.path {
        limits.perPath[path] = option.limit
      } else {
        limits = SandboxQuotaLimits(defaultLimit: option.limit, perPath: [:])
      }
    }
    return limits
  }
}
