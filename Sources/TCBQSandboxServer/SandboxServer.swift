import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import TCBQSandbox
import UnixSignals

/// The sandbox served over HTTP on 127.0.0.1 only.
public struct SandboxServer: Sendable {
  public let service: SandboxService
  /// 0 picks a free port.
  public let port: Int

  public init(service: SandboxService, port: Int = 0) {
    self.service = service
    self.port = port
  }

  /// Serves until SIGINT or SIGTERM, or until `lifetime` has passed. `onListening` is called
  /// with the bound port once the server accepts connections (and after the service's
  /// confirmation links point at it).
  public func run(lifetime: Duration? = nil, onListening: @escaping @Sendable (Int) -> Void)
    async throws
  {
    var logger = Logger(label: "tcbq-sandbox")
    logger.logLevel = .error
    let service = self.service
    let app = Application(
      responder: SandboxResponder(service: service),
      configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "tcbq-sandbox"),
      onServerRunning: { channel in
        let bound = channel.localAddress?.port ?? 0
        service.setConfirmationBaseURL("http://127.0.0.1:\(bound)")
        onListening(bound)
      },
      logger: logger)
    let group = ServiceGroup(
      configuration: .init(
        services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
    try await withThrowingTaskGroup(of: Void.self) { tasks in
      if let lifetime {
        tasks.addTask {
          try? await Task.sleep(for: lifetime)
          await group.triggerGracefulShutdown()
        }
      }
      // Ends on SIGINT, SIGTERM or the lifetime, each shutting down gracefully.
      try await group.run()
      tasks.cancelAll()
    }
  }
}
