import TCBQQuery

/// Renders `result` in the format of `options` to `sink`, in chunks of about 64 KB. With
/// `options.maxRows` below the row count, in a format that may be cut, the first rows and then
/// `… 12,345 more rows (.maxrows 0 shows all)`.
public func render<Sink: OutputSink>(
  _ result: ResultSet, options: RenderOptions, to sink: inout Sink
) throws {
  guard let limit = options.maxRows, options.format.isCutAtMaxRows, result.rowCount > limit
  else {
    return try renderWhole(result, options: options, to: &sink)
  }
  try renderWhole(result.prefix(limit), options: options, to: &sink)
  try sink.write(Array(moreRowsLine(result.rowCount - limit).utf8))
}

/// The line after a result cut at `.maxrows`.
public func moreRowsLine(_ hidden: Int) -> String {
  "… \(groupedDigits(hidden)) more \(hidden == 1 ? "row" : "rows") (.maxrows 0 shows all)\n"
}

/// `12345` → `12,345`.
func groupedDigits(_ number: Int) -> String {
  let digits = Array(String(number.magnitude))
  var text = ""
  for (index, digit) in digits.enumerated() {
    if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
    text.append(digit)
  }
  return number < 0 ? "-" + text : text
}

private func renderWhole<Sink: OutputSink>(
  _ result: ResultSet, options: RenderOptions, to sink: inout Sink
) throws {
  switch options.format {
  case .table: try drive(TableFormatter(result, options), result, to: &sink)
  case .csv: try drive(DelimitedFormatter(result, options, .csv), result, to: &sink)
  case .tsv: try drive(DelimitedFormatter(result, options, .tsv), result, to: &sink)
  case .json: try drive(JSONFormatter(result, lines: false), result, to: &sink)
  case .jsonl: try drive(JSONFormatter(result, lines: true), result, to: &sink)
  case .markdown: try drive(MarkdownFormatter(result, options), result, to: &sink)
  case .line: try drive(LineFormatter(result, options), result, to: &sink)
  case .box: try drive(BoxFormatter(result, options), result, to: &sink)
  }
}

/// Renders `result` to a string (for tests, and small command output).
public func renderedText(_ result: ResultSet, options: RenderOptions) -> String {
  var sink = BytesSink()
  // A BytesSink never throws.
  try? render(result, options: options, to: &sink)
  return sink.string
}

/// The size at which the buffered output is handed to the sink.
let chunkSize = 64 * 1024

/// One format: the text before the rows, each row, and the text after them.
protocol RowFormatter {
  func writeStart(into out: inout [UInt8])
  func writeRow(_ row: Int, into out: inout [UInt8])
  func writeEnd(into out: inout [UInt8])
}

private func drive<Formatter: RowFormatter, Sink: OutputSink>(
  _ formatter: Formatter, _ result: ResultSet, to sink: inout Sink
) throws {
  var out: [UInt8] = []
  out.reserveCapacity(chunkSize + chunkSize / 4)
  formatter.writeStart(into: &out)
  for row in 0..<result.rowCount {
    formatter.writeRow(row, into: &out)
    if out.count >= chunkSize {
      try sink.write(out)
      out.removeAll(keepingCapacity: true)
    }
  }
  formatter.writeEnd(into: &out)
  if !out.isEmpty { try sink.write(out) }
}
