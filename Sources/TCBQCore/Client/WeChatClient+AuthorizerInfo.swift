extension WeChatClient {
  /// What one api_get_authorizer_info call gave for its appid.
  private enum InfoOutcome: Sendable {
    case info(AuthorizerInfo)
    case failure(AppFailure)
  }

  /// api_get_authorizer_info for each of `appids` (duplicates asked once), one call per appid,
  /// at most `concurrency` in flight; infos and failures come back in input order.
  ///
  /// - 61003 (not authorized by that app) and 40013 (invalid appid) are failures with
  ///   `answered` true: the service's own answer, not asked again.
  /// - A call that fails after retries (busy, HTTP errors, timeouts, 45009, which also stops the
  ///   endpoint for the statement) is a failure with `answered` false.
  /// - Thrown: `ClientError.componentAppIDRequired` without a component appid, token and
  ///   configuration errors, `ClientError.budgetExceeded`, `CancellationError`.
  public func authorizerInfo(of appids: [String]) async throws -> AuthorizerInfoResult {
    let path = WeChatPath.authorizerInfo
    guard let componentAppID = configuration.componentAppID, !componentAppID.isEmpty else {
      throw ClientError.componentAppIDRequired(path: path)
    }
    var seen = Set<String>(minimumCapacity: appids.count)
    let unique = appids.filter { seen.insert($0).inserted }
    guard !unique.isEmpty else { return AuthorizerInfoResult(infos: [], failures: []) }

    let outcomes = try await inStatement {
      try await withThrowingTaskGroup(of: (Int, InfoOutcome).self) { group in
        var outcomes = [InfoOutcome?](repeating: nil, count: unique.count)
        var next = 0
        var done = 0
        var answered = 0
        while true {
          while next - done < configuration.concurrency, next < unique.count {
            let index = next
            next += 1
            group.addTask {
              (index, try await self.fetchInfo(unique[index], componentAppID: componentAppID))
            }
          }
          guard let (index, outcome) = try await group.next() else { break }
          outcomes[index] = outcome
          done += 1
          if case .info = outcome { answered += 1 }
          report(
            CallProgress(path: path, callsDone: done, callsTotal: unique.count, rows: answered))
        }
        return outcomes
      }
    }
    var result = AuthorizerInfoResult(infos: [], failures: [])
    for outcome in outcomes {
      switch outcome {
      case .info(let info)?: result.infos.append(info)
      case .failure(let failure)?: result.failures.append(failure)
      case nil: break
      }
    }
    return result
  }

  /// One api_get_authorizer_info call, its per-app errors as a failure.
  private func fetchInfo(_ appid: String, componentAppID: String) async throws -> InfoOutcome {
    do {
      let answer = try await perform(
        WeChatPath.authorizerInfo,
        body: AuthorizerInfoRequest(componentAppID: componentAppID, authorizerAppID: appid),
        kind: .read, as: AuthorizerInfoResponse.self)
      return .info(AuthorizerInfo(appid: appid, response: answer))
    } catch {
      guard var failure = Self.appFailure(appid, after: error) else { throw error }
      failure.answered = [61003, 40013].contains(failure.errcode)
      return .failure(failure)
    }
  }

  /// The failure of `appid` when `error` ends only that app's call (an API error other than a
  /// rejected or missing token, a transport failure other than cancellation); nil when `error`
  /// ends the whole operation and is thrown.
  static func appFailure(_ appid: String, after error: any Error) -> AppFailure? {
    switch error {
    case let error as APIError where !error.isTokenRejected && error.errcode != 41001:
      return AppFailure(appid: appid, errcode: error.errcode, errmsg: error.message, rid: error.rid)
    case let error as TransportError where error != .cancelled && !Task.isCancelled:
      return AppFailure(appid: appid, errmsg: error.description)
    default:
      return nil
    }
  }
}
