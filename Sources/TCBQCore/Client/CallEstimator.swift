/// How many calls a read takes, from the batch and page sizes calls are made with. The client's
/// progress totals, `explain` and the `--max-calls` check all count with it, so what they say is
/// what is sent.
public struct CallEstimator: Sendable, Hashable {
  /// Appids per batchgetenvid call.
  public var batchSize: Int
  /// Authorizers per api_get_authorizer_list page.
  public var authorizerPageSize: Int

  public init(
    batchSize: Int = Defaults.batchSize, authorizerPageSize: Int = Defaults.authorizerPageSize
  ) {
    self.batchSize = max(1, batchSize)
    self.authorizerPageSize = max(1, authorizerPageSize)
  }

  /// batchgetenvid calls for `appCount` distinct appids (retries and 40097 splits aside).
  public func shareCalls(appCount: Int) -> Int {
    appCount <= 0 ? 0 : (appCount + batchSize - 1) / batchSize
  }

  /// `shareCalls` of the authorized apps before their number is known, e.g. `ceil(apps/100)`.
  public var shareCallsFormula: String { "ceil(apps/\(batchSize))" }

  /// api_get_authorizer_list pages for `appCount` authorizers: pages are read until a short one,
  /// so one more than the full pages.
  public func authorizerCalls(appCount: Int) -> Int {
    appCount / authorizerPageSize + 1
  }

  /// `authorizerCalls` before the number of authorizers is known, e.g. `floor(apps/500)+1`.
  public var authorizerCallsFormula: String { "floor(apps/\(authorizerPageSize))+1" }

  /// api_get_authorizer_info calls for `appCount` distinct appids: one each.
  public func authorizerInfoCalls(appCount: Int) -> Int {
    max(0, appCount)
  }

  /// `authorizerInfoCalls` of the authorized apps before their number is known.
  public var authorizerInfoCallsFormula: String { "apps" }
}
