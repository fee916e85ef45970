extension WeChatClient {
  /// api_get_authorizer_list, `authorizerPageSize` per page: the first page, then the other
  /// pages its `total_count` announces, at most `concurrency` in flight (see `AuthorizerWalk` for
  /// a list that changes during the walk). Throws `ClientError.componentAppIDRequired` without a
  /// component appid. Entries without `authorizer_appid` are skipped; an appid listed twice
  /// counts once.
  public func authorizers() async throws -> [Authorizer] {
    try await walkAuthorizers(fetchingShares: false).authorizers
  }

  /// The authorizer list and the shares of every appid in it, pipelined: each batchgetenvid
  /// batch is sent as soon as its appids are known, while later pages are still arriving, pages
  /// and batches together at most `concurrency` in flight. The calls are those of
  /// `authorizers()` followed by `sharedEnvs(of:)`, and so are the results and their order.
  public func authorizersWithShares() async throws -> AuthorizersAndShares {
    try await walkAuthorizers(fetchingShares: true)
  }

  private enum WalkAnswer: Sendable {
    case page(index: Int, AuthorizerListResponse)
    case batch(Range<Int>, BatchOutcome)
  }

  private func walkAuthorizers(fetchingShares: Bool) async throws -> AuthorizersAndShares {
    let path = WeChatPath.authorizerList
    guard let componentAppID = configuration.componentAppID, !componentAppID.isEmpty else {
      throw ClientError.componentAppIDRequired(path: path)
    }
    let pageSize = configuration.authorizerPageSize
    return try await inStatement {
      var walk = AuthorizerWalk(pageSize: pageSize, fetchesShares: fetchingShares)
      try await withThrowingTaskGroup(of: WalkAnswer.self) { group in
        var inFlight = 0
        while true {
          while inFlight < configuration.concurrency,
            let work = walk.nextWork(batchSize: effectiveBatchSize)
          {
            inFlight += 1
            switch work {
            case .page(let index):
              let request = AuthorizerListRequest(
                componentAppID: componentAppID, offset: index * pageSize, count: pageSize)
              group.addTask {
                .page(
                  index: index,
                  try await self.perform(
                    path, body: request, kind: .read, as: AuthorizerListResponse.self))
              }
            case .batch(let range):
              let appids = Array(walk.appids[range])
              group.addTask { .batch(range, try await self.fetchBatch(appids)) }
            }
          }
          guard let answer = try await group.next() else { break }
          inFlight -= 1
          record(answer, in: &walk)
        }
      }
      let authorizers = walk.authorizers()
      let shares =
        fetchingShares ? walk.shares(of: authorizers) : SharesResult(relations: [], failures: [])
      return AuthorizersAndShares(authorizers: authorizers, shares: shares)
    }
  }

  private func record(_ answer: WalkAnswer, in walk: inout AuthorizerWalk) {
    switch answer {
    case .page(let index, let page):
      let found = page.list.compactMap { item in
        item.authorizerAppID.map { Authorizer(appid: $0, authTime: item.authTime) }
      }
      walk.pageAnswered(
        index: index, entries: page.list.count, found: found, totalCount: page.totalCount)
      report(
        CallProgress(
          path: WeChatPath.authorizerList, callsDone: walk.pagesDone,
          callsTotal: walk.pagesPlanned, rows: walk.appids.count))
    case .batch(let range, let outcome):
      walk.batchAnswered(range, outcome.outcomes)
      report(
        CallProgress(
          path: WeChatPath.batchGetEnvID, callsDone: walk.batchesDone,
          callsTotal: walk.pagesInFlight == 0
            ? walk.batchesDone + walk.batchesInFlight
              + estimatedShareCalls(appCount: walk.unbatched) : nil,
          rows: walk.relationRows))
    }
  }
}

/// The authorizer list with the shares of its appids.
public struct AuthorizersAndShares: Sendable, Hashable {
  public var authorizers: [Authorizer]
  public var shares: SharesResult
  public init(authorizers: [Authorizer], shares: SharesResult) {
    self.authorizers = authorizers
    self.shares = shares
  }
}
