import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import TCBQCore

/// `Transport` over HTTP with async-http-client: `POST base + path?query` with a JSON body.
///
/// One `HTTPClient` per transport; call `shutdown()` before releasing it (async-http-client
/// stops a debug build whose client is released still running). The body is read whatever the
/// status (WeChat answers errors as HTTP 200 with an errcode, proxies answer 5xx). Failures are
/// mapped to `TransportError`: timeouts to `.timeout`, a refused connection to
/// `.connectionRefused`, connect failures to `.unreachable`, resets to `.connectionFailed`.
public final class HTTPTransport: Transport {
  /// The base URL without a trailing `/`, e.g. `https://api.weixin.qq.com`.
  public let baseURL: String
  private let client: HTTPClient
  private let maxBodyBytes: Int

  /// - Parameters:
  ///   - baseURL: `http://127.0.0.1:8080` or `https://api.weixin.qq.com` (a trailing `/` is
  ///     ignored).
  ///   - connections: the connection pool's size per host: the calls that can be in flight at
  ///     once (`--concurrency`). async-http-client's default is 8, which would cap a larger
  ///     concurrency silently.
  ///   - connectTimeout: how long to wait for a connection before `.unreachable`.
  public init(
    baseURL: String, connections: Int = 8, connectTimeout: Duration = .seconds(5),
    maxBodyBytes: Int = 512 << 20
  ) throws {
    var base = baseURL.trimmingCharacters(in: .whitespaces)
    while base.hasSuffix("/") { base.removeLast() }
    let lower = base.lowercased()
    guard lower.hasPrefix("http://") || lower.hasPrefix("https://"),
      base.split(separator: "/", omittingEmptySubsequences: true).count >= 2
    else {
      throw InvalidEndpoint(endpoint: baseURL)
    }
    self.baseURL = base
    self.maxBodyBytes = maxBodyBytes
    var configuration = HTTPClient.Configuration()
    configuration.connectionPool = HTTPClient.Configuration.ConnectionPool(
      idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: max(1, connections))
    configuration.connectionPool.retryConnectionEstablishment = false
    configuration.timeout.connect = .nanoseconds(
      connectTimeout.components.seconds * 1_000_000_000
        + connectTimeout.components.attoseconds / 1_000_000_000)
    configuration.redirectConfiguration = .disallow
    client = HTTPClient(
      eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
  }

  /// The whole body, gathered from the chunks of `send(_:timeout:receive:)`.
  public func send(_ request: TransportRequest, timeout: Duration) async throws
    -> TransportResponse
  {
    var body: [UInt8] = []
    let status = try await send(request, timeout: timeout) { body.append(contentsOf: $0) }
    return TransportResponse(status: status, body: body)
  }

  /// The body as it arrives, one network read at a time; at most `maxBodyBytes` in all.
  public func send(
    _ request: TransportRequest, timeout: Duration, receive: (ArraySlice<UInt8>) throws -> Void
  ) async throws -> Int {
    do {
      let response = try await client.execute(outgoing(request), deadline: deadline(timeout))
      var total = 0
      for try await buffer in response.body {
        total += buffer.readableBytes
        guard total <= maxBodyBytes else { throw NIOTooManyBytesError(maxBytes: maxBodyBytes) }
        try receive(ArraySlice(buffer.readableBytesView))
      }
      return Int(response.status.code)
    } catch {
      if Task.isCancelled { throw CancellationError() }
      throw HTTPTransport.map(error)
    }
  }

  private func outgoing(_ request: TransportRequest) -> HTTPClientRequest {
    var outgoing = HTTPClientRequest(url: url(for: request))
    outgoing.method = HTTPMethod(rawValue: request.method)
    outgoing.headers.add(name: "Content-Type", value: "application/json")
    outgoing.headers.add(name: "Accept", value: "application/json")
    outgoing.body = .bytes(request.body)
    return outgoing
  }

  private func deadline(_ timeout: Duration) -> NIODeadline {
    NIODeadline.now() + TimeAmount.nanoseconds(nanoseconds(timeout))
  }

  /// Closes the connections. The transport cannot send afterwards.
  public func shutdown() async throws {
    try await client.shutdown()
  }

  /// `base + path + ?query`, the query percent-encoded.
  func url(for request: TransportRequest) -> String {
    var url = baseURL + (request.path.hasPrefix("/") ? request.path : "/" + request.path)
    if !request.query.isEmpty {
      url +=
        "?"
        + request.query.map { "\(percentEncode($0.name))=\(percentEncode($0.value))" }
        .joined(separator: "&")
    }
    return url
  }

  private func nanoseconds(_ duration: Duration) -> Int64 {
    let (seconds, attoseconds) = duration.components
    return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
  }
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
func percentEncode(_ text: String) -> String {
  var encoded = ""
  for byte in text.utf8 {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
      UInt8(ascii: "_"), UInt8(ascii: "~"):
      encoded.append(Character(Unicode.Scalar(byte)))
    default:
      let hex = Array("0123456789ABCDEF")
      encoded += "%\(hex[Int(byte >> 4)])\(hex[Int(byte & 0x0F)])"
    }
  }
  return encoded
}

/// An endpoint that is not an `http://` or `https://` URL with a host.
public struct InvalidEndpoint: Error, Sendable, Hashable, CustomStringConvertible {
  public var endpoint: String
  public var description: String {
    "invalid endpoint '\(endpoint)': expected a URL such as https://api.weixin.qq.com or http://127.0.0.1:8080"
  }
}
