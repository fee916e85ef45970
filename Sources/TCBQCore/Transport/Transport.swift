/// One HTTP exchange, as bytes. Both transports (HTTP and in-process) carry exactly this, so the
/// embedded sandbox exercises the same encoding as the real service.
public struct TransportRequest: Sendable, Hashable {
  public var method: String
  /// e.g. `/componenttcb/batchgetenvid`
  public var path: String
  /// Query items, e.g. `access_token`. Never log these: `redactedDescription` is safe.
  public var query: [QueryItem]
  public var body: [UInt8]
  public struct QueryItem: Sendable, Hashable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
      self.name = name
      self.value = value
    }
  }
  public init(method: String = "POST", path: String, query: [QueryItem], body: [UInt8]) {
    self.method = method
    self.path = path
    self.query = query
    self.body = body
  }
}

public struct TransportResponse: Sendable, Hashable {
  public var status: Int
  public var body: [UInt8]
  public init(status: Int, body: [UInt8]) {
    self.status = status
    self.body = body
  }
}

/// Sends one request. Throws `TransportError` for failures below HTTP (refused, timed out, reset).
public protocol Transport: Sendable {
  func send(_ request: TransportRequest, timeout: Duration) async throws -> TransportResponse

  /// Sends one request and hands the body to `receive` in chunks as it arrives, returning the
  /// HTTP status: for answers too large to hold whole (describecloudbaserunenvs). The default
  /// reads the whole body with `send` and hands it over as one chunk.
  func send(
    _ request: TransportRequest, timeout: Duration, receive: (ArraySlice<UInt8>) throws -> Void
  ) async throws -> Int
}

extension Transport {
  public func send(
    _ request: TransportRequest, timeout: Duration, receive: (ArraySlice<UInt8>) throws -> Void
  ) async throws -> Int {
    let response = try await send(request, timeout: timeout)
    try receive(response.body[...])
    return response.status
  }
}
