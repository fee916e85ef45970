import Foundation
import Logging

extension WeChatClient {
  /// Whether a call may be sent twice.
  enum CallKind: Sendable {
    /// Idempotent: retried on every retryable failure.
    case read
    /// Not idempotent: retried only when the request surely was not processed (a busy answer,
    /// connection refused, a token that could not be fetched); otherwise `WriteOutcomeUnknown`.
    case write(env: String, appids: [String])
  }

  /// What to do after a failed attempt.
  private enum Decision {
    case retry
    case refreshToken(APIError)
    case fail(any Error)
  }

  /// One API call with retries: the budget and 45009 stops of the current statement, token
  /// refresh once on 40001/40014/42001, backoff on retryable failures, the ledger and the log.
  ///
  /// - Parameters:
  ///   - batchSize: appids in the request, for the log.
  ///   - acceptErrorAnswer: true for a non-zero errcode answer the caller wants as a value (a
  ///     write with per-pair `err_list`) rather than as an `APIError`.
  func perform<Body: Encodable & Sendable, Answer: Decodable & Sendable>(
    _ path: String, body: Body, kind: CallKind, batchSize: Int? = nil, as answerType: Answer.Type,
    acceptErrorAnswer: (Answer) -> Bool = { _ in false }
  ) async throws -> Answer {
    try await perform(
      path, body: body, kind: kind, batchSize: batchSize, reading: .decoding(answerType),
      acceptErrorAnswer: acceptErrorAnswer)
  }

  /// `perform` for an answer read with `JSONReader`.
  func perform<Body: Encodable & Sendable, Answer: WireAnswer>(
    _ path: String, body: Body, kind: CallKind, batchSize: Int? = nil, as answerType: Answer.Type,
    acceptErrorAnswer: (Answer) -> Bool = { _ in false }
  ) async throws -> Answer {
    try await perform(
      path, body: body, kind: kind, batchSize: batchSize, reading: .reading(answerType),
      acceptErrorAnswer: acceptErrorAnswer)
  }

  /// `perform` with the answer read by `reader` (e.g. streamed, for describecloudbaserunenvs).
  func perform<Body: Encodable & Sendable, Answer: Sendable>(
    _ path: String, body: Body, kind: CallKind, batchSize: Int? = nil,
    reading reader: AnswerReader<Answer>, acceptErrorAnswer: (Answer) -> Bool = { _ in false }
  ) async throws -> Answer {
    let bytes = try (body as? any WireRequest)?.jsonBytes ?? Array(JSONEncoder().encode(body))
    return try await perform(
      path, bytes: bytes, kind: kind, batchSize: batchSize, reading: reader,
      acceptErrorAnswer: acceptErrorAnswer)
  }

  /// `perform` with the body already encoded (a write, whose bytes `--dry-run` shows).
  func perform<Answer: Sendable>(
    _ path: String, bytes: [UInt8], kind: CallKind, batchSize: Int? = nil,
    reading reader: AnswerReader<Answer>, acceptErrorAnswer: (Answer) -> Bool = { _ in false }
  ) async throws -> Answer {
    guard let statement = StatementContext.current else {
      return try await withStatement {
        try await perform(
          path, bytes: bytes, kind: kind, batchSize: batchSize, reading: reader,
          acceptErrorAnswer: acceptErrorAnswer)
      }
    }
    let backoff = Backoff(baseDelay: configuration.baseDelay, maxDelay: configuration.maxDelay)
    let firstStart = ContinuousClock.now
    var attempt = 1
    var isRetry = false
    var refreshedToken: String?
    var didRefresh = false

    while true {
      try Task.checkCancellation()
      if let stopped = statement.stopError(for: path) { throw stopped }
      var usedToken: String?
      var sent = false
      do {
        let token: String
        if let refreshedToken {
          token = refreshedToken
        } else {
          token = try await tokens.token()
        }
        refreshedToken = nil
        usedToken = token
        try statement.budget.spend()
        ledger.record(path: path, retry: isRetry)
        sent = true
        return try await sendOnce(
          path, token: token, body: bytes, batchSize: batchSize, attempt: attempt,
          reading: reader, acceptErrorAnswer: acceptErrorAnswer)
      } catch {
        switch decide(error, path: path, kind: kind, sent: sent) {
        case .fail(let failure):
          if let apiError = failure as? APIError, apiError.isQuotaExhausted, apiError.path == path {
            statement.stop(path, because: apiError)
            configuration.logger.notice(
              "\(WeChatPath.shortName(path)) answered 45009: no further call to it in this statement"
            )
          }
          throw failure
        case .refreshToken(let rejection):
          guard !didRefresh, let usedToken else { throw rejection }
          didRefresh = true
          configuration.logger.notice(
            "\(WeChatPath.shortName(path)) answered \(rejection.errcode): refreshing the token once"
          )
          refreshedToken = try await refreshToken(after: usedToken, errcode: rejection.errcode)
          isRetry = true
        case .retry:
          guard attempt < configuration.maxAttempts else { throw error }
          let delay = backoff.delay(beforeRetry: attempt)
          guard ContinuousClock.now - firstStart + delay <= configuration.maxRetryTime else {
            throw error
          }
          configuration.logger.notice(
            "\(WeChatPath.shortName(path)) attempt \(attempt) failed (\(error)); retrying in \(milliseconds(delay)) ms"
          )
          try await Task.sleep(for: delay)
          attempt += 1
          isRetry = true
        }
      }
    }
  }

