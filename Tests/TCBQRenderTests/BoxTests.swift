import TCBQQuery
import TCBQRender
import Testing

/// Box mode's frame lines up whatever the cells hold (the snapshots cover ASCII, CJK, NULL and
/// an empty result).
@Suite struct BoxTests {
  static func lines(_ result: ResultSet, headers: Bool = true) -> [String] {
    renderedText(result, options: RenderOptions(format: .box, headers: headers))
      .split(separator: "\n").map(String.init)
  }

  @Test func everyLineHasTheSameWidthWithEmojiAndCJK() {
    let result = ResultSet(
      columns: [.init(name: "名前", type: .text), .init(name: "n", type: .integer)],
      rows: [
        [.text("🚀 launch"), .integer(1)], [.text("中文"), .null], [.text("a"), .integer(-20)],
      ])
    let lines = Self.lines(result)
    #expect(lines.count == 7)
    let widths = Set(lines.map { DisplayWidth.of($0) })
    #expect(widths.count == 1)
    #expect(lines[3] == "│ 🚀 launch │    1 │")
    #expect(lines[4] == "│ 中文      │ NULL │")
    #expect(lines[5] == "│ a         │  -20 │")
  }

  @Test func nullReadsAsInTableMode() {
    let result = ResultSet(columns: [.init(name: "x", type: .text)], rows: [[.null]])
    let box = Self.lines(result)
    let table = renderedText(result, options: RenderOptions(format: .table))
    #expect(box[3] == "│ NULL │")
    #expect(table.contains("NULL"))
  }
}
