import Foundation
import TCBQCore
import TCBQSandbox
import Testing

@Suite struct DescribeEnvsTests {
  @Test func answersEveryFieldOfTheDefaultDataset() throws {
    let answer = SandboxCall().json("/componenttcb/describecloudbaserunenvs", "{}")
    #expect(answer.errcode == 0)
    #expect(answer.errmsg == "ok")
    let envs = answer.array("env_list")
    #expect(envs.count == 12)
    let mall = try #require(envs.first { $0["env_id"] as? String == "prod-3fa9c1" })
    #expect(
      Set(mall.keys) == [
        "env_id", "alias", "source", "create_time", "update_time", "status", "databases",
        "storages",
        "functions", "package_id", "package_name", "log_services", "static_storages",
        "is_auto_degrade", "env_channel", "pay_mode", "is_default", "region", "tags",
        "custom_log_services",
      ])
    let storage = try #require((mall["storages"] as? [[String: Any]])?.first)
    #expect(storage["app_id"] is String)
    #expect(mall["is_default"] as? Bool == true)
    #expect(answer.text.contains(#""package_name":"专业版""#))
  }

  @Test func emptyArraysComeAsNullOrAbsent() throws {
    let envs = SandboxCall().json("/componenttcb/describecloudbaserunenvs", "{}").array("env_list")
    let dev = try #require(envs.first { $0["env_id"] as? String == "dev-1c9b3e" })
    #expect(dev["storages"] is NSNull)
    let staging = try #require(envs.first { $0["env_id"] as? String == "staging-4d02af" })
    #expect(staging["tags"] == nil)
    #expect(staging["alias"] == nil)
    #expect(staging["storages"] != nil)
  }

  @Test func acceptsAnyObjectBody() {
    #expect(SandboxCall().json("/componenttcb/describecloudbaserunenvs", #"{"x":1}"#).errcode == 0)
  }
}
