import Foundation
import TCBQCore
import Testing

private func encoded(_ text: String) -> String {
  var bytes: [UInt8] = []
  bytes.appendJSONString(text)
  return String(decoding: bytes, as: UTF8.self)
}

@Suite struct JSONWriterTests {
  @Test(arguments: [
    ("plain", #""plain""#),
    ("", #""""#),
    ("中文 标准版", #""中文 标准版""#),
    ("quote \" and \\ back / slash", #""quote \" and \\ back / slash""#),
    ("line\nbreak\ttab\r", #""line\nbreak\ttab\r""#),
    ("\u{8}\u{C}", #""\b\f""#),
    ("\u{0}\u{1}\u{1F}\u{1B}", #""\u0000\u0001\u001f\u001b""#),
    ("\u{7F} stays", "\"\u{7F} stays\""),
    ("\u{2028}start", #""\u2028start""#),
    ("mid\u{2029}dle", #""mid\u2029dle""#),
    ("end\u{2028}", #""end\u2028""#),
    ("\u{2029}\u{2028}", #""\u2029\u2028""#),
    // Other characters whose UTF-8 starts with E2 stay as they are.
    ("€ … ← \u{2027}\u{202A}", "\"€ … ← \u{2027}\u{202A}\""),
  ])
  func escapesStrings(text: String, expected: String) throws {
    let json = encoded(text)
    #expect(json == expected)
    let decoded = try JSONSerialization.jsonObject(
      with: Data(json.utf8), options: .fragmentsAllowed)
    #expect(decoded as? String == text)
  }

  @Test(arguments: [Int64.min, -42, -1, 0, 7, 1_000_000, Int64.max])
  func writesIntegersInDecimal(integer: Int64) {
    var bytes: [UInt8] = []
    bytes.appendDecimal(integer)
    #expect(String(decoding: bytes, as: UTF8.self) == String(integer))
  }

  @Test func placesCommasBetweenMembersAndElements() {
    var writer = JSONWriter()
    writer.beginObject()
    writer.member("a", "x")
    writer.member("skipped", nil as String?)
    writer.member("b", true)
    writer.member("n", 12 as Int64?)
    writer.nullMember("z")
    writer.key("list")
    writer.beginArray()
    writer.integer(1)
    writer.number(0.5)
    writer.number(.infinity)
    writer.beginObject()
    writer.endObject()
    writer.raw(Array(#"{"pre":1}"#.utf8))
    writer.string("s")
    writer.endArray()
    writer.endObject()
    let json = String(decoding: writer.bytes, as: UTF8.self)
    #expect(json == #"{"a":"x","b":true,"n":12,"z":null,"list":[1,0.5,null,{},{"pre":1},"s"]}"#)
  }
}
