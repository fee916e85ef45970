import TCBQCore

/// Builds a realistic dataset of any size from a seed: the same seed and sizes give byte-identical
/// data. 100,000 environments and 200,000 apps take a few seconds.
public enum SandboxGenerator {
  /// The principal that owns the provider's environments and most of its apps.
  public static let providerPrincipal = "深圳市云栈科技有限公司"
  /// The principals of the other apps (about 8%), each holding a few.
  static let otherPrincipals = [
    "广州市示例餐饮有限公司", "杭州橙果网络有限公司", "北京青禾教育科技有限公司", "上海蓝鲸文化传媒有限公司",
    "成都市木棉商贸有限公司", "武汉星河信息技术有限公司", "南京白鹭健康管理有限公司", "厦门金穗物流有限公司",
  ]

  /// A dataset of `envs` environments and `apps` authorized accounts; each mini program with
  /// cloud privilege of the provider's principal shares 0–3 environments.
  public static func dataset(seed: UInt64, envs envCount: Int, apps appCount: Int) -> SandboxDataset
  {
    var random = SeededRandom(seed: seed)
    let idKey = SeededRandom.mix(seed ^ 0x5EED_0000_0000_0001)
    let envs = (0..<max(0, envCount)).map { index in
      makeEnv(index: index, idKey: idKey, random: &random)
    }
    var apps: [SandboxApp] = []
    apps.reserveCapacity(max(0, appCount))
    var shares: [String: [String]] = [:]
    let appKey = SeededRandom.mix(seed ^ 0x5EED_0000_0000_0002)
    for index in 0..<max(0, appCount) {
      let app = makeApp(index: index, appKey: appKey, random: &random)
      apps.append(app)
      guard app.kind == .miniProgram, app.hasCloudPrivilege, app.principal == providerPrincipal,
        !envs.isEmpty
      else { continue }
      let count = min(envs.count, [0, 0, 1, 1, 1, 2, 2, 3][random.below(8)])
      var chosen: [String] = []
      while chosen.count < count {
        let envID = envs[random.below(envs.count)].envID
        if !chosen.contains(envID) { chosen.append(envID) }
      }
      if !chosen.isEmpty { shares[app.appid] = chosen }
    }
    return SandboxDataset(envs: envs, apps: apps, shares: shares)
  }

  // MARK: - Environments

  static let envPrefixes = ["prod", "prod", "prod", "test", "test", "dev", "staging", "gray"]
  static let aliasWords = [
    "mall", "shop", "order", "pay", "im", "live", "crm", "coupon", "member", "report", "cms", "ops",
    "search", "video", "game", "news",
  ]
  static let aliasSuffixes = ["", "", "-api", "-svc", "-web", "-v2", "2", "-Prod", "-test"]
  static let packages: [(String, String)] = [
    ("standard", "标准版"), ("basic1", "基础版 1"), ("basic2", "基础版 2"), ("pro", "专业版"),
    ("flagship", "旗舰版"), ("", ""),
  ]
  static let databaseStatuses = [
    "RUNNING", "RUNNING", "RUNNING", "RUNNING", "RUNNING", "RUNNING", "OVERDUE", "INITIALIZING",
    "UNUSABLE",
  ]
  static let staticStatuses = ["online", "online", "online", "process", "offline", "init"]
  static let payModes = [
    "prepayment", "PREPAYMENT", "Prepayment", "postpaid", "POSTPAID", "Postpaid",
  ]
  static let tagPool: [(String, String)] = [
    ("env", "prod"), ("env", "test"), ("team", "交易组"), ("team", "会员中心"), ("owner", "张三"),
    ("owner", "li.wei"), ("cost-center", "市场部"), ("project", "商城"), ("tier", "gold"),
  ]
  static let regions = [
    "ap-shanghai", "ap-shanghai", "ap-shanghai", "ap-shanghai", "ap-shanghai", "ap-shanghai",
    "ap-shanghai", "ap-shanghai", "ap-guangzhou", "ap-beijing",
  ]

