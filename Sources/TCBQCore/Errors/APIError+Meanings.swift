extension APIError {
  /// Plain-language meanings of the errcodes these APIs answer with (wechat-api.md).
  public static func meaning(of errcode: Int64) -> String? {
    meanings[errcode]
  }

  /// The errcode of a known per-app errmsg: `err_list` entries carry only an errmsg, but
  /// `no qbase privilege` is documented as 85088.
  public static func errcode(forMessage errmsg: String) -> Int64? {
    strippingRID(from: errmsg).lowercased() == "no qbase privilege" ? 85088 : nil
  }

  private static let meanings: [Int64: String] = [
    -1: "the service is busy; tcbq retries with backoff",
    -1000: "system error on the service side; tcbq retries with backoff",
    40001: "the access token is invalid or not the latest one",
    40013: "invalid appid (the component's, or for api_get_authorizer_info the app's)",
    40014: "invalid access token",
    40097: "invalid arguments (for batchgetenvid possibly too many appids in one call)",
    40101: "a required parameter is missing",
    40125: "invalid component appsecret",
    41001: "the access token is missing",
    42001: "the access token has expired",
    43002: "the call requires POST",
    44002: "the request body is empty",
    45009: "the daily quota of this API is used up; it resets at midnight (Beijing time)",
    47001: "the request body is not valid JSON or misses fields",
    61003: "the app has not authorized the component (never, or the authorization was revoked)",
    61004: "this machine's IP address is not on the component's IP whitelist",
    61005: "the component verify ticket has expired",
    61006: "the component verify ticket is invalid",
    76003: "malformed cgi_path (it must start with '/')",
    76021: "cgi_path not found",
    76022: "this token cannot query the quota of that cgi_path",
    85088: "the mini program has not enabled cloud development (no qbase privilege)",
  ]
}
