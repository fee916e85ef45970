/// getApiQuota request: `{"cgi_path": PATH}`, the path with its leading `/` and no host.
public struct APIQuotaRequest: Sendable, Hashable, Codable {
  public var cgiPath: String

  public init(cgiPath: String) {
    self.cgiPath = cgiPath
  }

  enum CodingKeys: String, CodingKey {
    case cgiPath = "cgi_path"
  }
}

/// getApiQuota answer: `quota{daily_limit, used, remain}` and, in newer documentation,
/// `rate_limit` and `component_rate_limit` `{call_count, refresh_second}`; all optional.
public struct APIQuotaResponse: Sendable, Hashable, Codable {
  public var errcode: Int64
  public var errmsg: String?
  public var quota: Quota?
  public var rateLimit: RateLimit?
  public var componentRateLimit: RateLimit?

  public struct Quota: Sendable, Hashable, Codable {
    public var dailyLimit: Int64?
    public var used: Int64?
    public var remain: Int64?

    public init(dailyLimit: Int64?, used: Int64?, remain: Int64?) {
      self.dailyLimit = dailyLimit
      self.used = used
      self.remain = remain
    }

    enum CodingKeys: String, CodingKey {
      case dailyLimit = "daily_limit"
      case used, remain
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      dailyLimit = try c.lenientInt64(forKey: .dailyLimit)
      used = try c.lenientInt64(forKey: .used)
      remain = try c.lenientInt64(forKey: .remain)
    }
  }

  public struct RateLimit: Sendable, Hashable, Codable {
    public var callCount: Int64?
    public var refreshSecond: Int64?

    public init(callCount: Int64?, refreshSecond: Int64?) {
      self.callCount = callCount
      self.refreshSecond = refreshSecond
    }

    enum CodingKeys: String, CodingKey {
      case callCount = "call_count"
      case refreshSecond = "refresh_second"
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      callCount = try c.lenientInt64(forKey: .callCount)
      refreshSecond = try c.lenientInt64(forKey: .refreshSecond)
    }
  }

  public init(
    errcode: Int64 = 0, errmsg: String? = "ok", quota: Quota?, rateLimit: RateLimit? = nil,
    componentRateLimit: RateLimit? = nil
  ) {
    self.errcode = errcode
    self.errmsg = errmsg
    self.quota = quota
    self.rateLimit = rateLimit
    self.componentRateLimit = componentRateLimit
  }

  enum CodingKeys: String, CodingKey {
    case errcode, errmsg, quota
    case rateLimit = "rate_limit"
    case componentRateLimit = "component_rate_limit"
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    errcode = try c.lenientInt64(forKey: .errcode) ?? 0
    errmsg = try c.lenientString(forKey: .errmsg)
    quota = try c.decodeIfPresent(Quota.self, forKey: .quota)
    rateLimit = try c.decodeIfPresent(RateLimit.self, forKey: .rateLimit)
    componentRateLimit = try c.decodeIfPresent(RateLimit.self, forKey: .componentRateLimit)
  }
}

extension APIQuota {
  /// The quota row of `cgiPath` from getApiQuota's answer.
  public init(cgiPath: String, response: APIQuotaResponse) {
    self.init(cgiPath: cgiPath)
    dailyLimit = response.quota?.dailyLimit
    used = response.quota?.used
    remain = response.quota?.remain
    rateLimitCallCount = response.rateLimit?.callCount
    rateLimitRefreshSecond = response.rateLimit?.refreshSecond
    componentRateLimitCallCount = response.componentRateLimit?.callCount
    componentRateLimitRefreshSecond = response.componentRateLimit?.refreshSecond
  }
}
