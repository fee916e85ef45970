import TCBQCore
import TCBQSandbox
import Testing

@Suite struct QuotaTests {
  let app = DefaultDataset.appSharingThree

  @Test func usedCountsAcceptedCalls() {
    let call = SandboxCall()
    for _ in 0..<3 { _ = call.getEnvIDs([app]) }
    var badToken = call
    badToken.token = "nope"
    _ = badToken.getEnvIDs([app])
    let answer = call.quota("/componenttcb/batchgetenvid")
    #expect(answer.errcode == 0)
    let quota = answer.object["quota"] as? [String: Int]
    #expect(quota == ["daily_limit": 100_000, "used": 3, "remain": 99_997])
    #expect(
      (answer.object["rate_limit"] as? [String: Int])?.keys.sorted() == [
        "call_count", "refresh_second",
      ])
    #expect(answer.object["component_rate_limit"] != nil)
  }

  @Test func otherPathsDefaultToTenThousand() {
    let quota = SandboxCall().quota("/componenttcb/batchshareenv").object["quota"] as? [String: Int]
    #expect(quota == ["daily_limit": 10_000, "used": 0, "remain": 10_000])
  }

  @Test func spentQuotaAnswers45009() {
    let limits = SandboxQuotaLimits(
      defaultLimit: 10_000, perPath: ["/componenttcb/batchgetenvid": 2])
    let call = SandboxCall(SandboxConfiguration(dailyLimits: limits))
    let codes = (0..<3).map { _ in call.getEnvIDs([app]).errcode }
    #expect(codes == [0, 0, 45009])
    #expect(call.getEnvIDs([app]).errmsg.hasPrefix("reach max api daily quota limit rid: "))
    let quota = call.quota("/componenttcb/batchgetenvid").object["quota"] as? [String: Int]
    #expect(quota == ["daily_limit": 2, "used": 2, "remain": 0])
    // Other paths are unaffected.
    #expect(call.json("/componenttcb/describecloudbaserunenvs", "{}").errcode == 0)
  }

  @Test func tokenCallHasItsOwnQuota() {
    let limits = SandboxQuotaLimits(defaultLimit: 1, perPath: [:])
    let service = SandboxService(configuration: SandboxConfiguration(dailyLimits: limits))
    #expect(mintToken(service) != nil)
    #expect(mintToken(service) == nil)
  }

  @Test func unknownAndMalformedPaths() {
    let call = SandboxCall()
    #expect(call.quota("/cgi-bin/nothing/here").errcode == 76021)
    #expect(call.quota("componenttcb/batchgetenvid").errcode == 76003)
  }
}
