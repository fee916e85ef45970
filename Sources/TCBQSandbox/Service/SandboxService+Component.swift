import TCBQCore

/// api_component_token and api_get_authorizer_list.
extension SandboxService {
  /// Checks the component's credentials and mints a token valid for 7200 s (that is, until the
  /// token-expiry fault says otherwise). Success has no errcode, as the real service.
  func componentToken(_ request: TransportRequest, _ state: inout SandboxState)
    throws(SandboxErrorCode) -> Outcome
  {
    guard request.method.uppercased() == "POST" else { throw .requirePOST }
    try spendQuota(request.path, &state)
    let body = try parseBody(request.body)
    let appID = body.field("component_appid")
    let secret = body.field("component_appsecret")
    let ticket = body.field("component_verify_ticket")
    for field in [appID, secret, ticket] {
      if let field, field.stringValue == nil { throw .dataFormat }
    }
    guard let appID = appID?.stringValue, !appID.isEmpty else { throw .appIDMissing }
    guard appID == configuration.componentAppID else { throw .invalidAppID }
    guard let secret = secret?.stringValue, !secret.isEmpty else { throw .appSecretMissing }
    guard secret == configuration.componentSecret else { throw .invalidAppSecret }
    guard let ticket = ticket?.stringValue, !ticket.isEmpty else { throw .missingParameter }
    guard ticket == configuration.verifyTicket else { throw .ticketInvalid }

    state.mintedTokens += 1
    let bits = SeededRandom.mix(seed ^ 0x70CE_0000_0000_0000 ^ state.mintedTokens)
    let token = "sbx_\(hexString(state.mintedTokens, digits: 6))_\(hexString(bits, digits: 16))"
    state.tokenUses[token] = 0
    let answer = JSONValue.object([
      JSONMember("component_access_token", .string(token)),
      JSONMember("expires_in", .integer(7200)),
    ])
    return Outcome(body: JSONWriter.encode(answer), errcode: nil)
  }

  /// One page of the authorized accounts, mini programs and official accounts alike.
  func authorizerList(_ request: TransportRequest, _ state: inout SandboxState)
    throws(SandboxErrorCode) -> Outcome
  {
    let body = try authenticate(request, &state)
    let appID = body.field("component_appid")
    let offset = body.field("offset")
    let count = body.field("count")
    if let appID, appID.stringValue == nil { throw .dataFormat }
    for field in [offset, count] {
      if let field, field.integerValue == nil { throw .dataFormat }
    }
    guard let appID = appID?.stringValue, let offset = offset?.integerValue,
      let count = count?.integerValue
    else { throw .missingParameter }
    guard appID == configuration.componentAppID else { throw .invalidAppID }
    guard offset >= 0, (1...500).contains(count) else { throw .invalidArgs }

    let start = Int(min(offset, Int64(state.apps.count)))
    let end = min(state.apps.count, start + Int(count))
    let list = state.apps[start..<end].map { app in
      JSONValue.object([
        ("authorizer_appid", .string(app.appid)),
        ("refresh_token", app.refreshToken.map(JSONValue.string)),
        ("auth_time", .integer(app.authTime)),
      ])
    }
    return success([("total_count", .integer(Int64(state.apps.count))), ("list", .array(list))])
  }
}
