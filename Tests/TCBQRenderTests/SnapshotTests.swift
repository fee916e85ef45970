import TCBQQuery
import TCBQRender
import Testing

/// Golden output of every format for every fixture, with and without headers.
@Suite struct SnapshotTests {
  static let cases: [(fixture: String, format: OutputFormat)] = Fixtures.all.flatMap { fixture in
    OutputFormat.allCases.map { (fixture.name, $0) }
  }

  @Test(arguments: cases)
  func rendersAsRecorded(fixture: String, format: OutputFormat) throws {
    let result = try #require(Fixtures.all.first { $0.name == fixture }).result
    let text = renderedText(result, options: RenderOptions(format: format))
    try assertSnapshot(text, named: "\(fixture).\(format.rawValue).txt")
  }

  @Test(arguments: OutputFormat.allCases.filter(\.hasHeaderRow))
  func rendersWithoutHeader(format: OutputFormat) throws {
    let text = renderedText(Fixtures.mixed, options: RenderOptions(format: format, headers: false))
    try assertSnapshot(text, named: "mixed-noheader.\(format.rawValue).txt")
    #expect(!text.contains("amount"))
  }

  @Test(arguments: [OutputFormat.table, .line])
  func rendersInColour(format: OutputFormat) throws {
    let text = renderedText(Fixtures.mixed, options: RenderOptions(format: format, color: true))
    try assertSnapshot(text, named: "mixed-color.\(format.rawValue).txt")
    #expect(text.contains("\u{1B}[2mNULL\u{1B}[0m"))
  }

  @Test(arguments: [OutputFormat.csv, .tsv])
  func guardsAgainstFormulas(format: OutputFormat) throws {
    let text = renderedText(Fixtures.mixed, options: RenderOptions(format: format, csvSafe: true))
    try assertSnapshot(text, named: "mixed-safe.\(format.rawValue).txt")
    #expect(text.contains("'=1+2"))
    // Negative numbers are numbers, not formulas.
    #expect(text.contains("-42"))
    #expect(!text.contains("'-42"))
  }
}
