import Foundation
import TCBQCore
import TCBQSandbox
import Testing

@Suite struct FaultTests {
  let app = DefaultDataset.appSharingThree

  @Test func busyFirstAnswersSystemErrorThenRecovers() {
    let call = SandboxCall(SandboxConfiguration(faults: SandboxFaults(busyFirst: 2)))
    let answers = (0..<3).map { _ in call.getEnvIDs([app]) }
    #expect(answers.map(\.errcode) == [-1, -1, 0])
    #expect(answers[0].status == 200)
    #expect(answers[0].errmsg.hasPrefix("system error rid: "))
    #expect(call.service.requestLog.map(\.fault) == ["busy", "busy", nil])
  }

  @Test func busyCallsChangeNothing() {
    let call = SandboxCall(SandboxConfiguration(faults: SandboxFaults(busyFirst: 1)))
    #expect(
      call.share(DefaultDataset.unsharedEnvID, [DefaultDataset.appSharingNothing]).errcode == -1)
    #expect(call.service.sharedEnvs(of: DefaultDataset.appSharingNothing).isEmpty)
    #expect(call.service.quotaUsed(for: "/componenttcb/batchshareenv") == 0)
  }

  @Test func busyRateIsSeededAndReproducible() {
    func run(seed: UInt64) -> [Int] {
      let call = SandboxCall(SandboxConfiguration(seed: seed, faults: SandboxFaults(busyRate: 0.5)))
      let appid = call.service.configuration.makeDataset().apps[0].appid
      return (0..<40).map { _ in call.getEnvIDs([appid]).errcode }
    }
    let first = run(seed: 9)
    #expect(first == run(seed: 9))
    #expect(first.contains(-1))
    #expect(first.contains { $0 != -1 })
  }

  @Test func http500FirstAnswersStatus500() {
    let call = SandboxCall(SandboxConfiguration(faults: SandboxFaults(http500First: 1)))
    let failed = call.raw("/componenttcb/batchgetenvid", #"{"appids":["\#(app)"],"source_type":1}"#)
    #expect(failed.status == 500)
    #expect((try? JSONSerialization.jsonObject(with: Data(failed.body))) == nil)
    #expect(call.getEnvIDs([app]).status == 200)
  }

  @Test func http500RateHitsSomeCalls() {
    let call = SandboxCall(SandboxConfiguration(seed: 2, faults: SandboxFaults(http500Rate: 0.3)))
    let statuses = (0..<50).map { _ in call.getEnvIDs([app]).status }
    #expect(statuses.contains(500))
    #expect(statuses.contains(200))
  }

  @Test func truncatedAnswerIsInvalidJSONButTakesEffect() {
    let call = SandboxCall(SandboxConfiguration(faults: SandboxFaults(truncateFirst: 1)))
    let cut = call.share(DefaultDataset.unsharedEnvID, [DefaultDataset.appSharingNothing])
    #expect(cut.status == 200)
    #expect(cut.object.isEmpty)
    #expect(cut.text.hasPrefix(#"{"errcode":0"#))
    #expect(
      call.service.sharedEnvs(of: DefaultDataset.appSharingNothing) == [
        DefaultDataset.unsharedEnvID
      ])
    #expect(call.getEnvIDs([app]).errcode == 0)
  }

  @Test func truncateRateHitsSomeCalls() {
    let call = SandboxCall(SandboxConfiguration(seed: 4, faults: SandboxFaults(truncateRate: 0.3)))
    let decoded = (0..<50).map { _ in !call.getEnvIDs([app]).object.isEmpty }
    #expect(decoded.contains(true))
    #expect(decoded.contains(false))
  }

  @Test func tokenExpiresAfterNCallsAndAFreshOneWorks() {
    let call = SandboxCall(SandboxConfiguration(faults: SandboxFaults(expireTokenAfter: 2)))
    #expect((0..<4).map { _ in call.getEnvIDs([app]).errcode } == [0, 0, 42001, 42001])
    var fresh = call
    fresh.token = mintToken(call.service)
    #expect(fresh.getEnvIDs([app]).errcode == 0)
  }

  @Test func maxAppidsRefusesBiggerBatches() {
    let call = SandboxCall(SandboxConfiguration(faults: SandboxFaults(maxAppidsPerCall: 2)))
    #expect(call.getEnvIDs([app, DefaultDataset.appSharingNothing]).errcode == 0)
    #expect(
      call.getEnvIDs([app, DefaultDataset.appSharingNothing, DefaultDataset.officialAccount])
        .errcode
        == 40097)
  }

  @Test func overHTTPAWriteTakesEffectWhenItArrivesAndItsAnswerComesAfterTheLatency() async throws {
    let env = DefaultDataset.unsharedEnvID
    let app = DefaultDataset.appSharingNothing
    let service = SandboxService(
      configuration: SandboxConfiguration(faults: SandboxFaults(latencyMilliseconds: 600_000)))
    let request = TransportRequest(
      path: "/componenttcb/batchshareenv",
      query: [.init(name: "access_token", value: SandboxConfiguration.defaultToken)],
      body: Array(#"{"data":[{"env":"\#(env)","appids":["\#(app)"]}],"source_type":1}"#.utf8))
    let answer = Task { await service.respond(to: request) }
    // The share is made as the request arrives; its answer is ten minutes away.
    var waited = 0
    while service.sharedEnvs(of: app).isEmpty && waited < 2000 {
      try await Task.sleep(for: .milliseconds(25))
      waited += 1
    }
    #expect(service.sharedEnvs(of: app) == [env])
    #expect(service.requestLog.map(\.path) == ["/componenttcb/batchshareenv"])
    // Cancelled, the wait ends early with the answer as it was made.
    answer.cancel()
    #expect(Answer(await answer.value).errcode == 0)
  }

  @Test func inProcessTransportTimesOutWhenLatencyIsLonger() async throws {
    let transport = InProcessTransport(
      configuration: SandboxConfiguration(faults: SandboxFaults(latencyMilliseconds: 200)))
    let request = TransportRequest(
      path: "/componenttcb/describecloudbaserunenvs",
      query: [.init(name: "access_token", value: SandboxConfiguration.defaultToken)],
      body: Array("{}".utf8))
    await #expect(throws: TransportError.timeout) {
      _ = try await transport.send(request, timeout: .milliseconds(20))
    }
    #expect(transport.service.requestLog.isEmpty)
    let answer = Answer(try await transport.send(request, timeout: .seconds(30)))
    #expect(answer.errcode == 0)
    #expect(answer.array("env_list").count == 12)
  }
}

/// Mints a token with the default component credentials.
func mintToken(_ service: SandboxService) -> String? {
  let body =
    #"{"component_appid":"wx0123456789abcdef","component_appsecret":"sandbox-secret","component_verify_ticket":"sandbox-ticket"}"#
  let answer = Answer(
    service.handle(
      TransportRequest(
        path: "/cgi-bin/component/api_component_token", query: [], body: Array(body.utf8))))
  return answer.object["component_access_token"] as? String
}
