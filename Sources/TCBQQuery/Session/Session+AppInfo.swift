import TCBQCore

extension Session {
  /// `app_info` or `app_permissions`: of the appids `keys` names, or of every authorized app
  /// when nil. An app answered 61003 or 40013 has no row and is a failure; so is one whose call
  /// failed.
  func appInfoTable(_ id: TableID, keys: [String]?) async throws -> Fetched {
    var appids = keys ?? []
    if keys == nil { appids = try await authorizers().authorizers.map(\.appid) }
    let (infos, failures) = try await appInfo(of: appids)
    let table =
      id == .appPermissions ? Tables.fromPermissions(infos) : Tables.fromAuthorizerInfo(infos)
    return Fetched(table: table, failures: failures)
  }

  /// Who `appids` are (each once, in their order), asking only for those not cached. The
  /// service's answers are cached (61003 and 40013 too: asking again gives the same); calls
  /// that failed are not, and are failures of this statement only.
  func appInfo(of appids: [String]) async throws -> (
    infos: [AuthorizerInfo], failures: [AppFailure]
  ) {
    let unique = TextDictionary.distinct(appids)
    let missing = unique.filter { cachedInfo(of: $0) == nil }
    var failed: [String: AppFailure] = [:]
    if !missing.isEmpty {
      let result = try await api.authorizerInfo(of: missing)
      let fetchedAt = now()
      for info in result.infos {
        cache.appInfo[info.appid] = .init(value: info, fetchedAt: fetchedAt)
        cache.appInfoFailures[info.appid] = nil
      }
      for failure in result.failures {
        failed[failure.appid] = failure
        cache.appInfo[failure.appid] = nil
        cache.appInfoFailures[failure.appid] =
          failure.answered ? .init(value: failure, fetchedAt: fetchedAt) : nil
      }
    }
    var infos: [AuthorizerInfo] = []
    var failures: [AppFailure] = []
    infos.reserveCapacity(unique.count)
    for appid in unique {
      if let failure = failed[appid] {
        failures.append(failure)
        continue
      }
      switch cachedInfo(of: appid) {
      case .info(let info)?: infos.append(info)
      case .failure(let failure)?: failures.append(failure)
      case nil:
        // Neither answered nor failed: never let it vanish silently.
        failures.append(
          AppFailure(appid: appid, errmsg: "the service did not answer for this appid"))
      }
    }
    return (infos, failures)
  }

  /// The fresh cached answer about `appid`: who it is, or the service's refusal.
  private func cachedInfo(of appid: String) -> CachedInfo? {
    let date = now()
    let ttl = settings.cacheTTL
    if let entry = cache.appInfo[appid], cache.isFresh(entry.fetchedAt, ttl: ttl, now: date) {
      return .info(entry.value)
    }
    if let entry = cache.appInfoFailures[appid],
      cache.isFresh(entry.fetchedAt, ttl: ttl, now: date)
    {
      return .failure(entry.value)
    }
    return nil
  }

  /// For `explain` and `--max-calls`: the appids whose answer is cached, and how many of the
  /// authorized apps (when they are cached) are not.
  func infoCostContext(authorizers: [Authorizer]?) -> (cached: Set<String>, uncached: Int?) {
    let cached = Set(cache.appInfo.keys).union(cache.appInfoFailures.keys).filter {
      cachedInfo(of: $0) != nil
    }
    let uncached = authorizers.map { list in
      TextDictionary.distinct(list.map(\.appid)).count(where: { !cached.contains($0) })
    }
    return (cached, uncached)
  }

  /// Nick names of the apps whose info is cached (fresh or not: completion only), by appid.
  func cachedNickNames() -> [String: String] {
    var names: [String: String] = [:]
    for (appid, entry) in cache.appInfo {
      if let name = entry.value.nickName, !name.isEmpty { names[appid] = name }
    }
    return names
  }
}

/// A cached api_get_authorizer_info answer: who the app is, or the service's refusal.
private enum CachedInfo {
  case info(AuthorizerInfo)
  case failure(AppFailure)
}
