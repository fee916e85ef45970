import TCBQCore
import TCBQSandbox
import Testing

@Suite struct ShareStateTests {
  let env = DefaultDataset.unsharedEnvID
  let app = DefaultDataset.appSharingNothing

  @Test func shareIsVisibleAtOnceByDefault() {
    let call = SandboxCall()
    let answer = call.share(env, [app])
    #expect(answer.errcode == 0)
    #expect(answer.array("err_list").isEmpty)
    let links = answer.array("msg_info_list")
    #expect(links.count == 1)
    #expect(links.first?["appid"] as? String == app)
    #expect(
      (links.first?["url"] as? String)?.contains("/__sandbox/confirm?appid=\(app)&env=\(env)")
        == true)
    #expect(call.getEnvIDs([app]).relations[app] == [env])
  }

  @Test func heldShareWaitsForConfirmation() {
    let call = SandboxCall(SandboxConfiguration(holdPending: true))
    #expect(call.share(env, [app]).errcode == 0)
    #expect(call.getEnvIDs([app]).relations[app] == [])
    #expect(call.service.pendingShares == [SandboxShare(appid: app, env: env)])
    #expect(call.service.confirm(appid: app, env: env) == 1)
    #expect(call.getEnvIDs([app]).relations[app] == [env])
    #expect(call.service.pendingShares.isEmpty)
    #expect(call.service.confirm(appid: app, env: env) == 0)
  }

  @Test func unshareRemoves() {
    let call = SandboxCall()
    let before =
      call.getEnvIDs([DefaultDataset.appSharingThree]).relations[DefaultDataset.appSharingThree]
      ?? []
    #expect(before.contains("prod-3fa9c1"))
    let answer = call.unshare("prod-3fa9c1", [DefaultDataset.appSharingThree])
    #expect(answer.errcode == 0)
    #expect(answer.array("err_list").isEmpty)
    #expect(
      call.getEnvIDs([DefaultDataset.appSharingThree]).relations[DefaultDataset.appSharingThree]
        == before.filter { $0 != "prod-3fa9c1" })
    let again = call.unshare("prod-3fa9c1", [DefaultDataset.appSharingThree])
    #expect(again.array("err_list").first?["errmsg"] as? String == "env is not shared with appid")
  }

  @Test func unshareCancelsAPendingShare() {
    let call = SandboxCall(SandboxConfiguration(holdPending: true))
    _ = call.share(env, [app])
    #expect(call.unshare(env, [app]).array("err_list").isEmpty)
    #expect(call.service.pendingShares.isEmpty)
  }

  @Test func shareRefusesPairsOneByOne() {
    let call = SandboxCall()
    let answer = call.share(
      env,
      [
        app, DefaultDataset.appWithoutPrivilege, DefaultDataset.appOfOtherPrincipal,
        "wxffffffffffffffff",
      ])
    #expect(answer.errcode == 0)
    let errors = answer.array("err_list")
    #expect(
      errors.map { $0["appid"] as? String } == [
        DefaultDataset.appWithoutPrivilege, DefaultDataset.appOfOtherPrincipal,
        "wxffffffffffffffff",
      ])
    #expect(errors.allSatisfy { $0["env"] as? String == env })
    #expect(
      errors.map { $0["errmsg"] as? String } == [
        "no qbase privilege", "env and appid belong to different principals",
        "appid not authorized by the component",
      ])
    #expect(answer.array("msg_info_list").count == 1)
  }

  @Test func shareOfUnknownOrUnavailableEnvFails() {
    let call = SandboxCall()
    #expect(
      call.share("prod-000000", [app]).array("err_list").first?["errmsg"] as? String
        == "env not found")
    #expect(
      call.share(DefaultDataset.unavailableEnvID, [app]).array("err_list").first?["errmsg"]
        as? String
        == "env is unavailable")
  }

  @Test func sharingAgainIsHarmless() {
    let call = SandboxCall()
    _ = call.share(env, [app])
    let again = call.share(env, [app])
    #expect(again.errcode == 0)
    #expect(again.array("msg_info_list").isEmpty)
    #expect(call.service.sharedEnvs(of: app) == [env])
  }

  @Test func failedValidationChangesNothing() {
    let call = SandboxCall(SandboxConfiguration(faults: SandboxFaults(maxAppidsPerCall: 1)))
    #expect(call.share(env, [app, DefaultDataset.appSharingThree]).errcode == 40097)
    #expect(call.service.sharedEnvs(of: app).isEmpty)
  }
}
