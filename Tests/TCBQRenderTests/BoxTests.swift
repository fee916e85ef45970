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

/// `.maxrows`: the formats read on a screen show the first rows and say how many more; the
/// data formats are never cut.
@Suite struct MaxRowsTests {
  static let tall = ResultSet(
    columns: [.init(name: "n", type: .integer)], rows: (1...12_350).map { [.integer(Int64($0))] })

  @Test(arguments: [OutputFormat.table, .box, .markdown, .line])
  func screenFormatsShowTheFirstRowsAndCountTheRest(format: OutputFormat) {
    let text = renderedText(Self.tall, options: RenderOptions(format: format, maxRows: 5))
    #expect(text.hasSuffix("… 12,345 more rows (.maxrows 0 shows all)\n"))
    #expect(text.contains("5"))
    #expect(!text.contains("6\n"))
    let whole = renderedText(Self.tall.prefix(5), options: RenderOptions(format: format))
    #expect(text == whole + "… 12,345 more rows (.maxrows 0 shows all)\n")
  }

  @Test(arguments: [OutputFormat.csv, .tsv, .json, .jsonl])
  func dataFormatsAreNeverCut(format: OutputFormat) {
    let cut = renderedText(Self.tall, options: RenderOptions(format: format, maxRows: 5))
    #expect(cut == renderedText(Self.tall, options: RenderOptions(format: format)))
    #expect(cut.contains("12350"))
  }

  @Test func oneMoreRowIsSingularAndAnExactFitIsWhole() {
    let result = Self.tall.prefix(6)
    let text = renderedText(result, options: RenderOptions(format: .table, maxRows: 5))
    #expect(text.hasSuffix("… 1 more row (.maxrows 0 shows all)\n"))
    let exact = renderedText(result, options: RenderOptions(format: .table, maxRows: 6))
    #expect(exact == renderedText(result, options: RenderOptions(format: .table)))
  }
}
