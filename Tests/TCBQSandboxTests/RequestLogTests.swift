import Foundation
import TCBQCore
import TCBQSandbox
import Testing

@Suite struct RequestLogTests {
  @Test func recordsPathAppidsAndErrcodeEvenForRefusedCalls() {
    let call = SandboxCall(SandboxConfiguration(faults: SandboxFaults(maxAppidsPerCall: 1)))
    _ = call.getEnvIDs(["wx30877432d1026706", "wxd7e805da846a32c3"])
    _ = call.share("prod-9e6b58", ["wx29a279764017f2ed"])
    let log = call.service.requestLog
    #expect(log.map(\.sequence) == [1, 2])
    #expect(log[0].path == WeChatPath.batchGetEnvID)
    #expect(log[0].appids == ["wx30877432d1026706", "wxd7e805da846a32c3"])
    #expect(log[0].errcode == 40097)
    #expect(log[1].envs == ["prod-9e6b58"])
    #expect(log[1].errcode == 0)
    #expect(!"\(log)".contains(SandboxConfiguration.defaultToken))
    call.service.resetRequestLog()
    #expect(call.service.requestLog.isEmpty)
  }

  @Test func observerSeesEveryRecord() {
    let seen = Counter()
    let service = SandboxService(configuration: SandboxConfiguration()) { _ in seen.increment() }
    let call = SandboxCall(service: service)
    _ = call.getEnvIDs(["wx30877432d1026706"])
    _ = call.raw("/nowhere", "{}")
    #expect(seen.value == 2)
  }

  @Test func respondMatchesHandleWithoutLatency() async {
    let request = TransportRequest(
      path: WeChatPath.describeCloudBaseRunEnvs,
      query: [.init(name: "access_token", value: SandboxConfiguration.defaultToken)],
      body: Array("{}".utf8))
    let first = SandboxService(), second = SandboxService()
    #expect(await first.respond(to: request) == second.handle(request))
  }
}

/// A thread-safe counter for observer callbacks.
final class Counter: @unchecked Sendable {
  private var count = 0
  private let lock = NSLock()
  func increment() { lock.withLock { count += 1 } }
  var value: Int { lock.withLock { count } }
}
