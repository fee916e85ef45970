import Foundation
import TCBQQuery
import TCBQRender
import Testing

/// Large output reaches the sink in large chunks, and the chunks add up to the whole.
@Suite struct StreamingTests {
  struct RecordingSink: OutputSink {
    var chunks: [[UInt8]] = []
    mutating func write(_ bytes: [UInt8]) throws { chunks.append(bytes) }
  }

  static let large: ResultSet = {
    let count = 100_000
    return ResultSet(
      columns: [
        .init(name: "appid", type: .text), .init(name: "env_id", type: .text),
        .init(name: "n", type: .integer),
      ],
      values: [
        (0..<count).map { .text("wx\(String($0, radix: 16))abcdef") },
        (0..<count).map { .text("env-\($0 % 97), prod") },
        (0..<count).map { .integer(Int64($0) * 1_000_003) },
      ])
  }()

  @Test(arguments: [OutputFormat.csv, .json, .table])
  func writesInChunksOfAbout64KB(format: OutputFormat) throws {
    var sink = RecordingSink()
    try render(Self.large, options: RenderOptions(format: format), to: &sink)
    #expect(sink.chunks.count > 10)
    for chunk in sink.chunks.dropLast() {
      #expect(chunk.count >= 64 * 1024 && chunk.count < 65 * 1024)
    }
    let whole = sink.chunks.flatMap { $0 }
    #expect(whole == Array(renderedText(Self.large, options: RenderOptions(format: format)).utf8))
  }

  @Test func csvHasEveryRow() {
    let csv = renderedText(Self.large, options: RenderOptions(format: .csv))
    #expect(csv.utf8.count(where: { $0 == 0x0A }) == 100_001)
    #expect(csv.hasSuffix("\"env-89, prod\",99999299997\r\n"))
  }

  @Test func fileDescriptorSinkWritesToThePipe() throws {
    let pipe = Pipe()
    var sink = FileDescriptorSink(fileDescriptor: pipe.fileHandleForWriting.fileDescriptor)
    try render(Fixtures.cjk, options: RenderOptions(format: .csv), to: &sink)
    try pipe.fileHandleForWriting.close()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    #expect(
      String(decoding: data, as: UTF8.self)
        == renderedText(Fixtures.cjk, options: RenderOptions(format: .csv)))
  }
}
