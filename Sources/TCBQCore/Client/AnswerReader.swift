import Foundation

/// How one call's answer is read from the transport: the HTTP status, the envelope (errcode and
/// errmsg, if the body was JSON enough to show them) and the typed answer (if the body decoded).
struct AnswerReader<Answer: Sendable>: Sendable {
  struct Read: Sendable {
    var status: Int
    var envelope: WireEnvelope?
    var answer: Answer?
  }

  let exchange: @Sendable (any Transport, TransportRequest, Duration) async throws -> Read

  /// The whole body, then Foundation's `JSONDecoder`: the envelope first, so an error answer
  /// never depends on the success shape, then the typed answer.
  static func decoding(_ type: Answer.Type) -> AnswerReader where Answer: Decodable {
    AnswerReader { transport, request, timeout in
      let response = try await transport.send(request, timeout: timeout)
      let data = Data(response.body)
      let decoder = JSONDecoder()
      let envelope = try? decoder.decode(WireEnvelope.self, from: data)
      let answer = envelope == nil ? nil : try? decoder.decode(type, from: data)
      return Read(status: response.status, envelope: envelope, answer: answer)
    }
  }

  /// The whole body, read once with `JSONReader`; when it is not the answer's shape, its
  /// envelope alone (an error answer with unexpected members still shows its errcode).
  static func reading(_ type: Answer.Type) -> AnswerReader where Answer: WireAnswer {
    AnswerReader { transport, request, timeout in
      let response = try await transport.send(request, timeout: timeout)
      if let answer = try? type.init(json: response.body) {
        return Read(
          status: response.status,
          envelope: WireEnvelope(errcode: answer.errcode, errmsg: answer.errmsg), answer: answer)
      }
      return Read(
        status: response.status, envelope: try? WireEnvelope(json: response.body), answer: nil)
    }
  }

  /// describecloudbaserunenvs, decoded chunk by chunk as the body arrives: each element of
  /// `env_list` goes to a fresh sink as soon as its bytes are complete, so neither the whole
  /// body nor every decoded environment is held at once.
  static func envList(_ makeSink: @escaping @Sendable () -> Answer) -> AnswerReader
  where Answer: EnvSink {
    AnswerReader { transport, request, timeout in
      let decoder = EnvListDecoder(sink: makeSink())
      let status = try await transport.send(request, timeout: timeout) { chunk in
        decoder.feed(chunk)
      }
      return decoder.finish(status: status)
    }
  }
}

/// The state of reading one describecloudbaserunenvs answer in chunks.
private final class EnvListDecoder<Sink: EnvSink> {
  private var stream = JSONObjectStream(arrayKey: "env_list")
  private var sink: Sink
  private var errcode: Int64 = 0
  private var errmsg: String?
  private var sawMember = false
  private var failed = false

  init(sink: Sink) {
    self.sink = sink
  }

  func feed(_ chunk: some Collection<UInt8>) {
    guard !failed else { return }
    do {
      try stream.feed(chunk, member: readMember, element: readElement)
    } catch {
      failed = true
    }
  }

  private func readMember(_ key: String, _ bytes: ArraySlice<UInt8>) throws {
    sawMember = true
    switch key {
    case "errcode": errcode = try JSONReader.read(bytes) { try $0.lenientInt64() } ?? 0
    case "errmsg": errmsg = try JSONReader.read(bytes) { try $0.lenientString() }
    case "env_list":
      // Not an array (those are streamed as elements): only null is an empty list.
      guard try JSONReader.read(bytes, { try $0.readNull() }) else {
        throw JSONReader.Failure(offset: 0, reason: "env_list is not an array")
      }
    default: try JSONReader.read(bytes) { try $0.skipValue() }
    }
  }

  private func readElement(_ bytes: ArraySlice<UInt8>) throws {
    sawMember = true
    sink.append(try CloudBaseRunEnv(json: bytes))
  }

  func finish(status: Int) -> AnswerReader<Sink>.Read {
    let complete = !failed && (try? stream.finish()) != nil
    // As with the whole-body decoding: the envelope counts once errcode could be read (an
    // answer cut short after its errcode still reports that errcode).
    let envelope = complete || sawMember ? WireEnvelope(errcode: errcode, errmsg: errmsg) : nil
    return .init(status: status, envelope: envelope, answer: complete ? sink : nil)
  }
}
