import Foundation

/// What the real `curl` binary got back.
struct CurlResult {
  /// curl's exit status (28: timed out).
  var exitStatus: Int32
  /// The HTTP status, 0 when there was none.
  var status: Int
  var body: Data
  var text: String { String(decoding: body, as: UTF8.self) }
  /// The body as a JSON object, nil when it is not one.
  var json: [String: Any]? {
    (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
  }
  /// A missing errcode means 0; nil when the body is not JSON.
  var errcode: Int? {
    guard let json else { return nil }
    return (json["errcode"] as? NSNumber)?.intValue ?? 0
  }
  var errmsg: String { json?["errmsg"] as? String ?? "" }
}

/// Runs the real `curl` against a loopback URL.
enum Curl {
  struct Missing: Error, CustomStringConvertible {
    var description: String { "curl is not on PATH" }
  }

  /// `method` to `url` with `body` (sent as is, Content-Type application/json, when not nil).
  static func run(
    _ method: String, _ url: String, body: String? = nil, maxTime: Double = 60
  ) throws -> CurlResult {
    guard let curl = TestBinaries.onPath("curl") else { throw Missing() }
    let bodyFile = FileManager.default.temporaryDirectory
      .appendingPathComponent("tcbq-curl-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: bodyFile) }
    var arguments = [
      "--silent", "--show-error", "--noproxy", "*", "--max-time", String(maxTime), "-X", method,
      "-o", bodyFile.path, "-w", "%{http_code}",
    ]
    if let body {
      arguments += ["-H", "Content-Type: application/json", "--data-binary", body]
    }
    arguments.append(url)
    let process = Process()
    process.executableURL = curl
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let written = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CurlResult(
      exitStatus: process.terminationStatus,
      status: Int(String(decoding: written, as: UTF8.self)) ?? 0,
      body: (try? Data(contentsOf: bodyFile)) ?? Data())
  }
}
