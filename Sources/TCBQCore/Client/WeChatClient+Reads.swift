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
