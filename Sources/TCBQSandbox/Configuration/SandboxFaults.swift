/// Faults the sandbox injects, to exercise a client's retries and error handling.
///
/// "First K" faults hit API calls number 1…K (counted over every API path, the token call
/// included); "rate" faults hit each call with that probability, drawn from the seed and the call
/// number, so a run is reproducible. When several hit one call, HTTP 500 wins over busy; a
/// truncated answer still took effect (a share made, a quota spent), as on a real network.
public struct SandboxFaults: Sendable, Hashable {
  /// Each answer comes this long after its request. Over HTTP the request is handled when it
  /// arrives and the answer leaves at the deadline; in-process the request is handled after
  /// the sleep (and not at all when the latency is longer than the caller's timeout).
  public var latencyMilliseconds: Int
  /// The first K calls answer errcode -1 "system error" (HTTP 200) and change nothing.
  public var busyFirst: Int
  /// Probability in 0…1 that a call answers -1 "system error".
  public var busyRate: Double
  /// The first K calls answer HTTP 500 with a non-JSON body and change nothing.
  public var http500First: Int
  /// Probability in 0…1 that a call answers HTTP 500.
  public var http500Rate: Double
  /// The first K answers are cut to half their length (invalid JSON).
  public var truncateFirst: Int
  /// Probability in 0…1 that an answer is cut to half its length.
  public var truncateRate: Double
  /// The answers of these write calls (batchshareenv and batchunshareenv, counted together from
  /// 1) are cut short; the writes still take effect.
  public var truncateWrites: Set<Int>
  /// Each token (configured or minted) works for this many calls, then answers 42001.
  public var expireTokenAfter: Int?
  /// More appids than this in one batchgetenvid/batchshareenv/batchunshareenv call is 40097.
  public var maxAppidsPerCall: Int?

  public init(
    latencyMilliseconds: Int = 0, busyFirst: Int = 0, busyRate: Double = 0, http500First: Int = 0,
    http500Rate: Double = 0, truncateFirst: Int = 0, truncateRate: Double = 0,
    expireTokenAfter: Int? = nil, maxAppidsPerCall: Int? = nil, truncateWrites: Set<Int> = []
  ) {
    self.truncateWrites = truncateWrites
    self.latencyMilliseconds = latencyMilliseconds
    self.busyFirst = busyFirst
    self.busyRate = busyRate
    self.http500First = http500First
    self.http500Rate = http500Rate
    self.truncateFirst = truncateFirst
    self.truncateRate = truncateRate
    self.expireTokenAfter = expireTokenAfter
    self.maxAppidsPerCall = maxAppidsPerCall
  }

  /// No faults.
  public static let none = SandboxFaults()
}
