import TCBQCore

/// The simulated WeChat component service: takes one HTTP exchange as bytes and answers it as the
/// real service would, changing its state on writes.
///
/// Thread-safe; every request is handled atomically. `handle(_:)` is pure of time (no sleeping);
/// `respond(to:)` adds the configured latency.
public final class SandboxService: Sendable {
  public let configuration: SandboxConfiguration
  let state: Locked<SandboxState>
  let seed: UInt64
  private let onRequest: (@Sendable (SandboxRequestRecord) -> Void)?

  /// A service over `configuration.makeDataset()`.
  /// - Parameter onRequest: called after each request with its log record (e.g. to write a file).
  public convenience init(
    configuration: SandboxConfiguration = SandboxConfiguration(),
    onRequest: (@Sendable (SandboxRequestRecord) -> Void)? = nil
  ) {
    self.init(
      configuration: configuration, dataset: configuration.makeDataset(), onRequest: onRequest)
  }

  /// A service over a dataset of your own.
  public init(
    configuration: SandboxConfiguration, dataset: SandboxDataset,
    onRequest: (@Sendable (SandboxRequestRecord) -> Void)? = nil
  ) {
    self.configuration = configuration
    self.seed = configuration.seed ?? 0
    self.onRequest = onRequest
    self.state = Locked(
      SandboxState(
        dataset: dataset, token: configuration.token,
        confirmationBaseURL: configuration.confirmationBaseURL))
  }

  /// Answers one request. HTTP 200 for every API error, as the real service; HTTP 404 for a path
  /// it does not serve; HTTP 500 when that fault is injected.
  public func handle(_ request: TransportRequest) -> TransportResponse {
    handle(request, staying: false)
  }

  /// `handle(_:)`; `staying`: the request stays in flight until `leave()`, and its record says
  /// how many were in flight when it came.
  private func handle(_ request: TransportRequest, staying: Bool) -> TransportResponse {
    let (response, record) = state.withLock { state in
      guard staying else { return process(request, &state, inFlight: nil) }
      state.inFlight += 1
      state.inFlightByPath[request.path, default: 0] += 1
      return process(
        request, &state, inFlight: (state.inFlight, state.inFlightByPath[request.path] ?? 1))
    }
    onRequest?(record)
    return response
  }

  /// Answers as `handle(_:)`, the answer leaving the configured latency after the request
  /// came: the latency is the service's response time, its own work included, as a client
  /// measures it. The request is handled first and the rest of the latency slept after, with no
  /// timer tolerance, so the answer leaves on time. A write takes effect when it arrives, as on
  /// a real service: a client that gives up before the answer does not undo it.
  public func respond(to request: TransportRequest) async -> TransportResponse {
    let latency = configuration.faults.latencyMilliseconds
    guard latency > 0 else { return handle(request) }
    let due = ContinuousClock.now + .milliseconds(latency)
    let response = handle(request, staying: true)
    try? await Task.sleep(until: due, tolerance: .zero)
    state.withLock { state in
      state.inFlight -= 1
      state.inFlightByPath[request.path, default: 1] -= 1
    }
    return response
  }

  // MARK: - Inspection and administration

  /// Every request seen since the start or the last `resetRequestLog()` (at most 100,000).
  public var requestLog: [SandboxRequestRecord] {
    state.withLock { $0.log }
  }

  public func resetRequestLog() {
    state.withLock { $0.log.removeAll() }
  }

  /// The confirmed shares of `appid`, as batchgetenvid would answer them.
  public func sharedEnvs(of appid: String) -> [String] {
    state.withLock { $0.shares[appid] ?? [] }
  }

  /// Shares made but not yet confirmed by the app's administrator.
  public var pendingShares: [SandboxShare] {
    state.withLock { $0.pending }
  }

  /// Confirms the pending shares of `appid` (only the one of `env` when given), as opening the
  /// msg_info_list link does. Returns how many were confirmed.
  @discardableResult
  public func confirm(appid: String, env: String? = nil) -> Int {
    state.withLock { state in
      let matching = state.pending.filter { $0.appid == appid && (env == nil || $0.env == env) }
      for share in matching { state.addShare(share) }
      return matching.count
    }
  }

