import TCBQCore

/// What `explain` and the call budget know about the session before a statement runs.
public struct CostContext: Sendable, Hashable {
  /// Tables already fetched and fresh. `shares` here means every authorized app's shares.
  public var cachedTables: Set<TableID>
  /// Appids whose shares are cached.
  public var cachedShareAppids: Set<String>
  /// The number of authorized apps, when known (apps cached).
  public var appCount: Int?
  /// The batch and page sizes the API's next calls are made with.
  public var calls: CallEstimator
  /// The paths `quota` reads without a `cgi_path` filter.
  public var quotaPaths: [String]
  /// Appids whose api_get_authorizer_info answer is cached (who they are, or 61003/40013).
  public var cachedInfoAppids: Set<String>
  /// Of the authorized apps (when `apps` is cached), those whose answer is not cached.
  public var uncachedInfoApps: Int?

  public init(
    cachedTables: Set<TableID> = [], cachedShareAppids: Set<String> = [], appCount: Int? = nil,
    calls: CallEstimator = CallEstimator(), quotaPaths: [String] = Catalog.defaultQuotaPaths,
    cachedInfoAppids: Set<String> = [], uncachedInfoApps: Int? = nil
  ) {
    self.cachedTables = cachedTables
    self.cachedShareAppids = cachedShareAppids
    self.appCount = appCount
    self.calls = calls
    self.quotaPaths = quotaPaths
    self.cachedInfoAppids = cachedInfoAppids
    self.uncachedInfoApps = uncachedInfoApps
  }
}

/// How many calls of one endpoint a statement makes: a number known before the first call, or a
/// formula of the app count.
public enum CallCount: Sendable, Hashable, CustomStringConvertible {
  case known(Int)
  /// e.g. `ceil(apps/100)`.
  case formula(String)

  /// The number, when known.
  public var value: Int? {
    if case .known(let n) = self { return n }
    return nil
  }

  public var description: String {
    switch self {
    case .known(let n): String(n)
    case .formula(let f): f
    }
  }
}

/// The calls a statement makes to one endpoint.
public struct CallEstimate: Sendable, Hashable {
  public var endpoint: WeChatEndpoint
  public var count: CallCount
  /// Why, in a few words (e.g. `cached`, `3 appids, batches of 100`).
  public var note: String

  public init(endpoint: WeChatEndpoint, count: CallCount, note: String) {
    self.endpoint = endpoint
    self.count = count
    self.note = note
  }
}

/// The tables a plan needs, sorted by what fetches them.
private struct NeededTables {
  /// Tables filled by describecloudbaserunenvs, in FROM order.
  var envTables: [TableID] = []
  var apps = false
  /// `shares` and `share_errors` (the same calls): nil when not needed; `.some(nil)` for every
  /// authorized app's shares.
  var shareKeys: [String]?? = nil
  /// `app_info` and `app_permissions` (the same calls): as `shareKeys`.
  var infoKeys: [String]?? = nil
  /// `quota`: nil when not needed; `.some(nil)` for the default paths.
  var quotaKeys: [String]?? = nil
  /// Shares (or app info) for the appids a subquery yields (`appid in (select …)`), known
  /// only when it has run.
  var sharesFromSubquery = false
  var infoFromSubquery = false

  init(_ requirements: [TableRequirement]) {
    for requirement in requirements {
      guard let id = requirement.id else { continue }
      let fromSubquery = requirement.keys == nil && requirement.keysFromStep != nil
      if fromSubquery, [.shares, .shareErrors].contains(id) {
        sharesFromSubquery = true
        continue
      }
      if fromSubquery, [.appInfo, .appPermissions].contains(id) {
        infoFromSubquery = true
        continue
      }
      switch id {
      case .envs, .databases, .storages, .functions, .logServices, .staticStorages, .tags,
        .customLogServices:
        if !envTables.contains(id) { envTables.append(id) }
      case .apps: apps = true
      case .shares, .shareErrors: Self.merge(requirement.keys, into: &shareKeys)
      case .appInfo, .appPermissions: Self.merge(requirement.keys, into: &infoKeys)
      case .quota: if quotaKeys == nil { quotaKeys = .some(requirement.keys) }
      }
    }
  }

  /// Two tables filled by the same calls need the union of their keys (all, if either does).
  private static func merge(_ keys: [String]?, into needed: inout [String]??) {
    switch (needed, keys) {
    case (nil, _): needed = .some(keys)
    case (.some(let old?), let new?): needed = .some(old + new.filter { !old.contains($0) })
    case (.some, _): needed = .some(nil)
    }
  }

  /// Whether a table is needed for every authorized app (`.some(nil)`): the walk lists them.
  static func walks(_ keys: [String]??) -> Bool {
    if case .some(nil) = keys { return true }
    return false
  }
}

