import TCBQCore

/// getApiQuota.
extension SandboxService {
  /// The refresh window and call count reported as rate limits (informative, not enforced).
  static let rateLimit = (callCount: Int64(5000), refreshSecond: Int64(60))
  static let componentRateLimit = (callCount: Int64(20000), refreshSecond: Int64(60))

  func apiQuota(_ request: TransportRequest, _ state: inout SandboxState)
    throws(SandboxErrorCode) -> Outcome
  {
    let body = try authenticate(request, &state)
    let pathField = body.field("cgi_path")
    if let pathField, pathField.stringValue == nil { throw .dataFormat }
    guard let path = pathField?.stringValue else { throw .missingParameter }
    guard path.hasPrefix("/") else { throw .malformedCGIPath }
    guard WeChatEndpoint(path: path) != nil else { throw .unknownCGIPath }

    let limit = Int64(configuration.dailyLimits.limit(for: path))
    let used = Int64(state.quotaUsed[path] ?? 0)
    func rate(_ pair: (callCount: Int64, refreshSecond: Int64)) -> JSONValue {
      .object([
        JSONMember("call_count", .integer(pair.callCount)),
        JSONMember("refresh_second", .integer(pair.refreshSecond)),
      ])
    }
    return success([
      (
        "quota",
        .object([
          JSONMember("daily_limit", .integer(limit)), JSONMember("used", .integer(used)),
          JSONMember("remain", .integer(max(0, limit - used))),
        ])
      ),
      ("rate_limit", rate(Self.rateLimit)),
      ("component_rate_limit", rate(Self.componentRateLimit)),
    ])
  }
}
