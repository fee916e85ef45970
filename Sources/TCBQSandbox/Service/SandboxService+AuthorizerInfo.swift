import TCBQCore

/// api_get_authorizer_info.
extension SandboxService {
  /// Who one authorized app is. Checks, in order: the token ones (`authenticate`), 47001 for a
  /// field that is not a string, 40101 without `component_appid`, 40013 for another component
  /// or an `authorizer_appid` that is missing or not `wx` and 16 hex digits, 61003 for an appid
  /// that has not authorized the component. Success has no errcode, as the documented answer.
  func authorizerInfo(_ request: TransportRequest, _ state: inout SandboxState)
    throws(SandboxErrorCode) -> Outcome
  {
    let body = try authenticate(request, &state)
    let componentField = body.field("component_appid")
    let appidField = body.field("authorizer_appid")
    for field in [componentField, appidField] {
      if let field, field.stringValue == nil { throw .dataFormat }
    }
    guard let componentAppID = componentField?.stringValue else { throw .missingParameter }
    guard componentAppID == configuration.componentAppID else { throw .invalidAppID }
    guard let appid = appidField?.stringValue, Self.isWellFormedAppID(appid) else {
      throw .invalidAppID
    }
    guard let app = state.app(appid) else { throw .notAuthorized }
    let info = state.appInfos[appid] ?? SandboxGenerator.info(for: app)
    return Outcome(body: JSONWriter.encode(Self.authorizerInfoAnswer(app, info)), errcode: nil)
  }

  /// `wx` and 16 hexadecimal digits.
  static func isWellFormedAppID(_ appid: String) -> Bool {
    let digits = Array("0123456789abcdef".utf8)
    return appid.hasPrefix("wx") && appid.utf8.count == 18
      && appid.utf8.dropFirst(2).allSatisfy(digits.contains)
  }

  /// The answer's `authorizer_info` and `authorization_info`, in the documented member order.
  static func authorizerInfoAnswer(_ app: SandboxApp, _ info: SandboxAppInfo) -> JSONValue {
    let id = { (id: Int) in JSONValue.object([JSONMember("id", .integer(Int64(id)))]) }
    let flags = ["open_pay", "open_shake", "open_scan", "open_card", "open_store"]
    let authorizer = JSONValue.object([
      ("nick_name", .string(info.nickName)),
      ("head_img", .string(info.headImg)),
      ("service_type_info", id(info.serviceType)),
      ("verify_type_info", id(info.verifyType)),
      ("user_name", .string(info.userName)),
      ("alias", .string(info.alias)),
      ("qrcode_url", .string("http://mmbiz.qpic.cn/mmbiz_jpg/\(info.userName)/0")),
      ("business_info", .object(flags.map { JSONMember($0, .integer(0)) })),
      ("idc", .integer(1)),
      ("principal_name", .string(app.principal)),
      ("signature", .string(info.signature)),
      ("MiniProgramInfo", app.kind == .miniProgram ? miniProgramInfo : nil),
      ("register_type", .integer(0)),
      ("account_status", .integer(Int64(info.accountStatus))),
      (
        "basic_config",
        .object([
          JSONMember("is_phone_configured", .bool(true)),
          JSONMember("is_email_configured", .bool(false)),
        ])
      ),
    ])
    let funcInfo = info.permissionSets(of: app).map { set in
      JSONValue.object([JSONMember("funcscope_category", id(set))])
    }
    let authorization = JSONValue.object([
      ("authorizer_appid", .string(app.appid)),
      ("authorizer_refresh_token", app.refreshToken.map(JSONValue.string)),
      ("func_info", .array(funcInfo)),
    ])
    return .object([
      JSONMember("authorizer_info", authorizer), JSONMember("authorization_info", authorization),
    ])
  }

  /// The `MiniProgramInfo` of every mini program: its presence is what tells them apart.
  private static let miniProgramInfo = JSONValue.object([
    JSONMember(
      "network",
      .object(
        ["RequestDomain", "WsRequestDomain", "UploadDomain", "DownloadDomain"].map {
          JSONMember($0, .array([]))
        })),
    JSONMember(
      "categories",
      .array([.object([JSONMember("first", .string("工具")), JSONMember("second", .string("效率"))])])),
    JSONMember("visit_status", .integer(0)),
  ])
}
