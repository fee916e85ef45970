extension TransportRequest: CustomStringConvertible, CustomDebugStringConvertible,
  CustomReflectable
{
  /// Query item names whose values are secrets.
  static func isSecret(_ name: String) -> Bool {
    let name = name.lowercased()
    return name.contains("token") || name.contains("secret") || name.contains("ticket")
  }

  /// The query string with secrets replaced by `<redacted>`, e.g. `access_token=<redacted>`.
  public var redactedQuery: String {
    query.map { "\($0.name)=\(TransportRequest.isSecret($0.name) ? "<redacted>" : $0.value)" }
      .joined(separator: "&")
  }

  /// Safe to log: method, path, the query with the token redacted, and the body's size (bodies
  /// may hold the app secret, so they are never shown).
  public var redactedDescription: String {
    let query = redactedQuery
    return "\(method) \(path)\(query.isEmpty ? "" : "?" + query) (\(body.count) bytes)"
  }

  public var description: String { redactedDescription }
  public var debugDescription: String { redactedDescription }

  public var customMirror: Mirror {
    Mirror(
      self,
      children: ["method": method, "path": path, "query": redactedQuery, "bodyBytes": body.count])
  }
}

extension TransportRequest.QueryItem: CustomStringConvertible, CustomDebugStringConvertible,
  CustomReflectable
{
  public var description: String {
    "\(name)=\(TransportRequest.isSecret(name) ? "<redacted>" : value)"
  }
  public var debugDescription: String { description }
  public var customMirror: Mirror {
    Mirror(self, children: ["description": description])
  }
}
