import TCBQCore

/// batchgetenvid, batchshareenv, batchunshareenv.
extension SandboxService {
  func batchGetEnvID(_ request: TransportRequest, _ state: inout SandboxState)
    throws(SandboxErrorCode) -> Outcome
  {
    let body = try authenticate(request, &state)
    let appidsField = body.field("appids")
    let sourceField = body.field("source_type")
    if let appidsField, appidsField.stringArray == nil { throw .dataFormat }
    if let sourceField, sourceField.integerValue == nil { throw .dataFormat }
    guard let appids = appidsField?.stringArray, let source = sourceField?.integerValue else {
      throw .missingParameter
    }
    guard source == 1, !appids.isEmpty else { throw .invalidArgs }
    try checkAppidCount(appids.count)

    var relations: [JSONValue] = []
    var errors: [JSONValue] = []
    for appid in uniqued(appids) {
      if let problem = appProblem(appid, state) {
        errors.append(
          .object([
            JSONMember("appid", .string(appid)), JSONMember("errmsg", .string(problem.rawValue)),
          ]))
        continue
      }
      let envs = (state.shares[appid] ?? []).map(JSONValue.string)
      relations.append(
        .object([JSONMember("appid", .string(appid)), JSONMember("env_list", .array(envs))]))
    }
    return success([("relation_data", .array(relations)), ("err_list", .array(errors))])
  }

  func batchShareEnv(_ request: TransportRequest, _ state: inout SandboxState)
    throws(SandboxErrorCode) -> Outcome
  {
    let data = try shareRequest(request, &state)
    var errors: [JSONValue] = []
    var messages: [JSONValue] = []
    for (envID, appids) in data {
      for appid in uniqued(appids) {
        let share = SandboxShare(appid: appid, env: envID)
        if let problem = shareProblem(share, state) {
          errors.append(pairError(share, problem))
          continue
        }
        if state.shares[appid]?.contains(envID) ?? false { continue }
        if configuration.holdPending {
          if !state.pending.contains(share) { state.pending.append(share) }
        } else {
          state.addShare(share)
        }
        messages.append(
          .object([
            JSONMember("appid", .string(appid)),
            JSONMember("url", .string(confirmationURL(share, state))),
          ]))
      }
    }
    return success([("err_list", .array(errors)), ("msg_info_list", .array(messages))])
  }

  func batchUnshareEnv(_ request: TransportRequest, _ state: inout SandboxState)
    throws(SandboxErrorCode) -> Outcome
  {
    let data = try shareRequest(request, &state)
    var errors: [JSONValue] = []
    for (envID, appids) in data {
      for appid in uniqued(appids) {
        let share = SandboxShare(appid: appid, env: envID)
        if state.env(envID) == nil {
          errors.append(pairError(share, .envNotFound))
        } else if let problem = appProblem(appid, state) {
          errors.append(pairError(share, problem))
        } else if !state.removeShare(share) {
          errors.append(pairError(share, .notShared))
        }
      }
    }
    return success([("err_list", .array(errors))])
  }

  /// The `data` of a share or unshare request: 47001, 40101, 40097 in that order.
  private func shareRequest(_ request: TransportRequest, _ state: inout SandboxState)
    throws(SandboxErrorCode) -> [(String, [String])]
  {
    let body = try authenticate(request, &state)
    let dataField = body.field("data")
    let sourceField = body.field("source_type")
    if let sourceField, sourceField.integerValue == nil { throw .dataFormat }
    var items: [JSONValue] = []
    if let dataField {
      guard case .array(let elements) = dataField else { throw .dataFormat }
      items = elements
      for item in items {
        guard case .object = item else { throw .dataFormat }
        if let env = item.field("env"), env.stringValue == nil { throw .dataFormat }
        if let appids = item.field("appids"), appids.stringArray == nil { throw .dataFormat }
      }
    }
    guard dataField != nil, let source = sourceField?.integerValue else { throw .missingParameter }
    var data: [(String, [String])] = []
    for item in items {
      guard let env = item.field("env")?.stringValue, let appids = item.field("appids")?.stringArray
      else { throw .missingParameter }
      data.append((env, appids))
    }
    guard source == 1, !data.isEmpty, data.allSatisfy({ !$0.0.isEmpty && !$0.1.isEmpty }) else {
      throw .invalidArgs
    }
    try checkAppidCount(data.reduce(0) { $0 + $1.1.count })
    return data
  }

  /// Why `appid` cannot be asked about, if it cannot.
  private func appProblem(_ appid: String, _ state: SandboxState) -> PairProblem? {
    guard let app = state.app(appid) else { return .notAuthorized }
    if app.kind != .miniProgram { return .notMiniProgram }
    if !app.hasCloudPrivilege { return .noCloudPrivilege }
    return nil
  }

  /// Why `share` cannot be made, if it cannot.
  private func shareProblem(_ share: SandboxShare, _ state: SandboxState) -> PairProblem? {
    guard let env = state.env(share.env) else { return .envNotFound }
    if let problem = appProblem(share.appid, state) { return problem }
    if state.app(share.appid)?.principal != env.principal { return .otherPrincipal }
    if env.status == "UNAVAILABLE" { return .envUnavailable }
    return nil
  }

  private func pairError(_ share: SandboxShare, _ problem: PairProblem) -> JSONValue {
    .object([
      JSONMember("env", .string(share.env)), JSONMember("appid", .string(share.appid)),
      JSONMember("errmsg", .string(problem.rawValue)),
    ])
  }

  private func confirmationURL(_ share: SandboxShare, _ state: SandboxState) -> String {
    "\(state.confirmationBaseURL)/__sandbox/confirm?appid=\(share.appid)&env=\(share.env)"
  }

  /// errcode 0, errmsg "ok", then `members`.
  func success(_ members: [(String, JSONValue)]) -> Outcome {
    let all =
      [JSONMember("errcode", .integer(0)), JSONMember("errmsg", .string("ok"))]
      + members.map { JSONMember($0.0, $0.1) }
    return Outcome(body: JSONWriter.encode(.object(all)), errcode: 0)
  }
}
