/// An error the simulated service answers: errcode and errmsg (the rid is added when answering).
struct SandboxErrorCode: Error, Sendable, Hashable {
  var errcode: Int
  var errmsg: String

  static let systemError = Self(errcode: -1, errmsg: "system error")
  static let invalidAppID = Self(errcode: 40013, errmsg: "invalid appid")
  static let invalidToken = Self(errcode: 40014, errmsg: "invalid access_token")
  static let invalidArgs = Self(errcode: 40097, errmsg: "invalid args")
  static let missingParameter = Self(errcode: 40101, errmsg: "missing parameter")
  static let invalidAppSecret = Self(errcode: 40125, errmsg: "invalid appsecret")
  static let tokenMissing = Self(errcode: 41001, errmsg: "access_token missing")
  static let appIDMissing = Self(errcode: 41002, errmsg: "appid missing")
  static let appSecretMissing = Self(errcode: 41004, errmsg: "appsecret missing")
  static let tokenExpired = Self(errcode: 42001, errmsg: "access_token expired")
  static let requirePOST = Self(errcode: 43002, errmsg: "require POST method")
  static let emptyPostData = Self(errcode: 44002, errmsg: "empty post data")
  static let dailyQuota = Self(errcode: 45009, errmsg: "reach max api daily quota limit")
  static let dataFormat = Self(errcode: 47001, errmsg: "data format error")
  static let notAuthorized = Self(
    errcode: 61003, errmsg: "component is not authorized by this account")
  static let ticketInvalid = Self(errcode: 61006, errmsg: "component ticket is invalid")
  static let malformedCGIPath = Self(errcode: 76003, errmsg: "invalid cgi_path")
  static let unknownCGIPath = Self(errcode: 76021, errmsg: "cgi_path not found, please check")
}

/// Why one (appid, env) pair in a batch failed: the errmsg of an err_list entry.
enum PairProblem: String, Sendable {
  case notAuthorized = "appid not authorized by the component"
  case notMiniProgram = "appid is not a mini program"
  case noCloudPrivilege = "no qbase privilege"
  case otherPrincipal = "env and appid belong to different principals"
  case envNotFound = "env not found"
  case envUnavailable = "env is unavailable"
  case notShared = "env is not shared with appid"
}
