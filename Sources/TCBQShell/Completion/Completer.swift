import TCBQQuery
import TCBQRender

/// What completion may offer besides the language and the dot commands: the catalog, and the
/// appids, env ids and nick names the session has fetched.
public struct CompletionContext: Sendable {
  public var catalog: Catalog
  public var appids: [String]
  public var envIDs: [String]
  /// appid → nick name (from `app_info`): where an appid is expected, a nick name typed
  /// completes to its appid.
  public var nickNames: [String: String]
  /// Lists the paths that start with a prefix (file completion after `.read`/`.output`).
  public var listPaths: @Sendable (String) -> [String]

  public init(
    catalog: Catalog, appids: [String] = [], envIDs: [String] = [],
    nickNames: [String: String] = [:],
    listPaths: @escaping @Sendable (String) -> [String] = { _ in [] }
  ) {
    self.catalog = catalog
    self.appids = appids
    self.envIDs = envIDs
    self.nickNames = nickNames
    self.listPaths = listPaths
  }

  /// The context of what the session has fetched.
  public init(
    catalog: Catalog, known: FetchedIdentifiers,
    listPaths: @escaping @Sendable (String) -> [String] = { _ in [] }
  ) {
    self.init(
      catalog: catalog, appids: known.appids, envIDs: known.envIDs, nickNames: known.nickNames,
      listPaths: listPaths)
  }
}

/// The candidates for the word that ends at the cursor.
public struct Completion: Equatable, Sendable {
  /// The text being completed (the part of the word before the cursor).
  public var prefix: String
  /// Whole words that start with `prefix`, sorted.
  public var candidates: [String]
}

/// The completion engine: a pure function from (text, cursor, context) to candidates.
public enum Completer {
  /// Every function's name, scalar and aggregate.
  public static let functions = Functions.names
  /// The reserved keywords that do not begin a statement (`from`, `where`, `and`, …).
  static let clauseKeywords = Keyword.allCases.filter { $0.isReserved && !$0.startsStatement }
    .map(\.rawValue)
  static let statementWords = Keyword.statementKeywords.map(\.rawValue)
  static let formats = OutputFormat.allCases.map(\.rawValue)

  /// `text` is the whole input so far (all lines of a statement); `cursor` a UTF-8 offset in it.
  public static func complete(_ text: String, cursor: Int, context: CompletionContext) -> Completion
  {
    let utf8 = Array(text.utf8)
    let end = max(0, min(cursor, utf8.count))
    let before = String(decoding: utf8[..<end], as: UTF8.self)

    // The statement being typed: what follows the last `;`.
    let statement = currentStatement(before)

    // Dot commands are one line.
    let line =
      statement.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
    let trimmedLine = line.drop { $0 == " " || $0 == "\t" }
    if trimmedLine.hasPrefix(".") {
      return completeDotCommand(String(trimmedLine), context: context)
    }

    // Inside a string literal: ids from the session.
    if let open = openQuoteStart(statement) {
      let prefix = String(statement[statement.index(after: open)...])
      let kind = idKind(before: String(statement[..<open]))
      let ids = matching(prefix, kind.ids(context))
      let named = kind == .envIDs ? [] : appids(named: prefix, context: context)
      return Completion(prefix: prefix, candidates: ids + named)
    }

    let prefix = currentWord(statement)
    let head = String(statement.dropLast(prefix.count))
    let tokens = Lexer.tokenize(head).filter { $0.kind != .endOfInput }
    let words = tokens.map { $0.text.lowercased() }
    let candidates = candidatesAfter(tokens: tokens, words: words, prefix: prefix, context: context)
    let named = expectsAppid(words: words) ? appids(named: prefix, context: context) : []
    return Completion(
      prefix: prefix, candidates: matching(prefix, candidates, keywordsIn: prefix) + named)
  }

  // MARK: the parts

