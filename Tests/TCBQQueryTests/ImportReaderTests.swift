import TCBQCore
import TCBQQuery
import Testing

/// `.import`'s reader: CSV and TSV as sqlite3 reads them, JSONL with its types.
struct ImportReaderTests {
  func read(_ text: String, _ format: ImportFormat = .csv) throws -> ResultSet {
    try ImportReader.read(Array(text.utf8), format: format)
  }

  /// The rows, row by row.
  func rows(_ result: ResultSet) -> [[Value]] {
    (0..<result.rowCount).map { row in result.columns.indices.map { result[row, $0] } }
  }

  @Test func quotedCommasQuotesAndLineBreaksWithCRLF() throws {
    let rows = try read("a,b\r\n\"x, \"\"y\"\"\",\"two\r\nlines\"\r\n,中文\r\n")
    #expect(rows.columns.map(\.name) == ["a", "b"])
    #expect(
      self.rows(rows) == [[.text("x, \"y\""), .text("two\r\nlines")], [.text(""), .text("中文")]])
  }

  @Test func emptyLinesAreSkippedAndAMissingNewlineAtTheEndIsFine() throws {
    let rows = try read("a\n\n1\n\n2")
    #expect(self.rows(rows) == [[.text("1")], [.text("2")]])
  }

  @Test func aQuoteInsideAnUnquotedFieldIsText() throws {
    #expect(rows(try read("a\nab\"c\n")) == [[.text("ab\"c")]])
  }

  @Test func badRowsNameTheirLine() {
    #expect(throws: ImportError(line: 3, message: "expected 2 fields as the header names, found 1"))
    {
      try read("a,b\n1,2\n3\n")
    }
    #expect(
      throws: ImportError(
        line: 2,
        message: "text after the closing quote of a field (a quote inside must be doubled)")
    ) {
      try read("a\n\"x\"y\n")
    }
    #expect(throws: ImportError(line: 2, message: "a quoted field is not closed")) {
      try read("a\n\"x\n")
    }
    #expect(throws: ImportError(line: 1, message: "the file is empty: no header row")) {
      try read("")
    }
  }

  @Test func tsvUsesTabs() throws {
    #expect(rows(try read("a\tb\n1,2\t3\n", .tsv)) == [[.text("1,2"), .text("3")]])
  }

  @Test func jsonLinesKeepTypesAndKeyOrder() throws {
    let rows = try read(#"{"b":1,"a":"x"}"# + "\r\n" + #"{"a":null,"c":true,"b":2.5}"#, .jsonl)
    #expect(rows.columns.map(\.name) == ["b", "a", "c"])
    #expect(rows.columns.map(\.type) == [.any, .text, .boolean])
    #expect(
      self.rows(rows) == [[.integer(1), .text("x"), .null], [.real(2.5), .null, .boolean(true)]])
    #expect(throws: ImportError(line: 2, message: "nested objects and arrays are not imported")) {
      try read("{\"a\":1}\n{\"a\":[1]}\n", .jsonl)
    }
  }

  @Test func theFormatComesFromTheEnding() {
    #expect(ImportFormat(path: "x.TSV") == .tsv)
    #expect(ImportFormat(path: "x.ndjson") == .jsonl)
    #expect(ImportFormat(path: "list.txt") == .csv)
  }
}

/// How a write's pairs become calls.
struct WriteProposalTests {
  @Test func callsHoldAtMostTheBatchSizeAndGroupEachEnv() throws {
    let pairs = [("e1", "a"), ("e2", "b"), ("e1", "c"), ("e2", "d"), ("e3", "e")].map {
      WritePair(env: $0.0, appid: $0.1)
    }
    let proposal = WriteProposal(
      kind: .unshare, pairs: pairs + [pairs[0]], existing: Set(pairs), unknownAppids: [],
      skipsUnchanged: true)
    #expect(proposal.pairs.count == 5, "duplicates removed")
    let calls = proposal.calls(batchSize: 3)
    #expect(calls.map { $0.data.map(\.env) } == [["e1", "e2"], ["e2", "e3"]])
    #expect(calls.map { $0.data.map(\.appids) } == [[["a", "c"], ["b"]], [["d"], ["e"]]])
    let body = String(decoding: try calls[0].request().body, as: UTF8.self)
    #expect(
      body
        == #"{"data":[{"env":"e1","appids":["a","c"]},{"env":"e2","appids":["b"]}],"source_type":1}"#
    )
  }

  @Test func unchangedPairsAreNotSentWhenTheWriteComesFromAQuery() {
    let exists = WritePair(env: "e", appid: "a")
    let absent = WritePair(env: "e", appid: "b")
    let unknown = WritePair(env: "e", appid: "c")
    for (kind, skipped) in [(WriteProposal.Kind.unshare, absent), (.share, exists)] {
      let proposal = WriteProposal(
        kind: kind, pairs: [exists, absent, unknown], existing: [exists], unknownAppids: ["c"],
        skipsUnchanged: true)
      #expect(proposal.unchanged == [skipped])
      #expect(proposal.toSend == [exists, absent, unknown].filter { $0 != skipped })
      let listed = WriteProposal(
        kind: kind, pairs: [exists, absent, unknown], existing: [exists], unknownAppids: ["c"],
        skipsUnchanged: false)
      #expect(listed.toSend.count == 3)
    }
  }
}
