import TCBQQuery

/// As sqlite3's `.mode line`: one `column = value` per line, names right-aligned to the widest
/// (at least 5), a blank line between rows. Values are escaped to stay on their line.
struct LineFormatter: RowFormatter {
  let result: ResultSet
  let options: RenderOptions
  private let names: [String]
  private let nameWidth: Int

  init(_ result: ResultSet, _ options: RenderOptions) {
    self.result = result
    self.options = options
    let names = result.columns.map { oneLine($0.name) }
    self.names = names
    self.nameWidth = names.reduce(5) { max($0, displayWidth($1)) }
  }

  func writeStart(into out: inout [UInt8]) {}

  func writeRow(_ row: Int, into out: inout [UInt8]) {
    if row > 0 { out.append(0x0A) }
    for (index, name) in names.enumerated() {
      out.appendSpaces(nameWidth - displayWidth(name))
      out.append(name)
      out.append(" = ")
      if let text = result[row, index].plainText {
        out.append(oneLine(text))
      } else if options.color {
        out.append(ANSI.dim + options.nullText + ANSI.reset)
      } else {
        out.append(options.nullText)
      }
      out.append(0x0A)
    }
  }

  func writeEnd(into out: inout [UInt8]) {}
}
