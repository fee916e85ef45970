import Foundation
import TCBQCore
import Testing

@testable import TCBQHTTP

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `HTTPTransport` and `WeChatClient` over loopback HTTP: the real `tcbq-sandbox` binary, a
/// closed port, and a socket that never answers.
@Suite(.serialized) struct HTTPTransportTests {
  @Test func clientOverHTTPAgainstTheSandbox() async throws {
    // A long lifetime: under a sanitizer with the whole suite running this test can take minutes.
    let sandbox = try await SandboxProcess.start(
      ["--max-appids", "3", "--busy-first", "1"], lifetime: 900)
    defer { sandbox.stop() }
    try await withTransport(sandbox.baseURL + "/") { transport in
      let ledger = CallLedger()
      let tokens = ComponentTokenProvider(
        componentAppID: "wx0123456789abcdef", appSecret: "sandbox-secret",
        verifyTicket: "sandbox-ticket", transport: transport, ledger: ledger)
      let client = WeChatClient(
        transport: transport, tokens: tokens,
        configuration: ClientConfiguration(
          batchSize: 10, concurrency: 2, baseDelay: .milliseconds(5), maxDelay: .milliseconds(20),
          maxRetryTime: .seconds(3600), timeout: .seconds(120), componentAppID: "wx0123456789abcdef"
        ),
        ledger: ledger)
      let apps = try await client.authorizers()
      #expect(apps.count == 40)
      let shares = try await client.sharedEnvs(of: apps.map(\.appid))
      #expect(shares.relations.count + shares.failures.count == 40)
      #expect(client.discoveredBatchLimit == 3)
      #expect(try await !client.describeEnvs().isEmpty)
      // --busy-first 1: the first call (the mint) answers -1 and is retried.
      #expect(ledger.snapshot()[WeChatPath.componentToken]?.calls == 2)
      #expect(await tokens.mintCount == 1)
    }
  }

  @Test func non200BodiesAreRead() async throws {
    let sandbox = try await SandboxProcess.start(["--http500-first", "1"])
    defer { sandbox.stop() }
    try await withTransport(sandbox.baseURL) { transport in
      let request = TransportRequest(
        path: WeChatPath.describeCloudBaseRunEnvs,
        query: [.init(name: "access_token", value: "sandbox-token")], body: Array("{}".utf8))
      let first = try await transport.send(request, timeout: .seconds(10))
      #expect(first.status == 500)
      let second = try await transport.send(request, timeout: .seconds(10))
      #expect(second.status == 200)
      #expect(String(decoding: second.body, as: UTF8.self).contains("env_list"))
    }
  }

  @Test func aClosedPortIsConnectionRefused() async throws {
    let port = try LoopbackSocket.freePort()
    try await withTransport("http://127.0.0.1:\(port)") { transport in
      let request = TransportRequest(path: "/x", query: [], body: [])
      await #expect(throws: TransportError.connectionRefused) {
        try await transport.send(request, timeout: .seconds(5))
      }
    }
  }

  @Test func aSilentServerTimesOut() async throws {
    let socket = try LoopbackSocket.listening()
    defer { socket.close() }
    try await withTransport("http://127.0.0.1:\(socket.port)") { transport in
      let request = TransportRequest(path: "/x", query: [], body: [])
      await #expect(throws: TransportError.timeout) {
        try await transport.send(request, timeout: .milliseconds(300))
      }
    }
  }

  @Test func urlsArePercentEncoded() throws {
    let transport = try HTTPTransport(baseURL: "https://api.weixin.qq.com")
    let request = TransportRequest(
      path: "/cgi-bin/openapi/quota/get",
      query: [.init(name: "access_token", value: "a+b/c=d&e f")], body: [])
    #expect(
      transport.url(for: request)
        == "https://api.weixin.qq.com/cgi-bin/openapi/quota/get?access_token=a%2Bb%2Fc%3Dd%26e%20f")
    try transport.shutdownSync()
  }

  @Test(arguments: ["", "api.weixin.qq.com", "ftp://x", "http://"])
  func invalidEndpointsAreRefused(endpoint: String) {
    #expect(throws: InvalidEndpoint.self) { try HTTPTransport(baseURL: endpoint) }
  }
}

/// Runs `body` with a transport to `baseURL` and shuts the transport down however `body` ends
/// (async-http-client stops the process when a client is released unshut).
private func withTransport(
  _ baseURL: String, _ body: (HTTPTransport) async throws -> Void
) async throws {
  let transport = try HTTPTransport(baseURL: baseURL)
  do {
    try await body(transport)
  } catch {
    try? await transport.shutdown()
    throw error
  }
  try await transport.shutdown()
}

extension HTTPTransport {
  fileprivate func shutdownSync() throws {
    let done = DispatchSemaphore(value: 0)
    Task {
      try? await self.shutdown()
      done.signal()
    }
    done.wait()
  }
}

/// A TCP socket on 127.0.0.1 that listens and never accepts: connections complete (the
/// backlog) but no answer ever comes.
struct LoopbackSocket {
  struct Failure: Error {}
  let descriptor: Int32
  let port: Int

  static func listening() throws -> LoopbackSocket {
    #if canImport(Glibc)
      let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
      let descriptor = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard descriptor >= 0 else { throw Failure() }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
        bind(descriptor, address, length) == 0 && listen(descriptor, 8) == 0
          && getsockname(descriptor, address, &length) == 0
      }
    }
    guard bound else {
      _ = systemClose(descriptor)
      throw Failure()
    }
    return LoopbackSocket(descriptor: descriptor, port: Int(UInt16(bigEndian: address.sin_port)))
  }

  /// A port nothing listens on (bound, then closed).
  static func freePort() throws -> Int {
    let socket = try listening()
    socket.close()
    return socket.port
  }

  func close() {
    _ = systemClose(descriptor)
  }
}

private func systemClose(_ descriptor: Int32) -> Int32 {
  #if canImport(Glibc)
    Glibc.close(descriptor)
  #else
    Darwin.close(descriptor)
  #endif
}