extension QueryPlan {
  /// The requirements of the plan's steps (and theirs), then its own.
  var allRequirements: [TableRequirement] {
    steps.flatMap(\.plan.allRequirements) + requirements
  }

  /// The API calls per endpoint the plan makes in `context`, in call order; endpoints not
  /// needed are left out.
  public func estimatedCalls(context: CostContext) -> [CallEstimate] {
    let needed = NeededTables(allRequirements)
    var result: [CallEstimate] = []
    if !needed.envTables.isEmpty {
      let uncached = needed.envTables.filter { !context.cachedTables.contains($0) }
      result.append(
        CallEstimate(
          endpoint: .describeCloudBaseRunEnvs, count: .known(uncached.isEmpty ? 0 : 1),
          note: uncached.isEmpty ? "cached" : "all environments in one call"))
    }
    let sharesNeedApps =
      NeededTables.walks(needed.shareKeys) && !context.cachedTables.contains(.shares)
    let infoNeedsApps = NeededTables.walks(needed.infoKeys)
    if needed.apps || sharesNeedApps || infoNeedsApps {
      result.append(authorizerCalls(context))
    }
    let batch = context.calls.batchSize
    if let keys = needed.shareKeys {
      result.append(shareCalls(keys, context))
    } else if needed.sharesFromSubquery {
      result.append(
        CallEstimate(
          endpoint: .batchGetEnvID, count: .formula("ceil(rows/\(batch))"),
          note: "the appids the subquery yields, batches of \(batch)"))
    }
    if let keys = needed.infoKeys {
      result.append(infoCalls(keys, context))
    } else if needed.infoFromSubquery {
      result.append(
        CallEstimate(
          endpoint: .authorizerInfo, count: .formula("rows"),
          note: "the appids the subquery yields, one call per app"))
    }
    if let keys = needed.quotaKeys {
      let paths = keys ?? context.quotaPaths
      result.append(
        CallEstimate(
          endpoint: .apiQuota, count: .known(paths.count),
          note: keys == nil ? "the component paths tcbq calls, one call each" : "one call per path")
      )
    }
    return result
  }

  private func authorizerCalls(_ context: CostContext) -> CallEstimate {
    let calls = context.calls, page = calls.authorizerPageSize
    if context.cachedTables.contains(.apps) {
      return CallEstimate(endpoint: .authorizerList, count: .known(0), note: "cached")
    }
    if let apps = context.appCount {
      return CallEstimate(
        endpoint: .authorizerList, count: .known(calls.authorizerCalls(appCount: apps)),
        note: "\(apps) apps, pages of \(page)")
    }
    return CallEstimate(
      endpoint: .authorizerList, count: .formula(calls.authorizerCallsFormula),
      note: "pages of \(page) until a short page")
  }

  /// batchgetenvid for the appids `keys` names, or for every authorized app when nil.
  private func shareCalls(_ keys: [String]?, _ context: CostContext) -> CallEstimate {
    let calls = context.calls, batch = calls.batchSize
    if let keys {
      let missing = keys.filter { !context.cachedShareAppids.contains($0) }
      return CallEstimate(
        endpoint: .batchGetEnvID, count: .known(calls.shareCalls(appCount: missing.count)),
        note: "\(missing.count) of \(keys.count) appids not cached, batches of \(batch)")
    }
    if context.cachedTables.contains(.shares) {
      return CallEstimate(endpoint: .batchGetEnvID, count: .known(0), note: "cached")
    }
    if let apps = context.appCount, context.cachedTables.contains(.apps) {
      let missing = max(0, apps - context.cachedShareAppids.count)
      return CallEstimate(
        endpoint: .batchGetEnvID, count: .known(calls.shareCalls(appCount: missing)),
        note: "\(missing) apps not cached, batches of \(batch)")
    }
    return CallEstimate(
      endpoint: .batchGetEnvID, count: .formula(calls.shareCallsFormula),
      note: "every authorized app, batches of \(batch)")
  }

  /// api_get_authorizer_info for the appids `keys` names, or for every authorized app when nil:
  /// one call per appid whose answer is not cached.
  private func infoCalls(_ keys: [String]?, _ context: CostContext) -> CallEstimate {
    let calls = context.calls
    if let keys {
      let missing = keys.filter { !context.cachedInfoAppids.contains($0) }
      return CallEstimate(
        endpoint: .authorizerInfo,
        count: .known(calls.authorizerInfoCalls(appCount: missing.count)),
        note: "\(missing.count) of \(keys.count) appids not cached, one call per app")
    }
    if let missing = context.uncachedInfoApps {
      return CallEstimate(
        endpoint: .authorizerInfo, count: .known(calls.authorizerInfoCalls(appCount: missing)),
        note: missing == 0 ? "cached" : "\(missing) apps not cached, one call per app")
    }
    return CallEstimate(
      endpoint: .authorizerInfo, count: .formula(calls.authorizerInfoCallsFormula),
      note: "every authorized app, one call per app")
  }
}
