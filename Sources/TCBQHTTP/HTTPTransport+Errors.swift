import AsyncHTTPClient
import NIOCore
import NIOPosix
import TCBQCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension HTTPTransport {
  /// Maps async-http-client and NIO failures to `TransportError`.
  static func map(_ error: any Error) -> any Error {
    switch error {
    case let error as TransportError:
      return error
    case is CancellationError:
      return TransportError.cancelled
    case let error as HTTPClientError:
      switch error {
      case .deadlineExceeded, .readTimeout, .writeTimeout: return TransportError.timeout
      case .connectTimeout, .tlsHandshakeTimeout, .getConnectionFromPoolTimeout:
        return TransportError.unreachable("\(error)")
      case .remoteConnectionClosed:
        return TransportError.connectionFailed("the server closed the connection")
      case .cancelled: return TransportError.cancelled
      default: return TransportError.connectionFailed("\(error)")
      }
    case let error as NIOConnectionError:
      let refused = error.connectionErrors.contains { failure in
        (failure.error as? IOError)?.errnoCode == ECONNREFUSED
      }
      if refused { return TransportError.connectionRefused }
      return TransportError.unreachable("\(error)")
    case let error as IOError:
      if error.errnoCode == ECONNREFUSED { return TransportError.connectionRefused }
      if error.errnoCode == ECONNRESET || error.errnoCode == EPIPE {
        return TransportError.connectionFailed("connection reset")
      }
      return TransportError.connectionFailed("\(error)")
    case is NIOTooManyBytesError:
      return TransportError.undecodableBody
    case let error as ChannelError:
      if case .connectTimeout = error { return TransportError.unreachable("connect timeout") }
      return TransportError.connectionFailed("\(error)")
    default:
      return TransportError.connectionFailed("\(error)")
    }
  }
}
