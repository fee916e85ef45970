import Foundation
import Logging
import Testing

@testable import TCBQCore

/// Collects log messages.
final class LogCapture: @unchecked Sendable {
  private let lock = NSLock()
  private var lines: [String] = []

  var messages: [String] {
    lock.lock()
    defer { lock.unlock() }
    return lines
  }

  func append(_ line: String) {
    lock.lock()
    defer { lock.unlock() }
    lines.append(line)
  }

  var logger: Logger {
    var logger = Logger(label: "test") { _ in CaptureHandler(capture: self) }
    logger.logLevel = .debug
    return logger
  }

  struct CaptureHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .debug
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
      get { metadata[key] }
      set { metadata[key] = newValue }
    }
    func log(event: LogEvent) {
      capture.append("\(event.level) \(event.message)")
    }
  }
}

/// Collects progress reports.
final class ProgressCapture: @unchecked Sendable {
  private let lock = NSLock()
  private var reports: [CallProgress] = []

  var all: [CallProgress] {
    lock.lock()
    defer { lock.unlock() }
    return reports
  }

  func append(_ progress: CallProgress) {
    lock.lock()
    defer { lock.unlock() }
    reports.append(progress)
  }
}

@Suite struct ObservabilityTests {
  @Test func verboseLogNamesPathBatchErrcodeAndTimeButNeverTheToken() async throws {
    let capture = LogCapture()
    let transport = FakeTransport { request, call in
      call == 1 ? Wire.error(-1, "system error") : Wire.shares(for: request)
    }
    let client = makeClient(transport, batchSize: 3) { $0.logger = capture.logger }
    _ = try await client.sharedEnvs(of: appids(3))
    let lines = capture.messages
    #expect(lines.contains { $0.hasPrefix("debug batchgetenvid batch=3 errcode=-1 elapsed=") })
    #expect(
      lines.contains {
        $0.hasPrefix("debug batchgetenvid batch=3 errcode=0 elapsed=") && $0.contains("ms")
      })
    #expect(lines.contains { $0.hasPrefix("notice batchgetenvid attempt 1 failed") })
    #expect(lines.allSatisfy { !$0.contains("T0KEN-SECRET") })
  }

  @Test func mintingLogsNoSecret() async throws {
    let capture = LogCapture()
    let transport = FakeTransport { _, _ in
      Wire.json(#"{"component_access_token": "MINTED-TOKEN", "expires_in": 7200}"#)
    }
    let tokens = ComponentTokenProvider(
      componentAppID: "wxc", appSecret: "APP-SECRET", verifyTicket: "TICKET", transport: transport,
      logger: capture.logger)
    _ = try await tokens.token()
    #expect(capture.messages.count == 1)
    #expect(
      capture.messages.allSatisfy {
        !$0.contains("MINTED-TOKEN") && !$0.contains("APP-SECRET") && !$0.contains("TICKET")
      })
  }

  @Test func progressIsReportedPerBatch() async throws {
    let progress = ProgressCapture()
    let transport = FakeTransport { request, _ in Wire.shares(for: request) }
    let client = makeClient(transport, batchSize: 4) { configuration in
      configuration.progress = { progress.append($0) }
    }
    _ = try await client.sharedEnvs(of: appids(10))
    let reports = progress.all
    #expect(reports.map(\.callsDone) == [1, 2, 3])
    #expect(reports.map(\.callsTotal) == [3, 3, 3])
    #expect(reports.map(\.rows) == [4, 8, 10])
    #expect(reports.allSatisfy { $0.path == WeChatPath.batchGetEnvID })
  }
}
