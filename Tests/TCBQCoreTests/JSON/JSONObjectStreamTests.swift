import Foundation
import Testing

@testable import TCBQCore

/// What a stream handed over, as strings.
private struct Collected: Equatable {
  var members: [String] = []
  var elements: [String] = []
}

private func split(_ json: String, chunkSize: Int, arrayKey: String = "env_list") throws
  -> Collected
{
  let bytes = Array(json.utf8)
  var stream = JSONObjectStream(arrayKey: arrayKey)
  var collected = Collected()
  for start in stride(from: 0, to: bytes.count, by: chunkSize) {
    try stream.feed(
      bytes[start..<min(start + chunkSize, bytes.count)],
      member: { key, value in
        collected.members.append("\(key)=\(String(decoding: value, as: UTF8.self))")
      },
      element: { collected.elements.append(String(decoding: $0, as: UTF8.self)) })
  }
  try stream.finish()
  return collected
}

@Suite struct JSONObjectStreamTests {
  static let answer = #"""
     { "errcode" : 0, "errmsg":"ok \"quoted\" }{ ]",
      "env_list": [ {"env_id": "a", "tags": [{"key": "}", "value": "\\"}]},
                    {"env_id": "b\u0022", "databases": null} , 7, "s", [] ],
      "later": {"x": [1, 2]} }
    """#

  @Test func everyChunkSizeGivesTheSameMembersAndElements() throws {
    let whole = try split(Self.answer, chunkSize: Self.answer.utf8.count)
    #expect(
      whole.members == [
        "errcode=0", #"errmsg="ok \"quoted\" }{ ]""#, #"later={"x": [1, 2]}"#,
      ])
    #expect(
      whole.elements == [
        #"{"env_id": "a", "tags": [{"key": "}", "value": "\\"}]}"#,
        #"{"env_id": "b\u0022", "databases": null}"#, "7", #""s""#, "[]",
      ])
    for size in 1..<40 {
      #expect(try split(Self.answer, chunkSize: size) == whole, "chunk size \(size)")
    }
  }

  @Test func anAnswerCutShortAtAnyByteFailsToFinish() throws {
    let bytes = Array(Self.answer.utf8)
    let end = bytes.lastIndex(of: UInt8(ascii: "}"))!
    for cut in 0..<end {
      let prefix = String(decoding: bytes[..<cut], as: UTF8.self)
      #expect(throws: (any Error).self, "cut at \(cut)") { try split(prefix, chunkSize: 5) }
    }
  }

  @Test(arguments: [
    "<html>502 Bad Gateway</html>", "[1, 2]", #"{"a" 1}"#, #"{"a": 1 "b": 2}"#, "{} {}",
    #"{"env_list": [1 2]}"#, #"{1: 2}"#,
  ])
  func malformedStructureIsAnError(json: String) {
    #expect(throws: (any Error).self) { try split(json, chunkSize: 3) }
  }

  @Test func emptyObjectAndEmptyArray() throws {
    #expect(try split("  {}  ", chunkSize: 1) == Collected())
    #expect(try split(#"{"env_list": []}"#, chunkSize: 2) == Collected())
    #expect(try split(#"{"env_list": null}"#, chunkSize: 2).members == ["env_list=null"])
  }

  @Test func onlyTheInProgressBytesAreKept() throws {
    // 2,000 elements of ~1 KB fed in 4 KB chunks: the buffer never holds the whole answer.
    let element = #"{"env_id": ""# + String(repeating: "x", count: 1000) + #""}"#
    let json =
      #"{"errcode": 0, "env_list": ["#
      + Array(repeating: element, count: 2000)
      .joined(separator: ",") + "]}"
    var count = 0
    var stream = JSONObjectStream(arrayKey: "env_list")
    let bytes = Array(json.utf8)
    for start in stride(from: 0, to: bytes.count, by: 4096) {
      try stream.feed(
        bytes[start..<min(start + 4096, bytes.count)], member: { _, _ in },
        element: { _ in count += 1 })
      #expect(stream.bufferedBytes < 1100)
    }
    try stream.finish()
    #expect(count == 2000)
  }
}
