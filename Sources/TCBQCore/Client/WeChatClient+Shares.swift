import Logging

extension WeChatClient {
  /// What batchgetenvid said about one appid. A failure is boxed: it is rare and large, and
  /// one outcome per appid asked is held until the last batch is in.
  enum AppOutcome: Sendable {
    case envs([String])
    indirect case failure(AppFailure)
  }

  /// batchgetenvid for `appids` (duplicates asked once), in batches of `effectiveBatchSize`,
  /// at most `concurrency` in flight; relations and failures come back in input order.
  ///
  /// - An `err_list` entry, and every appid of a batch that failed after retries, is a failure.
  /// - 40097 on a batch of several appids splits it in halves, recursively; when both halves
  ///   of a split are accepted, the larger half becomes the session's batch limit.
  /// - 45009 stops the endpoint: its batch and every batch not yet sent become failures with
  ///   errcode 45009.
  /// - An appid the answer does not mention shares nothing (an empty relation).
  /// - Thrown: token and configuration errors (`ClientError`, a token rejected after refresh),
  ///   `ClientError.budgetExceeded`, `CancellationError`.
  public func sharedEnvs(of appids: [String]) async throws -> SharesResult {
    var seen = Set<String>(minimumCapacity: appids.count)
    let unique = appids.filter { seen.insert($0).inserted }
    guard !unique.isEmpty else { return SharesResult(relations: [], failures: []) }

    let outcomes = try await inStatement { try await fetchInLanes(unique) }
    return Self.sharesResult(unique, outcomes)
  }

  /// The relations and failures of `appids` in their order, from one outcome per appid (nil:
  /// never answered for, which shares nothing).
  static func sharesResult(_ appids: [String], _ outcomes: [AppOutcome?]) -> SharesResult {
    var result = SharesResult(relations: [], failures: [])
    result.relations.reserveCapacity(appids.count)
    for (appid, outcome) in zip(appids, outcomes) {
      switch outcome {
      case .envs(let envs)?: result.relations.append(.init(appid: appid, envIDs: envs))
      case .failure(let failure)?: result.failures.append(failure)
      case nil: result.relations.append(.init(appid: appid, envIDs: []))
      }
    }
    return result
  }

  /// Where the batches of one `sharedEnvs` stand: the lanes take the next batch and put their
  /// outcomes here, under its lock.
  private struct Lanes: Sendable {
    var outcomes: [AppOutcome?]
    var next = 0
    var done = 0
    var inFlight = 0
    var rows = 0
  }

  /// The batches of `unique`, each sent by one of `concurrency` lanes: a lane that finishes a
  /// call takes the next batch itself, so no other task stands between two calls of a lane.
  private func fetchInLanes(_ unique: [String]) async throws -> [AppOutcome?] {
    let path = WeChatPath.batchGetEnvID
    let state = Locked(Lanes(outcomes: [AppOutcome?](repeating: nil, count: unique.count)))
    /// Takes the next batch (after recording the one just done), or nil when none is left.
    @Sendable func take(after finished: (Range<Int>, [AppOutcome])?) -> Range<Int>? {
      state.withLock { lanes in
        if let (range, batch) = finished {
          for (offset, outcome) in batch.enumerated() {
            lanes.outcomes[range.lowerBound + offset] = outcome
            if case .envs(let envs) = outcome { lanes.rows += envs.count }
          }
          lanes.done += 1
          lanes.inFlight -= 1
        }
        var batch: Range<Int>?
        if lanes.next < unique.count {
          let end = min(unique.count, lanes.next + effectiveBatchSize)
          batch = lanes.next..<end
          lanes.next = end
          lanes.inFlight += 1
        }
        if finished != nil {
          report(
            CallProgress(
              path: path, callsDone: lanes.done,
              callsTotal: lanes.done + lanes.inFlight
                + estimatedShareCalls(appCount: unique.count - lanes.next),
              rows: lanes.rows))
        }
        return batch
      }
    }
    try await withThrowingTaskGroup(of: Void.self) { group in
      for _ in 0..<configuration.concurrency {
        guard let first = take(after: nil) else { break }
        group.addTask {
          var range: Range<Int>? = first
          while let current = range {
            let batch = try await self.fetchBatch(Array(unique[current])).outcomes
            range = take(after: (current, batch))
          }
        }
      }
      try await group.waitForAll()
    }
    // Moved out, not copied: the lanes are done with it.
    return state.withLock { lanes in
      var outcomes: [AppOutcome?] = []
      swap(&outcomes, &lanes.outcomes)
      return outcomes
    }
  }

