import Foundation
import TCBQCore
import Testing

@testable import TCBQSandbox

/// The sandbox's answers: `JSONValue` written with the core's `JSONWriter`, and parsed back.
@Suite struct JSONValueTests {
  @Test(arguments: [
    ("plain", #""plain""#),
    ("中文 标准版", #""中文 标准版""#),
    ("quote \" and \\ back", #""quote \" and \\ back""#),
    ("line\nbreak\ttab\r", #""line\nbreak\ttab\r""#),
    ("\u{01}", #""\u0001""#),
  ])
  func escapesStrings(text: String, expected: String) {
    #expect(String(decoding: JSONWriter.encode(.string(text)), as: UTF8.self) == expected)
  }

  @Test func keepsMemberOrderAndRoundTrips() throws {
    let value = JSONValue.object([
      JSONMember("z", .integer(1)), JSONMember("a", .array([.bool(true), .null, .string("x")])),
    ])
    let bytes = JSONWriter.encode(value)
    #expect(String(decoding: bytes, as: UTF8.self) == #"{"z":1,"a":[true,null,"x"]}"#)
    #expect(JSONValue.parse(bytes)?["a"] == .array([.bool(true), .null, .string("x")]))
  }

  @Test func parsesTypesStrictly() {
    #expect(JSONValue.parse(Array(#"{"n":1,"b":true,"s":"1"}"#.utf8))?["n"] == .integer(1))
    #expect(JSONValue.parse(Array(#"{"b":true}"#.utf8))?["b"] == .bool(true))
    #expect(JSONValue.parse(Array("{".utf8)) == nil)
  }
}
