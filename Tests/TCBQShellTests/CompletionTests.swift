import TCBQQuery
import TCBQRender
import Testing

@testable import TCBQShell

@Suite struct CompletionTests {
  let context = CompletionContext(
    catalog: .standard,
    appids: ["wx1111aaaa2222bbbb", "wx1111cccc3333dddd", "wx9999eeee0000ffff"],
    envIDs: ["prod-3fa9c1", "prod-77b2e0", "test-1c2d3e"],
    listPaths: { prefix in
      ["scripts/daily.tcbq", "scripts/export.tcbq", "notes.txt"].filter { $0.hasPrefix(prefix) }
    })

  func complete(_ text: String) -> [String] {
    Completer.complete(text, cursor: text.utf8.count, context: context).candidates
  }

  @Test func localTablesAndTheQueriesOfWritesAndCreate() {
    let catalog = Catalog.standard.replacing(
      TableSchema(
        local: "customers", columns: [.init(name: "customer", type: .text)], summary: "imported"))
    let local = CompletionContext(catalog: catalog)
    func complete(_ text: String) -> [String] {
      Completer.complete(text, cursor: text.utf8.count, context: local).candidates
    }
    #expect(complete("select * from custome") == ["customers"])
    #expect(complete("drop ") == ["table"])
    #expect(complete("drop table ") == ["customers"])
    #expect(complete("create table x ") == ["as"])
    #expect(complete("unshare prod-1 from (select appid from custome") == ["customers"])
    #expect(complete("create table x as select * from custome") == ["customers"])
  }

