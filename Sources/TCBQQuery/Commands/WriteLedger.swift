import TCBQCore

/// What became of each pair of a write as its calls go out: `ok`, `failed` (the service's
/// message), `unknown` (a call whose answer never arrived) or `not sent` (and why).
struct WriteLedger {
  enum Outcome: Hashable {
    case ok(link: String?)
    case failed(String)
    case unknown(String)
    case notSent(String)
  }

  let proposal: WriteProposal
  private(set) var outcomes: [WritePair: Outcome] = [:]
  private(set) var notes: [String] = []

  init(_ proposal: WriteProposal) {
    self.proposal = proposal
    for pair in proposal.unchanged {
      let why = proposal.kind == .share ? "already shared" : "not shared now (nothing to remove)"
      outcomes[pair] = .notSent(why)
    }
    if !proposal.unchanged.isEmpty {
      let n = proposal.unchanged.count
      notes.append(
        "note: \(n) pair\(n == 1 ? "" : "s") would change nothing and \(n == 1 ? "was" : "were") not sent"
      )
    }
  }

  /// A call answered: each pair ok, or failed with its `err_list` message.
  mutating func record(_ result: WriteResult, of call: WriteCall) {
    let kind = proposal.kind
    var failures: [WritePair: String] = [:]
    var failuresByAppid: [String: String] = [:]
    for failure in result.failures {
      if let env = failure.env, !env.isEmpty {
        failures[WritePair(env: env, appid: failure.appid)] = failure.errmsg
      } else {
        failuresByAppid[failure.appid] = failure.errmsg
      }
    }
    let links = Dictionary(
      result.links.map { ($0.appid, $0.url) }, uniquingKeysWith: { first, _ in first })
    for pair in call.pairs {
      if let message = failures[pair] ?? failuresByAppid[pair.appid] {
        outcomes[pair] = .failed(message)
        notes.append(
          "error: \(kind.rawValue) \(pair.env) \(kind.preposition) \(pair.appid) failed: \(message)"
        )
      } else {
        outcomes[pair] = .ok(link: links[pair.appid])
      }
    }
  }

  /// A call refused as a whole (an errcode answer): its pairs failed, the rest are not sent.
  mutating func fail(_ call: WriteCall, message: String, callNumber: Int) {
    for pair in call.pairs { outcomes[pair] = .failed(message) }
    notes.append(
      "error: call \(callNumber) (\(call.pairs.count) pairs) was refused: \(message); the calls after it were not sent"
    )
    markRestNotSent("not sent: an earlier call was refused")
  }

  /// A call whose answer never arrived: its pairs are unknown and named, the rest not sent.
  mutating func lose(_ call: WriteCall, reason: String, callNumber: Int, of total: Int) {
    for pair in call.pairs { outcomes[pair] = .unknown("no answer: \(reason)") }
    let appids = TextDictionary.distinct(call.pairs.map(\.appid))
    notes.append(
      "error: the outcome of call \(callNumber) of \(total) (\(WeChatPath.shortName(call.kind.path))) is unknown (\(reason)); it was not re-sent and the calls after it were not sent. "
        + "The \(call.pairs.count) pairs whose state is unknown:")
    for pair in call.pairs {
      notes.append(
        "  \(proposal.kind.rawValue) \(pair.env) \(proposal.kind.preposition) \(pair.appid)")
    }
    notes.append("Check them with: shares of \(appids.joined(separator: ", "))")
    markRestNotSent("not sent: an earlier call's outcome is unknown")
  }

  private mutating func markRestNotSent(_ why: String) {
    var count = 0
    for pair in proposal.pairs where outcomes[pair] == nil {
      outcomes[pair] = .notSent(why)
      count += 1
    }
    if count > 0 { notes.append("note: \(count) pairs were not sent") }
  }

  var hasLinks: Bool {
    outcomes.values.contains { if case .ok(let link?) = $0 { !link.isEmpty } else { false } }
  }

  /// Pairs failed or unknown: non-zero means exit status 1.
  var failedCount: Int {
    outcomes.values.filter {
      switch $0 {
      case .failed, .unknown: true
      case .ok: false
      case .notSent(let why): why.hasPrefix("not sent: an earlier")
      }
    }.count
  }

  /// One row per pair, in the proposal's order: env_id, appid, result, detail.
  var rows: [[Value]] {
    proposal.pairs.map { pair in
      let head: [Value] = [.text(pair.env), .text(pair.appid)]
      switch outcomes[pair] ?? .notSent("not sent") {
      case .ok(let link): return head + [.text("ok"), link.map(Value.text) ?? .null]
      case .failed(let message): return head + [.text("failed"), .text(message)]
      case .unknown(let why): return head + [.text("unknown"), .text(why)]
      case .notSent(let why): return head + [.text("not sent"), .text(why)]
      }
    }
  }
}

extension AuditLog.Entry {
  /// The line for `call` sent with `outcome`: `sent` with the service's errcode (and the
  /// per-pair errors), or `unknown` when no answer arrived.
  init(
    _ call: WriteCall, outcome: Result<WriteResult, any Error>,
    time: String = AuditLog.timestamp()
  ) {
    var state = "sent"
    var errcode: Int64?
    var errmsg: String?
    var rid: String?
    var errors: [PairError] = []
    switch outcome {
    case .success(let result):
      (errcode, errmsg, rid) = (result.errcode, result.errmsg, result.rid)
      errors = result.failures.map {
        .init(appid: $0.appid, env: $0.env?.isEmpty == true ? nil : $0.env, errmsg: $0.errmsg)
      }
    case .failure(let error as APIError):
      (errcode, errmsg, rid) = (error.errcode, error.errmsg, error.rid)
    case .failure(let error):
      state = "unknown"
      errmsg = error is CancellationError ? "interrupted" : "\(error)"
    }
    let data = call.data
    self.init(
      time: time, endpoint: call.kind.path, env: data.map(\.env).joined(separator: ","),
      appids: data.flatMap(\.appids), outcome: state, errcode: errcode, errmsg: errmsg, rid: rid,
      errors: errors,
      data: data.count > 1 ? data.map { .init(env: $0.env, appids: $0.appids) } : nil)
  }
}
