import Foundation
import Testing

@testable import TCBQCore

private func read<T>(_ json: String, _ body: (inout JSONReader) throws -> T) throws -> T {
  try JSONReader.read(Array(json.utf8), body)
}

@Suite struct JSONReaderTests {
  @Test(arguments: [
    (#""plain""#, "plain"),
    (#""a\"b\\c\/d""#, #"a"b\c/d"#),
    (#""\b\f\n\r\t""#, "\u{8}\u{C}\n\r\t"),
    (#""\u00e9\u4e2d""#, "é中"),
    (#""\ud83d\ude00""#, "😀"),
    (#""中文 ok""#, "中文 ok"),
    (#""""#, ""),
  ])
  func stringsAndTheirEscapes(json: String, expected: String) throws {
    #expect(try read(json) { try $0.string() } == expected)
  }

  @Test(arguments: [
    #""unterminated"#, #""bad \x escape""#, #""\ud83d alone""#, #""\ude00""#, #""\u12""#,
    "\"tab\tinside\"", "[1, 2", "{\"a\": 1,}", "[01]", "1.", "-", "tru", "{} extra",
    "[1 2]", "{\"a\" 1}",
  ])
  func malformedJSONIsAnErrorWithAnOffset(json: String) {
    #expect(throws: JSONReader.Failure.self) { try read(json) { try $0.skipValue() } }
  }

  @Test func invalidUTF8InAStringIsAnError() {
    let bytes: [UInt8] = [0x22, 0x61, 0xFF, 0x62, 0x22]
    #expect(throws: JSONReader.Failure.self) {
      try JSONReader.read(bytes) { try $0.string() }
    }
  }

  @Test func nestingIsBounded() throws {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    let error = try #require(throws: JSONReader.Failure.self) {
      try read(deep) { try $0.skipValue() }
    }
    #expect(error.reason.contains("nested deeper"))
    let fine = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
    try read(fine) { try $0.skipValue() }
  }

  @Test(arguments: [
    ("\"s\"", "s" as String?), ("42", "42"), ("-7", "-7"),
    ("18446744073709551615", "18446744073709551615"),
    ("1.5", "1.5"), ("2e3", "2000.0"), ("true", "true"), ("false", "false"), ("null", nil),
  ])
  func lenientStringsTakeNumbersAndBooleans(json: String, expected: String?) throws {
    #expect(try read(json) { try $0.lenientString() } == expected)
  }

  @Test func lenientStringRefusesContainers() {
    #expect(throws: JSONReader.Failure.self) { try read("[1]") { try $0.lenientString() } }
    #expect(throws: JSONReader.Failure.self) { try read("{}") { try $0.lenientString() } }
  }

  @Test(arguments: [
    ("true", true as Bool?), ("false", false), ("1", true), ("0", false), (#""TRUE""#, true),
    (#""0""#, false), ("null", nil),
  ])
  func lenientBooleans(json: String, expected: Bool?) throws {
    #expect(try read(json) { try $0.lenientBool() } == expected)
  }

  @Test(arguments: ["2", #""yes""#, "0.5", "[]"])
  func notABoolean(json: String) {
    #expect(throws: JSONReader.Failure.self) { try read(json) { try $0.lenientBool() } }
  }

  @Test(arguments: [
    ("9223372036854775807", Int64.max as Int64?), ("-3", -3), (#"" 12 ""#, 12), ("4.0", 4),
    ("1e2", 100), ("null", nil),
  ])
  func lenientIntegers(json: String, expected: Int64?) throws {
    #expect(try read(json) { try $0.lenientInt64() } == expected)
  }

  @Test(arguments: ["9223372036854775808", "1.5", #""x""#, "true"])
  func notAnInteger(json: String) {
    #expect(throws: JSONReader.Failure.self) { try read(json) { try $0.lenientInt64() } }
  }

  @Test func objectsSkipUnknownKeysAndKeepTheLastOfARepeatedKey() throws {
    let json = #"{"skip": {"deep": [1, {"x": null}]}, "k": "first", "\u006b": "last", "n": 1}"#
    var k: String?
    var n: String?
    try read(json) { reader in
      try reader.readObject { r, key in
        if key.is("k") {
          k = try r.lenientString()
        } else if key.is("n") {
          n = try r.lenientString()
        }
      }
    }
    #expect(k == "last")
    #expect(n == "1")
  }

  @Test func lenientArraysTakeNull() throws {
    #expect(try read("null") { try $0.lenientArray { try $0.string() } }.isEmpty)
    #expect(try read(#"["a", "b"]"#) { try $0.lenientArray { try $0.string() } } == ["a", "b"])
  }

  /// Environments encoded by `JSONEncoder` read back equal: the reader and the wire keys agree.
  @Test func encodedEnvironmentsReadBackEqual() throws {
    var generator = SystemRandomNumberGenerator()
    func text() -> String? {
      let choices: [String?] = [nil, "", "a", "ap-shanghai", "引号\"\\/\n", "😀 emoji", "x\u{1}y"]
      return choices.randomElement(using: &generator)!
    }
    for _ in 0..<200 {
      let env = CloudBaseRunEnv(
        envID: text(), alias: text(), source: text(), createTime: text(), updateTime: text(),
        status: text(),
        databases: (0..<Int.random(in: 0...2)).map { _ in
          .init(instanceID: text(), status: text(), region: text())
        },
        storages: (0..<Int.random(in: 0...2)).map { _ in
          .init(region: text(), bucket: text(), cdnDomain: text(), appID: text())
        },
        functions: [.init(namespace: text(), region: text())], packageID: text(),
        packageName: text(),
        logServices: [
          .init(
            logsetName: text(), logsetID: text(), topicName: text(), topicID: text(), region: text()
          )
        ],
        staticStorages: [
          .init(
            staticDomain: text(), defaultDirName: text(), status: text(), region: text(),
            bucket: text())
        ],
        isAutoDegrade: [nil, true, false].randomElement()!, envChannel: text(), payMode: text(),
        isDefault: [nil, true, false].randomElement()!, region: text(),
        tags: [.init(key: text(), value: text())],
        customLogServices: [
          .init(clsRegion: text(), clsLogsetID: text(), clsTopicID: text(), createTime: text())
        ])
      let data = try JSONEncoder().encode(env)
      #expect(try CloudBaseRunEnv(json: Array(data)) == env)
    }
  }
}
