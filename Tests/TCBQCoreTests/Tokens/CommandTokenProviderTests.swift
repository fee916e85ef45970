import Foundation
import Testing

@testable import TCBQCore

@Suite struct CommandTokenProviderTests {
  @Test func theTokenIsTheTrimmedOutputAndIsCached() async throws {
    let tokens = CommandTokenProvider(command: "printf '  tok-from-command\\n\\n'")
    #expect(try await tokens.token() == "tok-from-command")
    #expect(try await tokens.token() == "tok-from-command")
    #expect(await tokens.runCount == 1)
  }

  @Test func refreshRunsTheCommandAgain() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tcbq-token-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let counter = directory.appendingPathComponent("n").path
    let tokens = CommandTokenProvider(
      command: "echo x >> '\(counter)'; echo tok-$(wc -l < '\(counter)' | tr -d ' ')")
    #expect(try await tokens.token() == "tok-1")
    #expect(try await tokens.refresh(after: "tok-1") == "tok-2")
    #expect(try await tokens.refresh(after: "tok-1") == "tok-2")
    #expect(await tokens.runCount == 2)
  }

  @Test func aFailingCommandDoesNotEchoItsOutput() async throws {
    let tokens = CommandTokenProvider(command: "echo SUPER-SECRET-OUTPUT; exit 3")
    let error = await #expect(throws: ClientError.self) { try await tokens.token() }
    #expect(error == .tokenCommandFailed(status: 3))
    #expect(error?.description.contains("SUPER-SECRET-OUTPUT") == false)
    #expect(error?.description.contains("status 3") == true)
  }

  @Test func emptyOutputIsAnError() async throws {
    let tokens = CommandTokenProvider(command: "true")
    await #expect(throws: ClientError.tokenCommandEmptyOutput) { try await tokens.token() }
  }

  @Test func aHangingCommandIsStopped() async throws {
    let tokens = CommandTokenProvider(command: "exec sleep 30", timeout: .milliseconds(200))
    await #expect(throws: ClientError.tokenCommandTimedOut(seconds: 1)) { try await tokens.token() }
  }

  @Test func theClientRefreshesThroughTheCommand() async throws {
    let transport = FakeTransport { request, _ in
      Wire.token(of: request) == "first"
        ? Wire.error(42001, "expired") : Wire.json(#"{"env_list": []}"#)
    }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tcbq-token-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let marker = directory.appendingPathComponent("ran").path
    let tokens = CommandTokenProvider(
      command: "if [ -e '\(marker)' ]; then echo second; else touch '\(marker)'; echo first; fi")
    let client = makeClient(transport, tokens: tokens)
    #expect(try await client.describeEnvs().isEmpty)
    #expect(transport.requests.compactMap(Wire.token(of:)) == ["first", "second"])
  }
}