  @Test func statementKeywordsAtTheStart() {
    #expect(complete("sel") == ["select"])
    #expect(complete("sh") == ["share", "shares", "show"])
    #expect(
      complete("") == [
        "create", "describe", "drop", "explain", "refresh", "select", "share", "shares",
        "show", "unshare", "values", "with",
      ])
  }

  @Test func keywordsFollowTheCaseTyped() {
    #expect(complete("SEL") == ["SELECT"])
  }

  @Test func tableNamesAfterFromAndJoin() {
    #expect(complete("select * from e") == ["envs"])
    #expect(complete("select * from shares s join d") == ["databases"])
    #expect(complete("describe sh") == ["share_errors", "shares"])
    #expect(complete("select * from app_") == ["app_info", "app_permissions"])
    #expect(complete("select * from ").contains("custom_log_services"))
  }

  @Test func columnsOfTheTablesInTheStatement() {
    #expect(complete("select * from envs where sta") == ["status"])
    // `appid` is a column of shares, not of envs.
    #expect(complete("select * from envs where app") == [])
    #expect(complete("select * from shares where app") == ["appid"])
  }

  @Test func columnsAfterAnAlias() {
    let columns = complete("select e. from envs e")
    #expect(columns.isEmpty)  // cursor at the end: the alias is not defined before the cursor
    let text = "select * from envs e join shares s on s.env_id = e."
    #expect(complete(text).contains("region"))
    #expect(!complete(text).contains("appid"))
    #expect(complete("select * from envs e join shares s on s.") == ["appid", "env_id"])
  }

  @Test func columnsMidStatementWithCursorBeforeTheFrom() {
    let text = "select sta from envs"
    let cursor = "select sta".utf8.count
    // Before the cursor there is no from: every table's columns are offered.
    #expect(
      Completer.complete(text, cursor: cursor, context: context).candidates.contains("status"))
  }

  @Test func functions() {
    #expect(complete("select coa") == ["coalesce"])
    #expect(complete("select count(*) from envs group by status having cou") == ["count"])
  }

  @Test(arguments: Functions.names)
  func everyFunctionIsOffered(name: String) {
    #expect(complete("select * from envs where " + name.prefix(2)).contains(name))
    #expect(complete("select " + name).contains(name))
  }

  @Test func theFunctionsAreTheScalarAndAggregateOnes() {
    #expect(
      Set(Functions.names) == [
        "lower", "upper", "length", "substr", "trim", "coalesce",
        "ifnull", "count", "sum", "min", "max", "avg", "typeof", "abs", "round", "replace",
        "instr", "ltrim", "rtrim", "iif", "nullif", "hex", "char", "printf", "format", "total",
        "group_concat",
      ])
    #expect(Functions.names.count == Set(Functions.names).count)
  }

  @Test(arguments: OutputFormat.allCases)
  func everyFormatIsOfferedAfterMode(format: OutputFormat) {
    #expect(complete(".mode ").contains(format.rawValue))
    #expect(complete(".MODE " + format.rawValue.prefix(1)).contains(format.rawValue))
  }

  @Test func everyStatementKeywordStartsAStatement() {
    #expect(complete("") == Keyword.statementKeywords.map(\.rawValue).sorted())
    #expect(!complete("select * from envs where ").contains("select"))
    #expect(complete("select * from envs e left ou") == ["outer"])
  }

  @Test func everyDotCommandIsOfferedAfterADot() {
    let offered = complete(".")
    for command in ShellCommand.allCases { #expect(offered.contains("." + command.rawValue)) }
    #expect(offered.contains(".exit"))
    // `.q` is the start of `.quit`: offering both would stop Tab at `.q`.
    #expect(!offered.contains(".q"))
    #expect(complete(".q") == [".quit"])
  }

  @Test func dotCommandArgumentsFollowTheDeclaration() {
    #expect(complete(".timer ") == ["off", "on"])
    #expect(complete(".maxcalls ") == ["off"])
    #expect(complete(".read ") == ["notes.txt", "scripts/daily.tcbq", "scripts/export.tcbq"])
    #expect(complete(".tables ").isEmpty)
    #expect(complete(".exit ").isEmpty)
    #expect(complete(".nosuch ").isEmpty)
  }

  @Test func appidsAfterOfWithAndFrom() {
    #expect(complete("shares of wx1111") == ["wx1111aaaa2222bbbb", "wx1111cccc3333dddd"])
    #expect(complete("shares of wx1111aaaa2222bbbb, wx9") == ["wx9999eeee0000ffff"])
    #expect(complete("share prod-3fa9c1 with wx") == context.appids)
    #expect(complete("unshare prod-3fa9c1 from wx99") == ["wx9999eeee0000ffff"])
  }

  @Test func envIDsAfterShareAndUnshare() {
    #expect(complete("share prod") == ["prod-3fa9c1", "prod-77b2e0"])
    #expect(complete("unshare prod-7") == ["prod-77b2e0"])
  }

  @Test func idsInsideStringLiterals() {
    #expect(complete("select * from shares where appid = 'wx1111c") == ["wx1111cccc3333dddd"])
    #expect(complete("select * from shares where env_id in ('prod-3fa9c1', 'te") == ["test-1c2d3e"])
    // Unknown column context: both kinds.
    #expect(complete("select 'p").contains("prod-3fa9c1"))
  }

  @Test func dotCommandsAndTheirArguments() {
    #expect(complete(".he") == [".headers", ".help"])
    #expect(complete(".mode js") == ["json", "jsonl"])
    #expect(complete(".headers o") == ["off", "on"])
    #expect(complete(".read scripts/d") == ["scripts/daily.tcbq"])
    #expect(complete(".output ") == ["notes.txt", "scripts/daily.tcbq", "scripts/export.tcbq"])
    #expect(complete(".schema ta") == ["tags"])
  }

  @Test func secondLineOfAStatement() {
    #expect(complete("select env_id\nfrom envs\nwhere reg") == ["region"])
  }

  @Test func afterASemicolonANewStatementStarts() {
    #expect(complete("select 1; sho") == ["show"])
  }

  /// The context with the nick names of `app_info`.
  var named: CompletionContext {
    var context = self.context
    context.nickNames = [
      "wx1111aaaa2222bbbb": "云栈商城", "wx1111cccc3333dddd": "云栈商城测试版",
      "wx9999eeee0000ffff": "示例餐饮外卖",
    ]
    return context
  }

  func completeNamed(_ text: String) -> [String] {
    Completer.complete(text, cursor: text.utf8.count, context: named).candidates
  }

  @Test func aNickNameCompletesToItsAppidWhereAnAppidIsExpected() {
    #expect(completeNamed("shares of 示例") == ["wx9999eeee0000ffff"])
    #expect(completeNamed("share prod-3fa9c1 with 示") == ["wx9999eeee0000ffff"])
    #expect(
      completeNamed("unshare prod-3fa9c1 from wx1111aaaa2222bbbb, 示例餐") == ["wx9999eeee0000ffff"])
    #expect(completeNamed("select * from shares where appid = '示例") == ["wx9999eeee0000ffff"])
    #expect(completeNamed("select * from app_info where appid in ('示例") == ["wx9999eeee0000ffff"])
  }

  @Test func severalNickNamesAreOfferedAsNamesUntilOneIsMeant() {
    // Two names start so: Tab extends to what they share, or lists them.
    #expect(completeNamed("shares of 云栈") == ["云栈商城", "云栈商城测试版"])
    // One typed in full is meant, though another name starts with it.
    #expect(completeNamed("shares of 云栈商城") == ["wx1111aaaa2222bbbb"])
    #expect(completeNamed("shares of 云栈商城测") == ["wx1111cccc3333dddd"])
  }

  @Test func nickNamesAreNotOfferedWhereNoAppidIsExpected() {
    #expect(completeNamed("select * from shares where env_id = '示例").isEmpty)
    #expect(completeNamed("share 示例").isEmpty)
    #expect(completeNamed("select 示例").isEmpty)
    // An empty word offers the appids only, not every name.
    #expect(completeNamed("shares of ") == context.appids)
  }
}