  static func makeEnv(index: Int, idKey: UInt64, random: inout SeededRandom) -> SandboxEnv {
    // An affine map of the index modulo 2^24 is a bijection, so ids never collide.
    let suffix = (UInt64(index) &* 0x9E_3779 &+ idKey) & 0xFF_FFFF
    let envID = "\(random.pick(envPrefixes))-\(hexString(suffix, digits: 6))"
    let region = random.pick(regions)
    let created = 1_577_808_000 + Int64(random.below(150_000_000))
    let updated = created + Int64(random.below(40_000_000))
    let cloudAppID = String(1_250_000_000 + random.below(9_000_000))
    let package = random.pick(packages)

    var env = SandboxEnv(
      envID: envID,
      alias: random.chance(90) ? random.pick(aliasWords) + random.pick(aliasSuffixes) : nil,
      source: random.chance(80) ? "miniapp" : "qcloud",
      createTime: beijingTime(created),
      updateTime: beijingTime(updated),
      status: random.chance(92) ? "NORMAL" : "UNAVAILABLE",
      packageID: random.chance(95) ? package.0 : nil,
      packageName: random.chance(95) ? package.1 : nil,
      isAutoDegrade: random.chance(20),
      envChannel: "wxrun",
      payMode: random.chance(97) ? random.pick(payModes) : nil,
      isDefault: random.chance(5),
      region: region,
      principal: providerPrincipal)

    for _ in 0..<random.pick([0, 1, 1, 1, 2]) {
      env.databases.append(
        .init(
          instanceID: "tnt-\(hexString(random.next(), digits: 8))",
          status: random.pick(databaseStatuses), region: region))
    }
    if random.chance(85) {
      env.storages.append(storage(envID: envID, region: region, appID: cloudAppID))
    }
    if random.chance(75) {
      env.functions.append(.init(namespace: envID, region: region))
    }
    if random.chance(60) {
      env.logServices.append(
        .init(
          logsetName: "tcb-logset-\(envID)", logsetID: uuid(&random),
          topicName: "tcb-topic-\(envID)", topicID: uuid(&random), region: region))
    }
    if random.chance(55) {
      env.staticStorages.append(
        staticStorage(
          envID: envID, region: region, appID: cloudAppID, status: random.pick(staticStatuses)))
    }
    for _ in 0..<random.pick([0, 0, 1, 2, 3]) {
      let tag = random.pick(tagPool)
      if !env.tags.contains(where: { $0.key == tag.0 }) {
        env.tags.append(.init(key: tag.0, value: tag.1))
      }
    }
    if random.chance(30) {
      let time = created + Int64(random.below(10_000_000))
      env.customLogServices.append(
        .init(
          clsRegion: region, clsLogsetID: uuid(&random), clsTopicID: uuid(&random),
          createTime: beijingTime(time, iso: random.chance(40))))
    }
    // How the service writes empty arrays varies: mostly [], sometimes null, sometimes absent.
    let style = random.below(10)
    if style == 8 { env.nullArrays = .all } else if style == 9 { env.absentArrays = .all }
    return env
  }

  static func storage(envID: String, region: String, appID: String) -> SandboxEnv.Storage {
    .init(
      region: region, bucket: "7072-\(envID)-\(appID)",
      cdnDomain: "7072-\(envID)-\(appID).tcb.qcloud.la", appID: appID)
  }

  static func staticStorage(envID: String, region: String, appID: String, status: String)
    -> SandboxEnv.StaticStorage
  {
    .init(
      staticDomain: "\(envID)-\(appID).tcloudbaseapp.com", defaultDirName: "/", status: status,
      region: region, bucket: "7374-\(envID)-\(appID)")
  }

  static func uuid(_ random: inout SeededRandom) -> String {
    let high = random.next()
    let low = random.next()
    return "\(hexString(high >> 32, digits: 8))-\(hexString(high >> 16, digits: 4))-"
      + "\(hexString(high, digits: 4))-\(hexString(low >> 48, digits: 4))-\(hexString(low, digits: 12))"
  }

  // MARK: - Apps

  static func makeApp(index: Int, appKey: UInt64, random: inout SeededRandom) -> SandboxApp {
    // mix is a bijection, so distinct indexes give distinct appids.
    let appid = "wx" + hexString(SeededRandom.mix(appKey &+ UInt64(index)), digits: 16)
    let isOfficialAccount = random.chance(10)
    return SandboxApp(
      appid: appid,
      authTime: 1_546_300_800 + Int64(random.below(200_000_000)),
      refreshToken: random.chance(92)
        ? "refreshtoken@@@\(hexString(random.next(), digits: 16))\(hexString(random.next(), digits: 16))"
        : nil,
      kind: isOfficialAccount ? .officialAccount : .miniProgram,
      hasCloudPrivilege: !isOfficialAccount && random.chance(90),
      principal: random.chance(92) ? providerPrincipal : random.pick(otherPrincipals))
  }
}
