import Foundation
import TCBQCore

extension Session {
  /// share/unshare: show the exact pairs, ask, send exactly those, report each pair, audit, and
  /// invalidate the cached shares of those appids.
  func write(_ kind: WriteProposal.Kind, env: String, appids: [String]) async throws
    -> StatementResult
  {
    let (proposal, notes) = try await propose(kind, env: env, appids: appids)
    if settings.dryRun { return try dryRun(proposal, notes: notes) }
    try await confirm(proposal)
    let result = try await send(proposal)
    return report(result, of: proposal, notes: notes)
  }

  /// The proposal for `appids` (duplicates removed, order kept), with the pairs that exist now.
  /// Failing to read those must not block the write: the dialog then shows them as unknown.
  private func propose(_ kind: WriteProposal.Kind, env: String, appids rawAppids: [String])
    async throws -> (WriteProposal, notes: [String])
  {
    var seen = Set<String>()
    let appids = rawAppids.filter { seen.insert($0).inserted }
    do {
      let (relations, failures) = try await shares(of: appids)
      let existing =
        failures.isEmpty ? Set(relations.filter { $0.envIDs.contains(env) }.map(\.appid)) : nil
      return (WriteProposal(kind: kind, env: env, appids: appids, existing: existing), [])
    } catch is CancellationError {
      throw CancellationError()
    } catch {
      let note =
        "note: could not read the current shares (\(error)); the dialog shows them as unknown"
      return (WriteProposal(kind: kind, env: env, appids: appids, existing: nil), [note])
    }
  }

  /// `--dry-run`: the request exactly as it would be sent (token redacted), and the pairs.
  private func dryRun(_ proposal: WriteProposal, notes: [String]) throws -> StatementResult {
    let lines = ["-- dry run: nothing sent"] + (try proposal.request().dryRunLines)
    let rows = ResultSet(
      columns: [.init(name: "request", type: .text)], rows: lines.map { [.text($0)] })
    return StatementResult(rows: rows, notes: notes + proposal.pairLines)
  }

  /// Asks the confirmer; a refusal ends the statement with nothing sent.
  private func confirm(_ proposal: WriteProposal) async throws {
    guard await confirmer.confirm(proposal) else {
      throw StatementError(
        "\(proposal.kind.rawValue) not confirmed: nothing sent "
          + "(non-interactive runs need --yes; --dry-run shows the request)")
    }
  }

  /// Sends the proposal once and records the call in the audit log, whatever its outcome; the
  /// cached shares of its appids are dropped either way. A write whose answer never arrived may
  /// have been applied: it is never re-sent, and the error says how to check.
  private func send(_ proposal: WriteProposal) async throws -> WriteResult {
    let outcome: Result<WriteResult, any Error>
    do {
      switch proposal.kind {
      case .share: outcome = .success(try await api.share(env: proposal.env, with: proposal.appids))
      case .unshare:
        outcome = .success(try await api.unshare(env: proposal.env, from: proposal.appids))
      }
    } catch {
      outcome = .failure(error)
    }
    cache.invalidateShares(of: proposal.appids)
    try audit.append(AuditLog.Entry(proposal, outcome: outcome))
    switch outcome {
    case .success(let result):
      return result
    case .failure(let error as APIError):
      throw error
    case .failure(is CancellationError):
      throw CancellationError()
    case .failure(let error):
      throw StatementError(
        "the outcome of \(proposal.kind.rawValue) \(proposal.env) is unknown (\(error)); "
          + "it was not re-sent. Check with: shares of \(proposal.appids.joined(separator: ", "))")
    }
  }

  /// One row per pair: `ok` with the confirmation link (share) or NULL, or `failed` with the
  /// service's message; an error note per failed pair.
  private func report(_ result: WriteResult, of proposal: WriteProposal, notes: [String])
    -> StatementResult
  {
    let kind = proposal.kind, env = proposal.env
    var notes = notes
    let failedByApp = Dictionary(
      result.failures.map { ($0.appid, $0) }, uniquingKeysWith: { first, _ in first })
    let links = Dictionary(
      result.links.map { ($0.appid, $0.url) }, uniquingKeysWith: { first, _ in first })
    let rows: [[Value]] = proposal.appids.map { appid in
      if let failure = failedByApp[appid] {
        return [.text(env), .text(appid), .text("failed"), .text(failure.errmsg)]
      }
      return [.text(env), .text(appid), .text("ok"), links[appid].map(Value.text) ?? .null]
    }
    if kind == .share, !links.isEmpty {
      notes.append(
        "note: each mini program's administrator must open its confirmation link "
          + "before the share takes effect")
    }
    for failure in result.failures {
      notes.append(
        "error: \(kind.rawValue) \(env) \(kind.preposition) \(failure.appid) failed: "
          + failure.errmsg)
    }
    let resultSet = ResultSet(
      columns: [
        .init(name: "env_id", type: .text), .init(name: "appid", type: .text),
        .init(name: "result", type: .text),
        .init(name: kind == .share ? "confirm_url" : "detail", type: .text),
      ], rows: rows)
    return StatementResult(rows: resultSet, notes: notes, failedPairs: result.failures.count)
  }
}

extension AuditLog.Entry {
  /// The line for `proposal` sent with `outcome`: `sent` with the service's errcode (and the
  /// per-pair errors), or `unknown` when no answer arrived.
  fileprivate init(
    _ proposal: WriteProposal, outcome: Result<WriteResult, any Error>,
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
      errors = result.failures.map { .init(appid: $0.appid, env: $0.env, errmsg: $0.errmsg) }
    case .failure(let error as APIError):
      (errcode, errmsg, rid) = (error.errcode, error.errmsg, error.rid)
    case .failure(let error):
      state = "unknown"
      errmsg = error is CancellationError ? "interrupted" : "\(error)"
    }
    self.init(
      time: time, endpoint: proposal.kind.path, env: proposal.env, appids: proposal.appids,
      outcome: state, errcode: errcode, errmsg: errmsg, rid: rid, errors: errors)
  }
}