  /// One batch, split in halves on 40097; `accepted` when the service took the whole batch.
  struct BatchOutcome: Sendable {
    var outcomes: [AppOutcome]
    var accepted: Bool
  }

  /// One batch, split in halves on 40097. Returns one outcome per appid, in order.
  ///
  /// A split whose two halves are both accepted teaches the limit (the larger half). A split
  /// with a rejected half teaches nothing: the 40097 may come from one malformed appid, which
  /// the halving isolates as a failure of its own.
  func fetchBatch(_ appids: [String]) async throws -> BatchOutcome {
    let path = WeChatPath.batchGetEnvID
    do {
      let answer = try await perform(
        path, body: BatchGetEnvIDRequest(appids: appids), kind: .read, batchSize: appids.count,
        as: BatchGetEnvIDResponse.self)
      return BatchOutcome(outcomes: outcomes(of: appids, in: answer), accepted: true)
    } catch let error as APIError where error.errcode == 40097 && appids.count > 1 {
      let half = (appids.count + 1) / 2
      configuration.logger.notice(
        "batchgetenvid answered 40097 for \(appids.count) appids: retrying as \(half) + \(appids.count - half)"
      )
      let first = try await fetchBatch(Array(appids[..<half]))
      let second = try await fetchBatch(Array(appids[half...]))
      if first.accepted, second.accepted { learnBatchLimit(accepted: half, rejected: appids.count) }
      return BatchOutcome(outcomes: first.outcomes + second.outcomes, accepted: false)
    } catch let error as APIError where !error.isTokenRejected && error.errcode != 41001 {
      let failures = appids.map { appid in
        AppOutcome.failure(
          AppFailure(appid: appid, errcode: error.errcode, errmsg: error.message, rid: error.rid))
      }
      return BatchOutcome(outcomes: failures, accepted: false)
    } catch let error as TransportError where error != .cancelled && !Task.isCancelled {
      let failures = appids.map {
        AppOutcome.failure(AppFailure(appid: $0, errmsg: error.description))
      }
      return BatchOutcome(outcomes: failures, accepted: false)
    }
  }

  /// `accepted` appids passed where `rejected` did not: the limit is at least `accepted` and
  /// below `rejected`.
  private func learnBatchLimit(accepted: Int, rejected: Int) {
    let learned = session.withLock { state -> Int in
      if let known = state.learnedBatchLimit, known < rejected {
        state.learnedBatchLimit = max(known, accepted)
      } else {
        state.learnedBatchLimit = accepted
      }
      return state.learnedBatchLimit ?? accepted
    }
    configuration.logger.notice("batchgetenvid: using batches of at most \(learned) appids")
  }

  private func outcomes(of appids: [String], in answer: BatchGetEnvIDResponse) -> [AppOutcome] {
    var envs: [String: [String]] = [:]
    for relation in answer.relationData {
      guard let appid = relation.appid else { continue }
      envs[appid, default: []] += relation.envList
    }
    var failures: [String: AppFailure] = [:]
    for entry in answer.errList {
      guard let appid = entry.appid, failures[appid] == nil else { continue }
      let message = entry.errmsg ?? ""
      let stripped = APIError.strippingRID(from: message)
      failures[appid] = AppFailure(
        appid: appid, env: entry.env,
        errcode: entry.errcode ?? APIError.errcode(forMessage: stripped), errmsg: stripped,
        rid: APIError.rid(in: message), answered: true)
    }
    return appids.map { appid in
      if let failure = failures[appid] { return .failure(failure) }
      return .envs(envs[appid] ?? [])
    }
  }
}
