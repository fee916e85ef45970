/// What `explain` and the call budget know about the session before a statement runs.
public struct CostContext: Sendable, Hashable {
  /// Tables already fetched and fresh. `shares` here means every authorized app's shares.
  public var cachedTables: Set<String>
  /// Appids whose shares are cached.
  public var cachedShareAppids: Set<String>
  /// The number of authorized apps, when known (apps cached).
  public var appCount: Int?
  /// Appids per batchgetenvid call.
  public var batchSize: Int
  /// api_get_authorizer_list page size.
  public var authorizerPageSize: Int
  /// The paths `quota` reads without a `cgi_path` filter.
  public var quotaPaths: [String]

  public init(
    cachedTables: Set<String> = [], cachedShareAppids: Set<String> = [], appCount: Int? = nil,
    batchSize: Int, authorizerPageSize: Int = 500,
    quotaPaths: [String] = Catalog.defaultQuotaPaths
  ) {
    self.cachedTables = cachedTables
    self.cachedShareAppids = cachedShareAppids
    self.appCount = appCount
    self.batchSize = max(1, batchSize)
    self.authorizerPageSize = max(1, authorizerPageSize)
    self.quotaPaths = quotaPaths
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
  public var endpoint: APIEndpoint
  public var count: CallCount
  /// Why, in a few words (e.g. `cached`, `3 appids, batches of 100`).
  public var note: String

  public init(endpoint: APIEndpoint, count: CallCount, note: String) {
    self.endpoint = endpoint
    self.count = count
    self.note = note
  }
}

extension QueryPlan {
  /// The API calls per endpoint the plan makes in `context`, in call order; endpoints not
  /// needed are left out.
  public func estimatedCalls(context: CostContext) -> [CallEstimate] {
    var result: [CallEstimate] = []
    let needed = Dictionary(
      requirements.map { ($0.table, $0.keys) }, uniquingKeysWith: { a, _ in a })
    let catalog = Catalog.standard
    let envTables = needed.keys.filter {
      catalog.table(named: $0)?.source == .describeCloudBaseRunEnvs
    }
    if !envTables.isEmpty {
      let uncached = envTables.filter { !context.cachedTables.contains($0) }
      result.append(
        CallEstimate(
          endpoint: .describeCloudBaseRunEnvs, count: .known(uncached.isEmpty ? 0 : 1),
          note: uncached.isEmpty ? "cached" : "all environments in one call"))
    }

    let page = context.authorizerPageSize, batch = context.batchSize
    let sharesNeedsApps = needed["shares"].map { $0 == nil } ?? false
      && !context.cachedTables.contains("shares")
    if needed["apps"] != nil || sharesNeedsApps {
      if context.cachedTables.contains("apps") {
        result.append(CallEstimate(endpoint: .authorizerList, count: .known(0), note: "cached"))
      } else if let apps = context.appCount {
        result.append(
          CallEstimate(
            endpoint: .authorizerList, count: .known(apps / page + 1),
            note: "\(apps) apps, pages of \(page)"))
      } else {
        result.append(
          CallEstimate(
            endpoint: .authorizerList, count: .formula("floor(apps/\(page))+1"),
            note: "pages of \(page) until a short page"))
      }
    }

    if let keys = needed["shares"] {
      if let keys {
        let missing = keys.filter { !context.cachedShareAppids.contains($0) }
        result.append(
          CallEstimate(
            endpoint: .batchGetEnvID, count: .known(ceilDiv(missing.count, batch)),
            note: "\(missing.count) of \(keys.count) appids not cached, batches of \(batch)"))
      } else if context.cachedTables.contains("shares") {
        result.append(CallEstimate(endpoint: .batchGetEnvID, count: .known(0), note: "cached"))
      } else if let apps = context.appCount, context.cachedTables.contains("apps") {
        let missing = max(0, apps - context.cachedShareAppids.count)
        result.append(
          CallEstimate(
            endpoint: .batchGetEnvID, count: .known(ceilDiv(missing, batch)),
            note: "\(missing) apps not cached, batches of \(batch)"))
      } else {
        result.append(
          CallEstimate(
            endpoint: .batchGetEnvID, count: .formula("ceil(apps/\(batch))"),
            note: "every authorized app, batches of \(batch)"))
      }
    }

    if let keys = needed["quota"] {
      let paths = keys ?? context.quotaPaths
      result.append(
        CallEstimate(
          endpoint: .apiQuota, count: .known(paths.count),
          note: keys == nil ? "the component paths tcbq calls, one call each" : "one call per path"))
    }
    return result
  }
}

private func ceilDiv(_ a: Int, _ b: Int) -> Int { (a + b - 1) / b }
