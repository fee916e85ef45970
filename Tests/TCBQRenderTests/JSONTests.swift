import Foundation
import TCBQQuery
import TCBQRender
import Testing

@Suite struct JSONTests {
  @Test func parsesBackWithTypedValues() throws {
    let json = renderedText(Fixtures.mixed, options: RenderOptions(format: .json))
    let objects = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    #expect(objects.count == Fixtures.mixed.rowCount)
    #expect((objects[2]["id"] as? NSNumber)?.int64Value == Int64.max)
    #expect((objects[3]["id"] as? NSNumber)?.int64Value == Int64.min)
    #expect(objects[3]["text"] as? String == "two\nlines")
    #expect(objects[2]["text"] as? String == "say \"hi\"")
    #expect((objects[1]["amount"] as? NSNumber)?.doubleValue == 0.1)
    #expect(objects[2]["ok"] is NSNull)
    #expect(objects[9]["amount"] is NSNull, "infinity is null")
    #expect(objects[7]["text"] as? String == "中文数据")
    #expect(json.contains(#""ok":true"#) && json.contains(#""ok":false"#))
  }

  @Test func keysKeepColumnOrder() {
    let json = renderedText(Fixtures.mixed, options: RenderOptions(format: .jsonl))
    for line in json.split(separator: "\n") {
      let positions = ["\"id\":", "\"text\":", "\"amount\":", "\"ok\":"].map {
        line.range(of: $0)?.lowerBound
      }
      #expect(positions.allSatisfy { $0 != nil })
      #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }
  }

  @Test func jsonlIsOneObjectPerLine() throws {
    let jsonl = renderedText(Fixtures.mixed, options: RenderOptions(format: .jsonl))
    let lines = jsonl.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == Fixtures.mixed.rowCount + 1)
    #expect(lines.last == "")
    for line in lines.dropLast() {
      #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
    }
  }

  @Test func escapesControlCharacters() throws {
    let text = "nul\u{0}bell\u{7}esc\u{1B}line\u{2028}end"
    let result = ResultSet(columns: [.init(name: "t", type: .text)], rows: [[.text(text)]])
    let json = renderedText(result, options: RenderOptions(format: .jsonl))
    #expect(json == #"{"t":"nul\u0000bell\u0007esc\u001bline\u2028end"}"# + "\n")
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
    #expect(object?["t"] == text)
  }

  /// U+2028 and U+2029 are escaped wherever they stand in a value, its first character
  /// included, in keys too, in both formats.
  @Test(arguments: [OutputFormat.json, .jsonl])
  func escapesLineSeparatorsAnywhere(format: OutputFormat) throws {
    let texts = [
      "\u{2028}start", "\u{2029}start", "mid\u{2028}dle", "mid\u{2029}dle", "end\u{2028}",
      "end\u{2029}", "\u{2028}", "\u{2029}\u{2028}",
    ]
    let result = ResultSet(
      columns: [.init(name: "\u{2028}k", type: .text), .init(name: "n", type: .integer)],
      rows: texts.enumerated().map { [.text($1), .integer(Int64($0))] })
    let json = renderedText(result, options: RenderOptions(format: format))
    #expect(!json.unicodeScalars.contains("\u{2028}") && !json.unicodeScalars.contains("\u{2029}"))
    let escaped = texts.map {
      $0.replacingOccurrences(of: "\u{2028}", with: #"\u2028"#)
        .replacingOccurrences(of: "\u{2029}", with: #"\u2029"#)
    }
    let objects = escaped.enumerated().map { #"{"\u2028k":"\#($1)","n":\#($0)}"# }
    let expected =
      format == .jsonl
      ? objects.map { $0 + "\n" }.joined()
      : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    #expect(json == expected)
    let lines = format == .jsonl ? json.split(separator: "\n").map(String.init) : [json]
    let decoded = try lines.flatMap { line in
      let value = try JSONSerialization.jsonObject(with: Data(line.utf8))
      return (value as? [[String: Any]]) ?? [value as? [String: Any] ?? [:]]
    }
    #expect(decoded.compactMap { $0["\u{2028}k"] as? String } == texts)
  }

  @Test func emptyResultIsAnEmptyArray() {
    #expect(renderedText(Fixtures.empty, options: RenderOptions(format: .json)) == "[]\n")
    #expect(renderedText(Fixtures.empty, options: RenderOptions(format: .jsonl)) == "")
  }
}