  static func candidatesAfter(
    tokens: [Token], words: [String], prefix: String, context: CompletionContext
  ) -> [String] {
    guard let first = words.first else { return statementWords }
    let last = words.last ?? ""
    let tables = context.catalog.tableNames

    // `alias.` or `table.`: that table's columns.
    if last == ".", words.count >= 2 {
      let qualifier = words[words.count - 2]
      let aliases = aliasMap(words: words, catalog: context.catalog)
      if let table = aliases[qualifier].flatMap(context.catalog.table(named:)) {
        return table.columns.map(\.name)
      }
      return []
    }

    let queries = ["share", "unshare", "create"].contains(first) && words.contains("select")
    if !queries, expectsAppid(words: words) { return context.appids }
    switch first {
    case _ where queries:
      break  // the query of a write or of `create table … as`: completed as a select
    case "create":
      return words.count == 1
        ? ["table"] : words.count == 3 ? ["as"] : words.count == 4 ? ["select"] : []
    case "drop":
      if words.count == 1 { return ["table"] }
      return words.count == 2
        ? context.catalog.tables.filter { $0.id == nil && $0.name != Catalog.lastResultName }.map(
          \.name) : []
    case "shares":
      return ["of"]
    case "share":
      return words.count == 1 ? context.envIDs : ["with"]
    case "unshare":
      return words.count == 1 ? context.envIDs : ["from"]
    case "show":
      return words.count == 1 ? ["tables"] : []
    case "describe", "refresh":
      return words.count == 1 ? tables : []
    case "explain" where words.count == 1:
      return ["select"]
    case "select", "explain":
      break
    default:
      return []
    }

    if last == "from" || last == "join" { return tables }
    let aliases = aliasMap(words: words, catalog: context.catalog)
    // After a table name in from/join: clauses.
    if words.count >= 2, ["from", "join"].contains(words[words.count - 2]), aliases[last] != nil {
      return ["as", "where", "join", "left", "inner", "on", "group", "order", "limit"]
    }
    var columns: [String] = []
    var seen = Set<String>()
    for table in Set(aliases.values).sorted() {
      for column in context.catalog.table(named: table)?.columns ?? []
      where seen.insert(column.name).inserted {
        columns.append(column.name)
      }
    }
    if columns.isEmpty {
      // No from yet: every column of every table.
      for table in context.catalog.tables {
        for column in table.columns where seen.insert(column.name).inserted {
          columns.append(column.name)
        }
      }
    }
    return columns + functions + clauseKeywords
  }

  /// alias (or table name) → table name, for the tables named after from/join.
  static func aliasMap(words: [String], catalog: Catalog) -> [String: String] {
    var map: [String: String] = [:]
    var i = 0
    while i < words.count {
      if words[i] == "from" || words[i] == "join", i + 1 < words.count,
        catalog.table(named: words[i + 1]) != nil
      {
        let table = words[i + 1]
        map[table] = table
        var j = i + 2
        if j < words.count, words[j] == "as" { j += 1 }
        if j < words.count, !clauseKeywords.contains(words[j]), words[j].first?.isLetter == true {
          map[words[j]] = table
        }
      }
      i += 1
    }
    return map
  }

  /// Whether the word after `words` is an appid: after `shares of`, `share ENV with` and
  /// `unshare ENV from`.
  static func expectsAppid(words: [String]) -> Bool {
    switch words.first {
    case "shares": words.count >= 2
    case "share", "unshare": words.count >= 3
    default: false
    }
  }

  /// What a string literal holds, by the column it is compared with.
  enum IDKind {
    case appids, envIDs, either

    func ids(_ context: CompletionContext) -> [String] {
      switch self {
      case .appids: context.appids
      case .envIDs: context.envIDs
      case .either: context.appids + context.envIDs
      }
    }
  }

  /// The kind of id a string literal opened after `before` holds.
  static func idKind(before: String) -> IDKind {
    let words = Lexer.tokenize(before).filter { $0.kind == .word }.map { $0.text.lowercased() }
    for word in words.reversed() {
      if word == "appid" || word == "app_id" { return .appids }
      if word == "env_id" || word == "env" { return .envIDs }
    }
    return .either
  }

