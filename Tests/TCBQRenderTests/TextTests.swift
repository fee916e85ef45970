import Foundation
import TCBQQuery
import TCBQRender
import Testing

@Suite struct TextTests {
  @Test(arguments: [
    (2.0, "2.0"), (0.1, "0.1"), (1e20, "1.0e+20"), (-3.25, "-3.25"), (100, "100.0"),
    (1.5e-7, "1.5e-07"), (0.0001, "0.0001"), (1e15, "1.0e+15"), (1e14, "100000000000000.0"),
    (123456789.123456789, "123456789.123457"), (0.1 + 0.2, "0.3"), (1.0 / 3, "0.333333333333333"),
    (Double.infinity, "Inf"), (-Double.infinity, "-Inf"), (2.5e-300, "2.5e-300"),
  ])
  func realsPrintAsSQLite(value: Double, text: String) {
    #expect(sqliteText(value) == text)
  }

  @Test(arguments: [
    ("abc", 3), ("", 0), ("中文", 4), ("ｆｕｌｌ", 8), ("e\u{301}", 1), ("한국어", 6),
    ("a\u{200B}b", 2), ("😀", 2), ("tab\t", 3), ("ａb", 3),
  ])
  func displayWidthCountsTerminalColumns(text: String, width: Int) {
    #expect(displayWidth(text) == width)
  }

  @Test func tableColumnsLineUpWithWideCharacters() {
    let table = renderedText(Fixtures.cjk, options: RenderOptions(format: .table))
    let lines = table.split(separator: "\n")
    #expect(lines.count == Fixtures.cjk.rowCount + 2)
    // The last column holds numbers, right-aligned, so every line is equally wide.
    let widths = Set(lines.map { displayWidth($0) })
    #expect(widths.count == 1, "\(table)")
    // The second column starts at the same display column on every line.
    let header = lines[0]
    let offset = displayWidth(header[..<header.range(of: "region")!.lowerBound])
    for line in lines.dropFirst(2) {
      let cells = line.split(separator: " ", omittingEmptySubsequences: true)
      let second = line.range(of: cells.count == 3 ? cells[1] : "NULL")!.lowerBound
      #expect(displayWidth(line[..<second]) == offset, "\(line)")
    }
  }

  @Test func tableKeepsEachRowOnOneLine() {
    let table = renderedText(Fixtures.mixed, options: RenderOptions(format: .table))
    #expect(table.split(separator: "\n").count == Fixtures.mixed.rowCount + 2)
    #expect(table.contains(#"two\nlines"#))
    #expect(table.contains(#"tab\there"#))
  }

  @Test func tsvEscapes() {
    let result = ResultSet(
      columns: [.init(name: "a", type: .text), .init(name: "b", type: .text)],
      rows: [[.text("t\tn\nr\rb\\"), .null]])
    #expect(
      renderedText(result, options: RenderOptions(format: .tsv))
        == "a\tb\n" + #"t\tn\nr\rb\\"# + "\t\n")
  }

  @Test func markdownEscapesPipesAndLineBreaks() {
    let result = ResultSet(
      columns: [.init(name: "a", type: .text)], rows: [[.text("x|y\nz")]])
    let text = renderedText(result, options: RenderOptions(format: .markdown))
    #expect(text == "| a         |\n| --------- |\n| x\\|y<br>z |\n")
  }

  @Test func lineFormatAlignsNamesAsSQLite() {
    let result = ResultSet(
      columns: [.init(name: "a", type: .integer), .init(name: "longer_name", type: .text)],
      rows: [[.integer(1), .text("x")], [.integer(2), .null]])
    #expect(
      renderedText(result, options: RenderOptions(format: .line))
        == "          a = 1\nlonger_name = x\n\n          a = 2\nlonger_name = NULL\n")
  }

  @Test func nullTextIsConfigurable() {
    let result = ResultSet(columns: [.init(name: "a", type: .text)], rows: [[.null]])
    let text = renderedText(result, options: RenderOptions(format: .table, nullText: "∅"))
    #expect(text == "a\n-\n∅\n")
  }
}
