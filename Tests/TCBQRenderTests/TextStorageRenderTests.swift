import Testing

@testable import TCBQQuery
@testable import TCBQRender

/// A result whose text column holds dictionary codes renders exactly as the same values boxed.
@Suite struct TextStorageRenderTests {
  static let texts: [String?] = [
    "plain", nil, "", "a,b", "say \"hi\"", "line\nbreak", "=1+1", "tab\there", "中文",
    "\u{2028}sep",
  ]

  static func results() -> (coded: ResultSet, boxed: ResultSet) {
    var column = TextColumn()
    for text in texts { column.append(text) }
    let columns = [
      ResultSet.Column(name: "t", type: .text), ResultSet.Column(name: "n", type: .integer),
    ]
    let numbers = texts.indices.map { Value.integer(Int64($0)) }
    let coded = ResultSet(
      columns: columns,
      storage: [.text(codes: column.codes, dictionary: column.dictionary), .values(numbers)])
    let boxed = ResultSet(
      columns: columns, values: [texts.map { $0.map(Value.text) ?? .null }, numbers])
    return (coded, boxed)
  }

  @Test(arguments: OutputFormat.allCases)
  func codedAndBoxedRenderTheSame(format: OutputFormat) {
    let (coded, boxed) = Self.results()
    #expect(coded.values == boxed.values)
    for csvSafe in [false, true] {
      let options = RenderOptions(format: format, csvSafe: csvSafe)
      let text = renderedText(coded, options: options)
      #expect(text == renderedText(boxed, options: options))
      #expect(text.contains("中文"))
    }
  }
}
