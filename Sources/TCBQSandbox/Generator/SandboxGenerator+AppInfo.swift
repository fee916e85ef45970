/// Who the generated apps are: derived from the appid alone (so from the seed that made it),
/// when api_get_authorizer_info asks, so a dataset of 200,000 apps holds no names.
extension SandboxGenerator {
  /// Brand words, with the pinyin official accounts' aliases are made of.
  static let brands: [(String, String)] = [
    ("优选", "youxuan"), ("鲜果", "xianguo"), ("悦享", "yuexiang"), ("云端", "yunduan"),
    ("智慧", "zhihui"), ("乐活", "lehuo"), ("小橙", "xiaocheng"), ("掌上", "zhangshang"),
    ("易购", "yigou"), ("美味", "meiwei"), ("青禾", "qinghe"), ("星河", "xinghe"),
    ("蓝鲸", "lanjing"), ("木棉", "mumian"), ("金穗", "jinsui"), ("白鹭", "bailu"),
  ]
  /// What a mini program does.
  static let products = [
    "商城", "外卖", "课堂", "健身", "书屋", "旅行", "停车", "点餐", "会员", "社区", "预约", "快递",
    "拼团", "相册", "天气", "招聘",
  ]
  static let productSuffixes = ["", "", "", "", "Plus", "助手", "精选", "小站"]
  /// How official accounts are named, with the alias ending.
  static let accountWords: [(String, String)] = [
    ("资讯", "news"), ("服务号", "service"), ("生活", "life"), ("订阅号", "daily"),
    ("官方", "official"), ("周刊", "weekly"),
  ]
  /// Permission sets a mini program may grant besides 18 and cloud development.
  static let miniProgramSets = [17, 19, 25, 30, 31, 37, 40, 52]
  /// Permission sets every official account grants, and those some grant.
  static let accountSets = [1, 2, 3, 4, 7, 11, 15]
  static let optionalAccountSets = [5, 6, 8, 9, 10, 22, 23, 26]

  /// The info of `app`, the same for the same appid and kind: Chinese names, `gh_` ids, about
  /// 3% banned and 3% frozen, 15% not verified.
  public static func info(for app: SandboxApp) -> SandboxAppInfo {
    var random = SeededRandom(seed: SeededRandom.mix(appBits(app.appid) ^ 0xA991_0000_0000_0003))
    let brand = random.pick(brands)
    let isAccount = app.kind == .officialAccount
    let nickName: String
    let signature: String
    var alias = ""
    if isAccount {
      let word = random.pick(accountWords)
      nickName = brand.0 + word.0
      alias = "\(brand.1)_\(word.1)"
      signature = random.pick([
        "\(nickName)，每日为你推送精选内容", "\(nickName)官方账号", "关注\(nickName)，获取最新资讯", "",
      ])
    } else {
      let product = random.pick(products)
      nickName = brand.0 + product + random.pick(productSuffixes)
      signature = random.pick(["\(nickName)官方小程序", "让\(product)更简单", "欢迎使用\(nickName)", ""])
    }
    let status = random.below(100)
    let sets =
      isAccount
      ? accountSets + optionalAccountSets.filter { _ in random.chance(30) }
      : [SandboxAppInfo.developmentSet] + miniProgramSets.filter { _ in random.chance(50) }
    return SandboxAppInfo(
      nickName: nickName, headImg: headImage(&random), userName: userName(&random),
      signature: signature, alias: alias,
      serviceType: isAccount ? random.pick([0, 0, 1, 2, 2]) : 0,
      verifyType: random.chance(85) ? 0 : -1,
      accountStatus: status < 3
        ? SandboxAppInfo.banned : status < 6 ? SandboxAppInfo.frozen : SandboxAppInfo.normal,
      funcscopeIDs: sets.sorted())
  }

  /// `gh_` and 12 hex digits.
  static func userName(_ random: inout SeededRandom) -> String {
    "gh_" + hexString(random.next(), digits: 12)
  }

  /// A head image URL in the service's form.
  static func headImage(_ random: inout SeededRandom) -> String {
    "http://wx.qlogo.cn/mmopen/\(hexString(random.next(), digits: 16))"
      + "\(hexString(random.next(), digits: 16))/0"
  }

  /// 64 bits of `appid`: its 16 hex digits after `wx`, or an FNV-1a hash of another form.
  static func appBits(_ appid: String) -> UInt64 {
    if appid.hasPrefix("wx"), appid.utf8.count == 18,
      let bits = UInt64(appid.dropFirst(2), radix: 16)
    {
      return bits
    }
    return appid.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
  }
}
