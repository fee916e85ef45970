import TCBQQuery
import Testing

/// Source text with location markers in the style of swift-syntax's tests: write 1️⃣, 2️⃣, … in
/// the input where diagnostics are expected; `text` is the input without them, `locations` says
/// where each marker stood (1-based line and column, UTF-8 offset) in `text`.
struct MarkedSource {
  let text: String
  let locations: [String: TCBQQuery.SourceLocation]

  init(_ marked: String) {
    var text = String.UnicodeScalarView()
    var locations: [String: TCBQQuery.SourceLocation] = [:]
    var line = 1
    var column = 1
    var offset = 0
    let scalars = Array(marked.unicodeScalars)
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      // A keycap emoji: digit, U+FE0F, U+20E3.
      if index + 2 < scalars.count, ("0"..."9").contains(scalar), scalars[index + 1] == "\u{FE0F}",
        scalars[index + 2] == "\u{20E3}"
      {
        locations[String(scalar) + "\u{FE0F}\u{20E3}"] = TCBQQuery.SourceLocation(
          line: line, column: column, offset: offset)
        index += 3
        continue
      }
      text.append(scalar)
      offset += UTF8.width(scalar)
      if scalar == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
      index += 1
    }
    self.text = String(text)
    self.locations = locations
  }
}

/// A diagnostic expected at a marker.
struct ExpectedDiagnostic: CustomStringConvertible {
  var marker: String
  var message: String
  var suggestion: String?

  init(at marker: String, _ message: String, suggestion: String? = nil) {
    self.marker = marker
    self.message = message
    self.suggestion = suggestion
  }

  var description: String { "\(marker) \(message)" }
}

/// Parses the marked source and checks that exactly the expected diagnostics come out, each
/// starting at its marker.
func assertDiagnostics(
  _ marked: String, _ expected: [ExpectedDiagnostic],
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  let source = MarkedSource(marked)
  let diagnostics = Script.parse(source.text).diagnostics
  #expect(
    diagnostics.count == expected.count,
    "got \(diagnostics.map { "\($0.range.start): \($0.message)" })",
    sourceLocation: sourceLocation)
  for (diagnostic, expectation) in zip(diagnostics, expected) {
    let location = source.locations[expectation.marker]
    #expect(location != nil, "no marker \(expectation.marker)", sourceLocation: sourceLocation)
    #expect(diagnostic.range.start == location, "\(expectation)", sourceLocation: sourceLocation)
    #expect(diagnostic.message == expectation.message, sourceLocation: sourceLocation)
    #expect(diagnostic.suggestion == expectation.suggestion, sourceLocation: sourceLocation)
  }
}