  private func decide(_ error: any Error, path: String, kind: CallKind, sent: Bool) -> Decision {
    if error is CancellationError || Task.isCancelled { return .fail(CancellationError()) }
    switch error {
    case let apiError as APIError:
      if apiError.isTokenRejected, apiError.path == path { return .refreshToken(apiError) }
      return apiError.isBusy ? .retry : .fail(apiError)
    case let transportError as TransportError:
      if transportError == .cancelled { return .fail(CancellationError()) }
      if case .write(let env, let appids) = kind, sent, !transportError.requestSurelyNotProcessed {
        if let status = transportError.httpStatus, status < 500 { return .fail(transportError) }
        return .fail(
          WriteOutcomeUnknown(path: path, env: env, appids: appids, cause: transportError))
      }
      return transportError.isRetryable ? .retry : .fail(transportError)
    default:
      return .fail(error)
    }
  }

  private func refreshToken(after rejected: String, errcode: Int64) async throws -> String {
    do {
      return try await tokens.refresh(after: rejected)
    } catch ClientError.staticTokenRejected {
      throw ClientError.staticTokenRejected(errcode: errcode)
    }
  }

  /// One HTTP exchange, its answer decoded: an errcode answer is an `APIError` whatever the HTTP
  /// status; otherwise a non-2xx status or an unreadable body is a `TransportError`.
  private func sendOnce<Answer: Sendable>(
    _ path: String, token: String, body: [UInt8], batchSize: Int?, attempt: Int,
    reading reader: AnswerReader<Answer>, acceptErrorAnswer: (Answer) -> Bool
  ) async throws -> Answer {
    let request = TransportRequest(
      path: path, query: [.init(name: "access_token", value: token)], body: body)
    let started = ContinuousClock.now
    var outcome = "errcode=0"
    defer {
      let batch = batchSize.map { " batch=\($0)" } ?? ""
      configuration.logger.debug(
        "\(WeChatPath.shortName(path))\(batch) \(outcome) elapsed=\(milliseconds(ContinuousClock.now - started))ms attempt=\(attempt)"
      )
    }
    do {
      let read = try await exchange(request, reader)
      if let envelope = read.envelope, envelope.errcode != 0 {
        if let answer = read.answer, acceptErrorAnswer(answer) {
          outcome = "errcode=\(envelope.errcode) (per-pair errors)"
          return answer
        }
        throw APIError(path: path, errcode: envelope.errcode, errmsg: envelope.errmsg ?? "")
      }
      guard (200...299).contains(read.status) else {
        throw TransportError.httpStatus(read.status)
      }
      guard read.envelope != nil, let answer = read.answer else {
        throw TransportError.undecodableBody
      }
      return answer
    } catch let error as APIError {
      outcome = "errcode=\(error.errcode)"
      throw error
    } catch {
      outcome = "error=\(error)"
      throw error
    }
  }

  /// Sends `request`, bounded by the per-call timeout even if the transport ignores it.
  private func exchange<Answer: Sendable>(
    _ request: TransportRequest, _ reader: AnswerReader<Answer>
  ) async throws -> AnswerReader<Answer>.Read {
    let transport = self.transport
    let timeout = configuration.timeout
    do {
      return try await withThrowingTaskGroup(of: AnswerReader<Answer>.Read?.self) { group in
        group.addTask { try await reader.exchange(transport, request, timeout) }
        group.addTask {
          try await Task.sleep(for: timeout)
          return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let response = first else {
          throw TransportError.timeout
        }
        return response
      }
    } catch {
      if Task.isCancelled { throw CancellationError() }
      if error is CancellationError { throw TransportError.timeout }
      throw error
    }
  }
}
