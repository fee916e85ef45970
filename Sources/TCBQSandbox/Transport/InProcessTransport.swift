import TCBQCore

/// A `Transport` that hands the request bytes to a `SandboxService` in the same process, so the
/// embedded sandbox exercises the same encoding and decoding as the HTTP transport.
public struct InProcessTransport: Transport {
  public let service: SandboxService

  public init(service: SandboxService) {
    self.service = service
  }

  /// A transport over a fresh service with `configuration`.
  public init(configuration: SandboxConfiguration = SandboxConfiguration()) {
    self.service = SandboxService(configuration: configuration)
  }

  /// Sleeps the configured latency (throwing `TransportError.timeout` when it is longer than
  /// `timeout`, with the request unprocessed), then answers as the service does.
  public func send(_ request: TransportRequest, timeout: Duration) async throws -> TransportResponse
  {
    let latency = Duration.milliseconds(service.configuration.faults.latencyMilliseconds)
    if latency > .zero {
      do {
        // No tolerance: the default lets the timer fire up to a tenth late (2 ms of 20).
        try await Task.sleep(for: min(latency, timeout), tolerance: .zero)
      } catch {
        throw TransportError.cancelled
      }
      if latency > timeout { throw TransportError.timeout }
    }
    return service.handle(request)
  }
}
