import Testing

@testable import TCBQQuery

@Suite struct TextDictionaryTests {
  @Test func codesAreStableAndDistinct() {
    var dictionary = TextDictionary()
    let texts = ["b", "", "a", "ap-shanghai", "2024-05-12 13:45:10", "中文", "😀", "a", "", "b"]
    let codes = texts.map { dictionary.codeOrInsert($0) }
    #expect(codes == [0, 1, 2, 3, 4, 5, 6, 2, 1, 0])
    #expect(dictionary.count == 7)
    #expect(Array(dictionary) == ["b", "", "a", "ap-shanghai", "2024-05-12 13:45:10", "中文", "😀"])
    #expect(dictionary.code(of: "ap-shanghai") == 3)
    #expect(dictionary.code(of: "") == 1)
    #expect(dictionary.code(of: "missing") == nil)
    #expect(TextDictionary().code(of: "x") == nil)
  }

  @Test func growingKeepsEveryCode() {
    var dictionary = TextDictionary()
    let texts = (0..<50_000).map { "env-\($0)-" + String(repeating: "x", count: $0 % 40) }
    for (i, text) in texts.enumerated() { #expect(dictionary.codeOrInsert(text) == Int32(i)) }
    for (i, text) in texts.enumerated() where i % 97 == 0 {
      #expect(dictionary.code(of: text) == Int32(i))
      #expect(dictionary[i] == text)
    }
    #expect(dictionary.count == texts.count)
  }

  @Test func reservingFirstChangesNothingVisible() {
    var reserved = TextDictionary()
    reserved.reserveCapacity(1000, averageBytes: 20)
    var plain = TextDictionary()
    for i in 0..<3000 {
      #expect(reserved.codeOrInsert("t\(i % 1500)") == plain.codeOrInsert("t\(i % 1500)"))
    }
    #expect(Array(reserved) == Array(plain))
  }

  @Test func distinctKeepsTheFirstOfEachInOrderByBytes() {
    let texts = ["b", "a", "b", "\u{E9}", "e\u{301}", "a", "\u{E9}", "", ""]
    let distinct = TextDictionary.distinct(texts).map { Array($0.utf8) }
    #expect(distinct == ["b", "a", "\u{E9}", "e\u{301}", ""].map { Array($0.utf8) })
    #expect(TextDictionary.distinct([]) == [])
    var dictionary = TextDictionary()
    let first = dictionary.insert("x")
    let again = dictionary.insert("x")
    #expect(first && !again)
    #expect(dictionary.count == 1)
  }

  /// BINARY collation: bytewise, a prefix first; the same order sqlite3 gives.
  @Test func compareIsBytewise() {
    var dictionary = TextDictionary()
    let texts = ["b", "a", "", "ab", "B", "é", "z", "a\u{0}", "中", "aa"]
    for text in texts { _ = dictionary.codeOrInsert(text) }
    let sorted = dictionary.indices.sorted { dictionary.compare($0, $1) < 0 }.map { dictionary[$0] }
    #expect(sorted == texts.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    #expect(dictionary.compare(0, 0) == 0)
  }
}
