/// The defaults of tcbq's settings, declared once: `ClientConfiguration`, the session's settings
/// and the command line read them.
public enum Defaults {
  /// Appids per batchgetenvid call (`--batch-size`, `batch_size`).
  public static let batchSize = 100
  /// Calls in flight at once (`--concurrency`, `concurrency`).
  public static let concurrency = 8
  /// Seconds one call may take (`timeout`).
  public static let timeout = 10.0
  /// Seconds a fetched table stays fresh (`cache_ttl`).
  public static let cacheTTL = 600.0
  /// Authorizers per api_get_authorizer_list page: 500, the service's maximum.
  public static let authorizerPageSize = 500
}
