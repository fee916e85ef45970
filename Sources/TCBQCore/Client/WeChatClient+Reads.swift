extension WeChatClient {
  public func describeEnvs<Sink: EnvSink>(into makeSink: @escaping @Sendable () -> Sink)
    async throws -> Sink
  {
    try await inStatement {
      try await perform(
        WeChatPath.describeCloudBaseRunEnvs, body: DescribeCloudBaseRunEnvsRequest(), kind: .read,
        reading: .envList(makeSink))
    }
  }

  /// api_get_authorizer_list, `authorizerPageSize` per page, `offset += count` until a page
  /// shorter than the page size. Throws `ClientError.componentAppIDRequired` without a
  /// component appid. Entries without `authorizer_appid` are skipped.
  public func authorizers() async throws -> [Authorizer] {
    let path = WeChatPath.authorizerList
    guard let componentAppID = configuration.componentAppID, !componentAppID.isEmpty else {
      throw ClientError.componentAppIDRequired(path: path)
    }
    let count = configuration.authorizerPageSize
    return try await inStatement {
      var result: [Authorizer] = []
      var offset = 0
      var pages = 0
      while true {
        let page = try await perform(
          path,
          body: AuthorizerListRequest(componentAppID: componentAppID, offset: offset, count: count),
          kind: .read, as: AuthorizerListResponse.self)
        pages += 1
        result += page.list.compactMap { item in
          item.authorizerAppID.map { Authorizer(appid: $0, authTime: item.authTime) }
        }
        let total = page.totalCount.map { Int(clamping: $0) / count + 1 }
        report(CallProgress(path: path, callsDone: pages, callsTotal: total, rows: result.count))
        if page.list.count < count { return result }
        offset += count
      }
    }
  }

  /// getApiQuota for `cgiPath` (with its leading `/`). One call; errors (76021, 76022, 76003)
  /// are thrown.
  public func apiQuota(cgiPath: String) async throws -> APIQuota {
    try await inStatement {
      let answer = try await perform(
        WeChatPath.apiQuota, body: APIQuotaRequest(cgiPath: cgiPath), kind: .read,
        as: APIQuotaResponse.self)
      return APIQuota(cgiPath: cgiPath, response: answer)
    }
  }
}
