import TCBQCore

/// The checks every token-authenticated call goes through, in the real service's order.
extension SandboxService {
  /// 43002, 41001, 40014, 42001, 45009, 44002, 47001 (not a JSON object): returns the body.
  func authenticate(_ request: TransportRequest, _ state: inout SandboxState)
    throws(SandboxErrorCode) -> JSONValue
  {
    guard request.method.uppercased() == "POST" else { throw .requirePOST }
    // `access_token`, or `component_access_token` as the component docs spell it.
    let named = { (name: String) in request.query.first { $0.name == name }?.value }
    guard let token = named("access_token") ?? named("component_access_token"), !token.isEmpty
    else { throw .tokenMissing }
    guard let uses = state.tokenUses[token] else { throw .invalidToken }
    if let limit = configuration.faults.expireTokenAfter, uses >= limit { throw .tokenExpired }
    state.tokenUses[token] = uses + 1
    try spendQuota(request.path, &state)
    return try parseBody(request.body)
  }

  /// 45009 once the path's daily limit is spent; otherwise counts the call.
  func spendQuota(_ path: String, _ state: inout SandboxState) throws(SandboxErrorCode) {
    let used = state.quotaUsed[path] ?? 0
    guard used < configuration.dailyLimits.limit(for: path) else { throw .dailyQuota }
    state.quotaUsed[path] = used + 1
  }

  /// 44002 for an empty body, 47001 for one that is not a JSON object.
  func parseBody(_ body: [UInt8]) throws(SandboxErrorCode) -> JSONValue {
    guard !body.isEmpty else { throw .emptyPostData }
    guard let value = JSONValue.parse(body), case .object = value else { throw .dataFormat }
    return value
  }

  /// The appids and env ids a request names, for the request log, whatever its validity.
  static func requestedIDs(_ body: [UInt8]) -> (appids: [String], envs: [String]) {
    guard !body.isEmpty, let value = JSONValue.parse(body) else { return ([], []) }
    var appids = value["appids"]?.stringArray ?? []
    if case .string(let appid)? = value["authorizer_appid"] { appids.append(appid) }
    var envs: [String] = []
    if case .array(let items)? = value["data"] {
      for item in items {
        appids += item["appids"]?.stringArray ?? []
        if case .string(let env)? = item["env"] { envs.append(env) }
      }
    }
    return (appids, envs)
  }

  /// The maximum of appids in one call, when that fault is set: 40097 over it.
  func checkAppidCount(_ count: Int) throws(SandboxErrorCode) {
    if let limit = configuration.faults.maxAppidsPerCall, count > limit { throw .invalidArgs }
  }
}

/// Typed access to request fields. A field present with `null` counts as missing.
extension JSONValue {
  var isNull: Bool {
    if case .null = self { return true }
    return false
  }

  var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  var integerValue: Int64? {
    if case .integer(let number) = self { return number }
    return nil
  }

  /// The elements when this is an array of strings only.
  var stringArray: [String]? {
    guard case .array(let elements) = self else { return nil }
    var strings: [String] = []
    for element in elements {
      guard case .string(let text) = element else { return nil }
      strings.append(text)
    }
    return strings
  }

  /// The member `key` unless absent or null.
  func field(_ key: String) -> JSONValue? {
    guard let value = self[key], !value.isNull else { return nil }
    return value
  }
}

/// Distinct elements in their first order.
func uniqued(_ items: [String]) -> [String] {
  var seen = Set<String>(minimumCapacity: items.count)
  return items.filter { seen.insert($0).inserted }
}
