/// A failure below the API: the request got no usable HTTP answer.
///
/// A struct around a private kind, so new kinds can be added without breaking callers; compare
/// with the static constants (`error == .timeout`) or use the properties.
public struct TransportError: Error, Sendable, Hashable, CustomStringConvertible {
  private enum Kind: Sendable, Hashable {
    case timeout
    case connectionRefused
    case connectionFailed(String)
    case unreachable(String)
    case httpStatus(Int)
    case undecodableBody
    case cancelled
  }

  private let kind: Kind

  private init(_ kind: Kind) {
    self.kind = kind
  }

  /// No answer within the per-call timeout. For a write the outcome is unknown.
  public static let timeout = TransportError(.timeout)
  /// The host refused the connection: the request was surely not processed.
  public static let connectionRefused = TransportError(.connectionRefused)
  /// The connection failed or was reset, possibly after the request was sent.
  public static func connectionFailed(_ reason: String) -> TransportError {
    TransportError(.connectionFailed(reason))
  }
  /// No connection could be made (DNS failure, connect timeout, no route): the request was
  /// surely not sent.
  public static func unreachable(_ reason: String) -> TransportError {
    TransportError(.unreachable(reason))
  }
  /// An HTTP status other than 2xx, with a body that carries no errcode.
  public static func httpStatus(_ status: Int) -> TransportError {
    TransportError(.httpStatus(status))
  }
  /// The body is not the JSON the call answers (truncated, HTML from a proxy, …).
  public static let undecodableBody = TransportError(.undecodableBody)
  /// The request was cancelled.
  public static let cancelled = TransportError(.cancelled)

  /// The status of an `httpStatus` error.
  public var httpStatus: Int? {
    if case .httpStatus(let status) = kind { return status }
    return nil
  }

  /// The reason of a `connectionFailed` or `unreachable` error.
  public var connectionFailureReason: String? {
    switch kind {
    case .connectionFailed(let reason), .unreachable(let reason): reason
    default: nil
    }
  }

  /// True when the request surely never reached the service (connection refused, no
  /// connection made), so even a
  /// write may be sent again.
  public var requestSurelyNotProcessed: Bool {
    switch kind {
    case .connectionRefused, .unreachable: true
    default: false
    }
  }

  /// True for the failures a read retries: timeouts, connection problems, HTTP 5xx and
  /// undecodable bodies.
  public var isRetryable: Bool {
    switch kind {
    case .timeout, .connectionRefused, .connectionFailed, .unreachable, .undecodableBody: true
    case .httpStatus(let status): (500...599).contains(status)
    case .cancelled: false
    }
  }

  public var description: String {
    switch kind {
    case .timeout: "no answer from the API within the timeout (set by 'timeout' in the config file)"
    case .connectionRefused:
      "connection refused by the API host (check --endpoint or TCBQ_ENDPOINT, and that the service is up)"
    case .connectionFailed(let reason): "connection to the API failed: \(reason)"
    case .unreachable(let reason): "could not connect to the API: \(reason)"
    case .httpStatus(let status): "the API answered HTTP \(status) without an errcode"
    case .undecodableBody: "the API's answer could not be read (truncated or not the expected JSON)"
    case .cancelled: "the request was cancelled"
    }
  }
}