  /// Where an appid is expected and `prefix` starts nick names: the appid when one app is meant
  /// (the only name that starts so, or the name typed in full), otherwise the names, so that
  /// Tab extends the typed text to what they share or lists them. Nothing for an empty prefix or
  /// one with a space (the line editor replaces a word).
  static func appids(named prefix: String, context: CompletionContext) -> [String] {
    guard !prefix.isEmpty, !prefix.contains(where: \.isWhitespace) else { return [] }
    let typed = prefix.lowercased()
    let named = context.nickNames.filter { $0.value.lowercased().hasPrefix(typed) }
    let exact = named.filter { $0.value.lowercased() == typed }
    if !exact.isEmpty { return exact.keys.sorted() }
    let names = Set(named.values)
    return names.count == 1 ? named.keys.sorted() : names.sorted()
  }

  static func completeDotCommand(_ line: String, context: CompletionContext) -> Completion {
    let parts = line.split(separator: " ", omittingEmptySubsequences: true)
    let endsWithSpace = line.last == " "
    if parts.count <= 1 && !endsWithSpace {
      let prefix = String(line)
      let words = ShellCommand.completionWords.map { "." + $0 }
      return Completion(prefix: prefix, candidates: matching(prefix, words))
    }
    let values = ShellCommand(word: parts[0].dropFirst())?.declaration.completes ?? .none
    if values == .statement, parts.count > 2 || (parts.count == 2 && endsWithSpace) {
      // `.watch 5 sel…`: the statement after the number completes as at the prompt.
      let statement = String(line.drop { $0 != " " }.drop { $0 == " " }.drop { $0 != " " })
      return complete(statement, cursor: statement.utf8.count, context: context)
    }
    let prefix = endsWithSpace ? "" : String(parts.last!)
    let candidates = matching(prefix, options(values, prefix, context))
    return Completion(prefix: prefix, candidates: candidates)
  }

  /// The values a dot command's argument takes that start with `prefix`.
  static func options(
    _ values: ShellCommand.ArgumentValues, _ prefix: String, _ context: CompletionContext
  ) -> [String] {
    switch values {
    case .none: []
    case .paths: context.listPaths(prefix)
    case .formats: formats
    case .onOff: ["on", "off"]
    case .off: ["off"]
    case .tables: context.catalog.tableNames
    case .statement: []
    }
  }

  // MARK: text helpers

  /// The text after the last `;` that is outside strings and comments.
  static func currentStatement(_ text: String) -> String {
    var lastBoundary = text.startIndex
    var inString = false
    var index = text.startIndex
    while index < text.endIndex {
      let c = text[index]
      if c == "'" { inString.toggle() }
      if c == ";" && !inString { lastBoundary = text.index(after: index) }
      index = text.index(after: index)
    }
    return String(text[lastBoundary...])
  }

  /// The index of the quote that opens an unterminated string, if the text ends inside one.
  static func openQuoteStart(_ text: String) -> String.Index? {
    var open: String.Index?
    var inComment = false
    var index = text.startIndex
    while index < text.endIndex {
      let c = text[index]
      if inComment {
        if c == "\n" { inComment = false }
      } else if open == nil, c == "-", text[index...].hasPrefix("--") {
        inComment = true
      } else if c == "'" {
        open = open == nil ? index : nil
      }
      index = text.index(after: index)
    }
    return open
  }

  /// The word that ends at the end of `text`: letters, digits, `_` and `-` (ids contain `-`).
  static func currentWord(_ text: String) -> String {
    var word = ""
    for c in text.reversed() {
      guard c.isLetter || c.isNumber || c == "_" || c == "-" else { break }
      word.insert(c, at: word.startIndex)
    }
    // A leading `-` is an operator, not part of a word.
    while word.hasPrefix("-") { word.removeFirst() }
    return word
  }

  /// The candidates that start with `prefix` (ignoring case), unique and sorted. Keywords follow
  /// the case the user types in.
  static func matching(_ prefix: String, _ candidates: [String], keywordsIn typed: String = "")
    -> [String]
  {
    let lower = prefix.lowercased()
    let upper = !typed.isEmpty && typed == typed.uppercased() && typed.contains(where: \.isLetter)
    var seen = Set<String>()
    var out: [String] = []
    for candidate in candidates where candidate.lowercased().hasPrefix(lower) {
      let shown = upper && Keyword(word: candidate) != nil ? candidate.uppercased() : candidate
      if seen.insert(shown).inserted { out.append(shown) }
    }
    return out.sorted()
  }
}
