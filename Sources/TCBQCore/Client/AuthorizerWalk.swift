/// Where a walk of api_get_authorizer_list (and, optionally, the batchgetenvid batches of the
/// appids it finds) stands: which pages are asked for, which appids are known, which are batched.
/// Owned by the task that dispatches the calls; the calls themselves never touch it.
///
/// The walk's rules:
/// - the first page's `total_count` plans the other pages (`total_count / pageSize` of them, the
///   last possibly empty), asked for concurrently;
/// - a page shorter than the page size ends the walk: pages after it not yet sent are dropped;
/// - a full last planned page asks for the next one (the list grew, or `total_count` was absent);
/// - an appid seen twice counts once;
/// - with shares, a batch is formed as soon as `batchSize` new appids are known, and the rest once
///   no page is outstanding, so the number of batches is `ceil(apps / batchSize)`.
struct AuthorizerWalk {
  enum Work {
    case page(index: Int)
    case batch(Range<Int>)
  }

  let pageSize: Int
  let fetchesShares: Bool

  /// The authorizers of each page answered, by page index.
  private var pages: [Int: [Authorizer]] = [:]
  /// Page indexes planned but not yet handed out, ascending.
  private var queuedPages: [Int] = [0]
  private var lastPlannedPage = 0
  private var endPage: Int?
  private(set) var pagesInFlight = 0
  private(set) var pagesDone = 0

  /// Every appid found, in arrival order, with its position.
  private(set) var appids: [String] = []
  private var position: [String: Int] = [:]
  /// `appids[..<batched]` have been handed out in batches.
  private var batched = 0
  /// Appids known but not yet in a batch.
  var unbatched: Int { appids.count - batched }
  private var outcomes: [WeChatClient.AppOutcome?] = []
  private(set) var batchesInFlight = 0
  private(set) var batchesDone = 0
  private(set) var relationRows = 0

  init(pageSize: Int, fetchesShares: Bool) {
    self.pageSize = pageSize
    self.fetchesShares = fetchesShares
  }

  /// The pages asked for or still to be asked for (it grows when a full last page asks for the
  /// next one).
  var pagesPlanned: Int { pagesDone + pagesInFlight + queuedPages.count }

  /// The next call to make, or nil when none can be made now. Pages come first: they are what
  /// makes more batches known.
  mutating func nextWork(batchSize: Int) -> Work? {
    if !queuedPages.isEmpty {
      pagesInFlight += 1
      return .page(index: queuedPages.removeFirst())
    }
    guard fetchesShares else { return nil }
    let ready = appids.count - batched
    guard ready >= batchSize || (ready > 0 && pagesInFlight == 0) else { return nil }
    let range = batched..<(batched + min(ready, batchSize))
    batched = range.upperBound
    batchesInFlight += 1
    return .batch(range)
  }

  /// Records page `index`: `entries` list items were answered, `found` the authorizers among them.
  mutating func pageAnswered(index: Int, entries: Int, found: [Authorizer], totalCount: Int64?) {
    pagesInFlight -= 1
    pagesDone += 1
    pages[index] = found
    for authorizer in found where position[authorizer.appid] == nil {
      position[authorizer.appid] = appids.count
      appids.append(authorizer.appid)
      outcomes.append(nil)
    }
    if index == 0, let totalCount, totalCount > 0 {
      plan(through: Int(clamping: totalCount) / pageSize)
    }
    if entries < pageSize {
      endPage = min(endPage ?? index, index)
      queuedPages.removeAll { $0 > index }
    } else if index == lastPlannedPage, endPage.map({ index < $0 }) ?? true {
      plan(through: index + 1)
    }
  }

  /// Records the outcomes of the batch `range` of `appids`.
  mutating func batchAnswered(_ range: Range<Int>, _ batch: [WeChatClient.AppOutcome]) {
    batchesInFlight -= 1
    batchesDone += 1
    for (offset, outcome) in batch.enumerated() {
      outcomes[range.lowerBound + offset] = outcome
      if case .envs(let envs) = outcome { relationRows += envs.count }
    }
  }

  private mutating func plan(through page: Int) {
    guard page > lastPlannedPage else { return }
    queuedPages += (lastPlannedPage + 1)...page
    lastPlannedPage = page
  }

  /// The authorizers in page order, each appid once (its first place).
  func authorizers() -> [Authorizer] {
    var seen = Set<String>(minimumCapacity: appids.count)
    var result: [Authorizer] = []
    result.reserveCapacity(appids.count)
    for index in pages.keys.sorted() {
      for authorizer in pages[index] ?? [] where seen.insert(authorizer.appid).inserted {
        result.append(authorizer)
      }
    }
    return result
  }

  /// The shares of `authorizers` (in their order).
  func shares(of authorizers: [Authorizer]) -> SharesResult {
    let order = authorizers.map(\.appid)
    return WeChatClient.sharesResult(order, order.map { position[$0].flatMap { outcomes[$0] } })
  }
}
