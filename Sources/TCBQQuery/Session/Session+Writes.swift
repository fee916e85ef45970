import Foundation
import TCBQCore

extension Session {
  /// share/unshare of listed appids: every pair written is sent.
  func write(_ kind: WriteProposal.Kind, env: String, appids: [String]) async throws
    -> StatementResult
  {
    try await write(
      kind, pairs: appids.map { WritePair(env: env, appid: $0) }, skipsUnchanged: false)
  }

  /// A write of `pairs`: show them with whether each exists now, apply the `--max-writes` guard,
  /// ask, send exactly the pairs to send in calls of at most the batch size (an audit line per
  /// call, stopping at a call whose outcome is unknown), and report every pair.
  func write(_ kind: WriteProposal.Kind, pairs: [WritePair], skipsUnchanged: Bool) async throws
    -> StatementResult
  {
    let (proposal, notes) = try await propose(kind, pairs: pairs, skipsUnchanged: skipsUnchanged)
    let calls = proposal.calls(batchSize: api.callEstimator.batchSize)
    let count = proposal.toSend.count
    let over = settings.maxWrites.map { count > $0 } ?? false
    if settings.dryRun { return try dryRun(proposal, calls: calls, notes: notes, over: over) }
    guard count > 0 else {
      var ledger = WriteLedger(proposal)
      return report(
        &ledger, notes: notes + ["note: nothing to send: every pair is as asked already"])
    }
    if over, !confirmer.isInteractive { throw refusal(proposal) }
    try await confirm(proposal, typingCount: over)
    var ledger = WriteLedger(proposal)
    try await send(calls, proposal: proposal, into: &ledger)
    return report(&ledger, notes: notes)
  }

  /// The proposal for `pairs` with the pairs that exist now. Failing to read those must not
  /// block the write: the dialog then shows them as unknown.
  private func propose(_ kind: WriteProposal.Kind, pairs: [WritePair], skipsUnchanged: Bool)
    async throws -> (WriteProposal, notes: [String])
  {
    let appids = TextDictionary.distinct(pairs.map(\.appid))
    do {
      let (relations, failures) = try await shares(of: appids)
      var existing = Set<WritePair>()
      for relation in relations {
        for env in relation.envIDs { existing.insert(WritePair(env: env, appid: relation.appid)) }
      }
      // An app answered "no cloud development" or "not a mini program" shares nothing: known.
      let unknown = failures.filter { $0.shareErrorKind == .failed }.map(\.appid)
      let proposal = WriteProposal(
        kind: kind, pairs: pairs, existing: existing, unknownAppids: Set(unknown),
        skipsUnchanged: skipsUnchanged)
      let notes =
        unknown.isEmpty
        ? []
        : [
          "note: the current shares of \(unknown.count) appids could not be read; their pairs show as unknown"
        ]
      return (proposal, notes)
    } catch is CancellationError {
      throw CancellationError()
    } catch {
      let note =
        "note: could not read the current shares (\(error)); the dialog shows them as unknown"
      let proposal = WriteProposal(
        kind: kind, pairs: pairs, existing: [], unknownAppids: Set(appids),
        skipsUnchanged: skipsUnchanged)
      return (proposal, [note])
    }
  }

  /// `--dry-run`: each call's request exactly as it would be sent (token redacted), and the pairs.
  private func dryRun(
    _ proposal: WriteProposal, calls: [WriteCall], notes: [String], over: Bool
  ) throws -> StatementResult {
    var lines = ["-- dry run: nothing sent"]
    if calls.count > 1 || !proposal.unchanged.isEmpty {
      lines.append("-- \(proposal.toSend.count) pairs to send in \(calls.count) calls")
    }
    for call in calls { lines += try call.request().dryRunLines }
    var notes = notes + proposal.pairLines
    if over { notes.append("note: " + refusal(proposal).message) }
    let rows = ResultSet(
      columns: [.init(name: "request", type: .text)], rows: lines.map { [.text($0)] })
    return StatementResult(rows: rows, notes: notes)
  }

  /// The `--max-writes` refusal, naming the count.
  private func refusal(_ proposal: WriteProposal) -> StatementError {
    let limit = settings.maxWrites ?? 0
    return StatementError(
      "refused: this \(proposal.kind.rawValue) would send \(proposal.toSend.count) pairs, more than the limit of \(limit) (--max-writes, .maxwrites, max_writes); nothing sent. "
        + "Check the pairs with --dry-run, then raise the limit for this run (--max-writes \(proposal.toSend.count))"
    )
  }

  /// Asks the confirmer; a refusal ends the statement with nothing sent.
  private func confirm(_ proposal: WriteProposal, typingCount: Bool) async throws {
    guard await confirmer.confirm(proposal, typingCount: typingCount) else {
      throw StatementError(
        "\(proposal.kind.rawValue) not confirmed: nothing sent "
          + "(non-interactive runs need --yes; --dry-run shows the request)")
    }
  }

  /// Sends the calls in order, each once, recording each in the audit log whatever its outcome
  /// and dropping the cached shares of its appids. A call whose answer never arrived may have
  /// been applied: it is never re-sent, and the calls after it are not sent. An error answer or
  /// an interrupt in the first call is thrown (nothing was applied before it); later, it stops
  /// the write and is reported with the pairs.
  private func send(_ calls: [WriteCall], proposal: WriteProposal, into ledger: inout WriteLedger)
    async throws
  {
    for (index, call) in calls.enumerated() {
      let outcome: Result<WriteResult, any Error>
      do {
        outcome = .success(try await api.write(call.kind.path, data: call.data))
      } catch {
        outcome = .failure(error)
      }
      cache.invalidateShares(of: call.pairs.map(\.appid))
      var entry = AuditLog.Entry(call, outcome: outcome)
      entry.statement = statementText
      try audit.append(entry)
      switch outcome {
      case .success(let result):
        ledger.record(result, of: call)
      case .failure(let error as APIError):
        if index == 0 { throw error }
        ledger.fail(call, message: error.errmsg, callNumber: index + 1)
        return
      case .failure(is CancellationError) where index == 0:
        throw CancellationError()
      case .failure(let error):
        let reason = error is CancellationError ? "interrupted" : "\(error)"
        ledger.lose(call, reason: reason, callNumber: index + 1, of: calls.count)
        return
      }
    }
  }

  /// One row per pair (`ok` with the confirmation link or NULL, `failed` with the service's
  /// message, `unknown`, or `not sent` and why), and the notes that go with them.
  private func report(_ ledger: inout WriteLedger, notes: [String]) -> StatementResult {
    let proposal = ledger.proposal
    let kind = proposal.kind
    var notes = notes + ledger.notes
    if kind == .share, ledger.hasLinks {
      notes.append(
        "note: each mini program's administrator must open its confirmation link "
          + "before the share takes effect")
    }
    let resultSet = ResultSet(
      columns: [
        .init(name: "env_id", type: .text), .init(name: "appid", type: .text),
        .init(name: "result", type: .text),
        .init(name: kind == .share ? "confirm_url" : "detail", type: .text),
      ], rows: ledger.rows)
    return StatementResult(rows: resultSet, notes: notes, failedPairs: ledger.failedCount)
  }
}
