import TCBQQuery

/// libFuzzer entry point: every input goes through the lexer, the script parser and, for each
/// `select` (also inside `explain`), the planner over the standard catalog. Any crash, trap or
/// sanitizer report is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  _ = Lexer.tokenize(text, includeComments: true)
  let result = Script.parse(text)
  for parsed in result.statements {
    let select: SelectStatement
    switch parsed.statement {
    case .select(let statement): select = statement
    default: continue
    }
    _ = try? Planner.plan(select, catalog: .standard, source: text)
  }
  return 0
}
