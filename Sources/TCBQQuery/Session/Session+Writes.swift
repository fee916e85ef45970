import Foundation
import TCBQCore

extension Session {
  /// share/unshare: show the exact pairs, ask, send exactly those, report each pair, audit, and
  /// invalidate the cached shares of those appids.
  func write(_ kind: WriteProposal.Kind, env: String, appids rawAppids: [String]) async throws
    -> StatementResult
  {
    var seen = Set<String>()
    let appids = rawAppids.filter { seen.insert($0).inserted }
    var notes: [String] = []
    // Which pairs exist now (for the dialog); a failure here must not block the write.
    var existing: Set<String>?
    do {
      let (relations, failures) = try await shares(of: appids)
      if failures.isEmpty {
        existing = Set(relations.filter { $0.envIDs.contains(env) }.map(\.appid))
      }
    } catch is CancellationError {
      throw CancellationError()
    } catch {
      notes.append("note: could not read the current shares (\(error)); the dialog shows them as unknown")
    }
    let proposal = WriteProposal(kind: kind, env: env, appids: appids, existing: existing)

    if settings.dryRun {
      var lines = ["-- dry run: nothing sent"]
      lines.append("POST \(kind.path)?access_token=REDACTED")
      lines.append(proposal.requestBody)
      let rows = ResultSet(columns: [.init(name: "request", type: .text)], rows: lines.map { [.text($0)] })
      return StatementResult(rows: rows, notes: notes + proposal.pairLines)
    }
    guard await confirmer.confirm(proposal) else {
      throw StatementError(
        "\(kind.rawValue) not confirmed: nothing sent (non-interactive runs need --yes; --dry-run shows the request)")
    }

    let result: WriteResult
    do {
      switch kind {
      case .share: result = try await api.share(env: env, with: appids)
      case .unshare: result = try await api.unshare(env: env, from: appids)
      }
    } catch let error as APIError {
      cache.invalidateShares(of: appids)
      try audit.append(
        .init(
          time: AuditLog.timestamp(), endpoint: kind.path, env: env, appids: appids, outcome: "sent",
          errcode: error.errcode, errmsg: error.errmsg, rid: error.rid, errors: []))
      throw error
    } catch is CancellationError {
      cache.invalidateShares(of: appids)
      try audit.append(
        .init(
          time: AuditLog.timestamp(), endpoint: kind.path, env: env, appids: appids,
          outcome: "unknown", errcode: nil, errmsg: "interrupted", rid: nil, errors: []))
      throw CancellationError()
    } catch {
      // The request may have reached the service: its outcome is unknown. Never re-send.
      cache.invalidateShares(of: appids)
      try audit.append(
        .init(
          time: AuditLog.timestamp(), endpoint: kind.path, env: env, appids: appids,
          outcome: "unknown", errcode: nil, errmsg: "\(error)", rid: nil, errors: []))
      throw StatementError(
        "the outcome of \(kind.rawValue) \(env) is unknown (\(error)); it was not re-sent. Check with: shares of \(appids.joined(separator: ", "))"
      )
    }
    cache.invalidateShares(of: appids)
    try audit.append(
      .init(
        time: AuditLog.timestamp(), endpoint: kind.path, env: env, appids: appids, outcome: "sent",
        errcode: result.errcode, errmsg: result.errmsg, rid: result.rid,
        errors: result.failures.map { .init(appid: $0.appid, env: $0.env, errmsg: $0.errmsg) }))

    var rows: [[Value]] = []
    let failedByApp = Dictionary(result.failures.map { ($0.appid, $0) }, uniquingKeysWith: { a, _ in a })
    let links = Dictionary(result.links.map { ($0.appid, $0.url) }, uniquingKeysWith: { a, _ in a })
    for appid in appids {
      if let failure = failedByApp[appid] {
        rows.append([.text(env), .text(appid), .text("failed"), .text(failure.errmsg)])
      } else {
        rows.append([.text(env), .text(appid), .text("ok"), links[appid].map(Value.text) ?? .null])
      }
    }
    if kind == .share, !links.isEmpty {
      notes.append(
        "note: each mini program's administrator must open its confirmation link before the share takes effect")
    }
    for failure in result.failures {
      notes.append("error: \(kind.rawValue) \(env) \(kind == .share ? "with" : "from") \(failure.appid) failed: \(failure.errmsg)")
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
