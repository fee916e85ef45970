/// Who the embedded dataset's apps are, by hand, so the documentation can name them.
extension DefaultDataset {
  /// A mini program whose account is banned (`account_status` 16).
  public static let bannedApp = "wx36e8b5359309cc62"
  /// A mini program whose account is frozen (`account_status` 19).
  public static let frozenApp = "wxf78df0cac5e40c02"
  /// An official account that is not verified (`verify_type_info.id` -1).
  public static let unverifiedAccount = "wxb97706ca828bca03"

  /// appid → who the app is. Mini programs grant 18 and one of a few other sets, and the cloud
  /// development set (49) exactly when they have cloud privilege.
  static let appInfos: [String: SandboxAppInfo] = {
    let b = SandboxAppInfo.banned, f = SandboxAppInfo.frozen, n = SandboxAppInfo.normal
    // appid, nick_name, signature, account_status
    let rows: [(String, String, String, Int)] = [
      ("wx30877432d1026706", "云栈商城", "云栈官方商城，正品直供", n),
      ("wxd7e805da846a32c3", "云栈会员中心", "积分、等级与会员权益", n),
      ("wxbb81e3c29b621792", "云栈点餐", "扫码点餐，不用排队", n),
      ("wx73c8eb5bb682575e", "云栈订单助手", "订单查询与售后", n),
      ("wxc87a171ac826a6fc", "云栈客户管理", "客户资料与跟进记录", n),
      ("wxe48478dcb74f2134", "云栈优惠券", "领券购物更划算", n),
      ("wx5d2cce8038a39d5e", "云栈领券中心", "每日上新优惠", n),
      ("wx0853964b50af03b9", "云栈商城测试版", "仅供内部测试", n),
      ("wx71722f244f58d669", "云栈直播间", "边看边买", n),
      ("wxcbee3772a0770217", "云栈直播助手", "主播开播工具", n),
      ("wx21a278f64f7fd633", "云栈预发布", "预发布环境验证", n),
      ("wxdbdde131ca3766e4", "云栈开发者工具", "", n),
      ("wxd58e72e310275dff", "云栈积分商城", "积分兑好礼", n),
      ("wx6c15c0c8e9df4696", "云栈门店导航", "找到离你最近的门店", n),
      ("wx11a11f5125227c37", "云栈预约", "在线预约到店服务", n),
      ("wx12da86a78c49ea20", "云栈问卷", "问卷调查与投票", n),
      ("wxe32684b27b95e909", "云栈签到", "每日签到领积分", n),
      ("wx348334896a68f812", "云栈报名", "活动报名与核销", n),
      ("wxd810a485ed03241b", "云栈小工具", "实用小工具合集", n),
      ("wx4d419b1b673bd475", "云栈科技", "云栈科技官方服务号", n),
      ("wx5d05ad7853c1f76e", "云栈资讯", "每日为你推送行业资讯", n),
      ("wxb97706ca828bca03", "云栈生活", "", n),
      ("wx85813dbad3c681d0", "示例餐饮外卖", "好味道，送到家", n),
      ("wx6bd2aa399dac946d", "示例餐饮会员", "会员储值与积分", n),
      ("wxc59c0996daeee6f5", "示例餐饮排队", "远程取号，到店就餐", n),
      ("wx29a279764017f2ed", "云栈电子发票", "开票、查票一站完成", n),
      ("wx6cfc7403d75e173e", "云栈停车", "停车缴费与月卡", n),
      ("wx4eaede5fe878f78e", "云栈健身", "约课打卡，科学健身", n),
      ("wx2978aa2447c462dd", "云栈课堂", "随时随地学习", n),
      ("wxaed16dc0cf0b9cd7", "云栈书屋", "好书推荐与借阅", n),
      ("wxf78df0cac5e40c02", "云栈旅行", "机票酒店一站预订", f),
      ("wxd4e518ca6eaac8d8", "云栈快递", "寄件取件更方便", n),
      ("wx2f01b7210760474f", "云栈洗衣", "上门取送，洗护到家", n),
      ("wx36e8b5359309cc62", "云栈抽奖", "天天抽大奖", b),
      ("wx73931bdb2a0df3db", "云栈拼团", "好友拼团更优惠", n),
      ("wxe4d58fed8a728e7e", "云栈社区", "邻里交流与便民服务", n),
      ("wxca0fa5f6b8a88062", "云栈招聘", "好工作，等你来", n),
      ("wx7df7ffe0297c79bf", "云栈相册", "照片备份与分享", n),
      ("wxbdabe898736a3566", "云栈天气", "", n),
      ("wxf893697b59048119", "云栈计算器", "房贷、个税一算就知道", n),
    ]
    let miniProgramSets = [[17, 18, 19, 30], [18], [17, 18, 19, 25, 30, 31], [18, 19, 52]]
    // official accounts: service_type, verify_type, alias
    let accounts: [String: (Int, Int, String)] = [
      "wx4d419b1b673bd475": (2, 0, "yunzhan_tech"), "wx5d05ad7853c1f76e": (0, 0, "yunzhan_news"),
      unverifiedAccount: (1, -1, "yunzhan_life"),
    ]
    var infos: [String: SandboxAppInfo] = [:]
    for (index, row) in rows.enumerated() {
      var random = SeededRandom(seed: SeededRandom.mix(UInt64(index) ^ 0xA991))
      let account = accounts[row.0]
      infos[row.0] = SandboxAppInfo(
        nickName: row.1, headImg: SandboxGenerator.headImage(&random),
        userName: SandboxGenerator.userName(&random), signature: row.2, alias: account?.2 ?? "",
        serviceType: account?.0 ?? 0, verifyType: account?.1 ?? 0, accountStatus: row.3,
        funcscopeIDs: account == nil
          ? miniProgramSets[index % miniProgramSets.count] : SandboxGenerator.accountSets)
    }
    return infos
  }()
}
