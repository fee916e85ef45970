import Testing

@testable import TCBQCore

@Suite struct ErrorDescriptionTests {
  static let documentedCodes: [Int64] = [
    -1, -1000, 40001, 40013, 40014, 40097, 40101, 40125, 41001, 42001, 43002, 44002, 45009,
    47001, 61003, 61004, 61005, 61006, 76003, 76021, 76022, 85088,
  ]

  @Test(arguments: documentedCodes)
  func everyDocumentedErrcodeHasAMeaning(errcode: Int64) {
    let meaning = APIError.meaning(of: errcode)
    #expect(meaning != nil)
    #expect(meaning?.isEmpty == false)
  }

  @Test func apiErrorNamesEndpointErrcodeMeaningAndRid() {
    let error = APIError(
      path: WeChatPath.batchGetEnvID, errcode: 45009,
      errmsg: "reach max api daily quota limit rid: 6543c0a5-1c5b4f12-5f0b1d93")
    let text = error.description
    #expect(text.contains("batchgetenvid"))
    #expect(text.contains("45009"))
    #expect(text.contains("daily quota"))
    #expect(text.contains("reach max api daily quota limit"))
    #expect(text.contains("rid: 6543c0a5-1c5b4f12-5f0b1d93"))
  }

  @Test func unknownErrcodeStillDescribed() {
    let error = APIError(path: WeChatPath.apiQuota, errcode: 99999, errmsg: "strange")
    #expect(error.meaning == nil)
    #expect(error.description == "getApiQuota failed: errcode 99999: strange")
  }

  @Test func staticTokenMessageNamesTheErrcodeAndTheFix() {
    let expired = ClientError.staticTokenRejected(errcode: 42001).description
    #expect(expired.contains("static token expired (42001)"))
    #expect(expired.contains("TCBQ_ACCESS_TOKEN"))
    #expect(ClientError.staticTokenRejected(errcode: 40001).description.contains("40001"))
  }

  @Test func otherClientErrors() {
    #expect(
      ClientError.componentAppIDRequired(path: WeChatPath.authorizerList).description.contains(
        "component appid required for api_get_authorizer_list"))
    let budget = ClientError.budgetExceeded(count: 3, limit: 3).description
    #expect(budget.contains("budget exceeded") && budget.contains("3"))
  }

  @Test(arguments: [
    (TransportError.timeout, "timeout"),
    (.connectionRefused, "refused"),
    (.connectionFailed("reset by peer"), "reset by peer"),
    (.unreachable("no route"), "no route"),
    (.httpStatus(502), "502"),
    (.undecodableBody, "could not be read"),
    (.cancelled, "cancelled"),
  ])
  func transportErrorDescriptions(error: TransportError, fragment: String) {
    #expect(error.description.contains(fragment))
  }

  @Test func transportErrorKinds() {
    #expect(TransportError.httpStatus(503).isRetryable)
    #expect(!TransportError.httpStatus(404).isRetryable)
    #expect(TransportError.httpStatus(503).httpStatus == 503)
    #expect(TransportError.connectionRefused.requestSurelyNotProcessed)
    #expect(!TransportError.timeout.requestSurelyNotProcessed)
    #expect(!TransportError.cancelled.isRetryable)
    #expect(TransportError.connectionFailed("a") != TransportError.connectionFailed("b"))
  }

  @Test func requestDescriptionsRedactTheToken() {
    let request = TransportRequest(
      path: WeChatPath.batchGetEnvID,
      query: [.init(name: "access_token", value: "T0KEN-SECRET")],
      body: Array(#"{"component_appsecret":"APP-SECRET"}"#.utf8))
    for text in [
      request.description, request.debugDescription, request.redactedDescription,
      String(describing: request), String(reflecting: request), "\(request.query)",
      dumped(request),
    ] {
      #expect(!text.contains("T0KEN-SECRET"), "\(text)")
      #expect(!text.contains("APP-SECRET"), "\(text)")
    }
    #expect(
      request.description == "POST /componenttcb/batchgetenvid?access_token=<redacted> (36 bytes)")
  }

  @Test func secretsStayOutOfDescriptions() {
    let request = ComponentTokenRequest(
      componentAppID: "wxc", componentAppSecret: "APP-SECRET", componentVerifyTicket: "TICKET")
    #expect(!request.description.contains("APP-SECRET"))
    #expect(!request.description.contains("TICKET"))
    #expect(!String(describing: StaticTokenProvider("T0KEN-SECRET")).contains("T0KEN-SECRET"))
    let unknown = WriteOutcomeUnknown(
      path: WeChatPath.batchShareEnv, env: "prod", appids: ["wx1"], cause: .timeout)
    #expect(unknown.description.contains("outcome unknown"))
    #expect(unknown.description.contains("not re-sent"))
  }

  private func dumped(_ value: some Any) -> String {
    var text = ""
    dump(value, to: &text)
    return text
  }
}

@Suite struct AppFailureDescriptionTests {
  @Test func namesAppidMessageMeaningAndRid() {
    let failure = AppFailure(
      appid: "wx2", errcode: 85088, errmsg: "no qbase privilege", rid: "9-9-9")
    #expect(
      failure.description
        == "wx2: no qbase privilege (errcode 85088: the mini program has not enabled cloud development (no qbase privilege)) rid: 9-9-9"
    )
    #expect(
      AppFailure(appid: "wx1", errmsg: "no answer from the API within the timeout").description
        == "wx1: no answer from the API within the timeout")
  }

  @Test func anUnknownErrcodeHasNoMeaningAndARidInTheMessageIsNotRepeated() {
    let failure = AppFailure(
      appid: "/componenttcb/batchgetenvid", errcode: 99999, errmsg: "odd rid: 1-2-3", rid: "1-2-3")
    #expect(failure.description == "/componenttcb/batchgetenvid: odd rid: 1-2-3 (errcode 99999)")
  }

  @Test(arguments: [(Int64?.some(45009), true), (85088, false), (nil, false)])
  func quotaExhaustedIsErrcode45009(errcode: Int64?, exhausted: Bool) {
    #expect(AppFailure(appid: "wx1", errcode: errcode, errmsg: "").isQuotaExhausted == exhausted)
  }

  @Test func knownPerAppMessagesGetTheirErrcode() {
    #expect(APIError.errcode(forMessage: "no qbase privilege") == 85088)
    #expect(APIError.errcode(forMessage: "No qbase privilege rid: 1-2-3") == 85088)
    #expect(APIError.errcode(forMessage: "env not found") == nil)
  }
}
