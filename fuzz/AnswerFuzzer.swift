import TCBQCore

/// libFuzzer entry point for the API answers tcbq reads with its own JSON code: each input is
/// read as one environment, as a batchgetenvid answer, and as a describecloudbaserunenvs answer
/// split into members and `env_list` elements — once whole and once in chunks of a size taken
/// from the input's first byte. The two splits must agree (the same elements, or both failing);
/// a disagreement traps. Any crash, trap or sanitizer report is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  _ = try? CloudBaseRunEnv(json: bytes)
  _ = try? BatchGetEnvIDResponse(json: bytes)
  let chunk = Int(bytes.first ?? 1) % 17 + 1
  let whole = split(bytes, chunk: max(bytes.count, 1))
  let chunked = split(bytes, chunk: chunk)
  precondition(whole == chunked, "the split depends on the chunk size \(chunk)")
  return 0
}

/// The members and elements, as byte arrays, with the envs decoded; nil when the stream fails.
private func split(_ bytes: [UInt8], chunk: Int) -> [[UInt8]]? {
  var stream = JSONObjectStream(arrayKey: "env_list")
  var pieces: [[UInt8]] = []
  do {
    for start in stride(from: 0, to: bytes.count, by: chunk) {
      try stream.feed(
        bytes[start..<min(start + chunk, bytes.count)],
        member: { key, value in pieces.append(Array(key.utf8) + [0] + Array(value)) },
        element: { element in
          _ = try? CloudBaseRunEnv(json: element)
          pieces.append(Array(element))
        })
    }
    try stream.finish()
  } catch {
    return nil
  }
  return pieces
}