  /// The calls to `path` accepted today, as getApiQuota reports `used`.
  public func quotaUsed(for path: String) -> Int {
    state.withLock { $0.quotaUsed[path] ?? 0 }
  }

  /// Sets the base of the confirmation links (the server calls this once it knows its port).
  public func setConfirmationBaseURL(_ url: String) {
    state.withLock { $0.confirmationBaseURL = url }
  }

  // MARK: - Processing

  /// - Parameter inFlight: the requests in flight with this one, in all and to its path.
  private func process(
    _ request: TransportRequest, _ state: inout SandboxState, inFlight: (all: Int, path: Int)?
  ) -> (TransportResponse, SandboxRequestRecord) {
    state.logSequence += 1
    var record = SandboxRequestRecord(
      sequence: state.logSequence, method: request.method, path: request.path, appids: [],
      envs: [], status: 200, errcode: nil, fault: nil, inFlight: inFlight?.all,
      inFlightSamePath: inFlight?.path)
    (record.appids, record.envs) = Self.requestedIDs(request.body)
    defer { state.record(record) }

    guard let endpoint = WeChatEndpoint(path: request.path) else {
      record.status = 404
      return (TransportResponse(status: 404, body: Array("404 Not Found\n".utf8)), record)
    }
    state.callCount += 1
    let call = state.callCount
    let faults = configuration.faults
    if call <= faults.http500First || draw(salt: 0x500, call: call) < faults.http500Rate {
      record.status = 500
      record.fault = "http500"
      let body = "<html><body><h1>500 Internal Server Error</h1></body></html>\n"
      return (TransportResponse(status: 500, body: Array(body.utf8)), record)
    }

    let outcome: Outcome
    if call <= faults.busyFirst || draw(salt: 0xB05, call: call) < faults.busyRate {
      record.fault = "busy"
      outcome = errorOutcome(.systemError, &state)
    } else {
      outcome = dispatch(endpoint, request, &state)
    }
    record.errcode = outcome.errcode

    var body = outcome.body
    var cutWrite = false
    if endpoint == .batchShareEnv || endpoint == .batchUnshareEnv {
      state.writeCount += 1
      cutWrite = faults.truncateWrites.contains(state.writeCount)
    }
    if cutWrite || call <= faults.truncateFirst
      || draw(salt: 0x7C, call: call) < faults.truncateRate
    {
      record.fault = record.fault ?? "truncated"
      body = Array(body.prefix(body.count / 2))
    }
    return (TransportResponse(status: 200, body: body), record)
  }

  private func dispatch(
    _ endpoint: WeChatEndpoint, _ request: TransportRequest, _ state: inout SandboxState
  ) -> Outcome {
    do throws(SandboxErrorCode) {
      switch endpoint {
      case .componentToken: return try componentToken(request, &state)
      case .batchGetEnvID: return try batchGetEnvID(request, &state)
      case .batchShareEnv: return try batchShareEnv(request, &state)
      case .batchUnshareEnv: return try batchUnshareEnv(request, &state)
      case .describeCloudBaseRunEnvs: return try describeEnvs(request, &state)
      case .authorizerList: return try authorizerList(request, &state)
      case .authorizerInfo: return try authorizerInfo(request, &state)
      case .apiQuota: return try apiQuota(request, &state)
      }
    } catch {
      return errorOutcome(error, &state)
    }
  }

  /// A number in 0..<1 drawn from the seed, the fault kind and the call number.
  private func draw(salt: UInt64, call: Int) -> Double {
    let bits = SeededRandom.mix(seed ^ (salt << 48) ^ SeededRandom.mix(UInt64(call)))
    return Double(bits >> 11) / Double(UInt64(1) << 53)
  }

  func errorOutcome(_ error: SandboxErrorCode, _ state: inout SandboxState) -> Outcome {
    let rid = state.nextRID(seed: seed)
    let body = JSONValue.object([
      JSONMember("errcode", .integer(Int64(error.errcode))),
      JSONMember("errmsg", .string("\(error.errmsg) rid: \(rid)")),
    ])
    return Outcome(body: JSONWriter.encode(body), errcode: error.errcode)
  }
}

/// What one endpoint answered, with what the request log keeps of it.
struct Outcome {
  var body: [UInt8]
  var errcode: Int?
}
