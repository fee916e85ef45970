/// One source of statements, in the order given on the command line.
enum ScriptSource: Equatable {
  case text(String)
  case file(String)
  case standardInput

  /// `-c` and `-f` in the order written (ArgumentParser keeps each list's order but not how the
  /// two interleave), then the bare script argument.
  static func ordered(commands: [String], files: [String], script: String?, arguments: [String])
    -> [ScriptSource]
  {
    var kinds: [Character] = []
    var index = 0
    let args = Array(arguments)
    while index < args.count {
      let arg = args[index]
      if arg == "--" { break }
      if arg == "-c" || arg == "--command" || arg.hasPrefix("--command=")
        || (arg.hasPrefix("-c") && !arg.hasPrefix("--") && arg.count > 2)
      {
        kinds.append("c")
      } else if arg == "-f" || arg == "--file" || arg.hasPrefix("--file=")
        || (arg.hasPrefix("-f") && !arg.hasPrefix("--") && arg.count > 2)
      {
        kinds.append("f")
      }
      // Skip the value of options that take one, so a value like "-c" is not miscounted.
      if [
        "-c", "--command", "-f", "--file", "--format", "-o", "--output", "--endpoint", "--profile",
        "--batch-size", "--concurrency", "--max-calls",
      ].contains(arg) {
        index += 1
      }
      index += 1
    }
    var c = commands.makeIterator()
    var f = files.makeIterator()
    var sources: [ScriptSource] = []
    for kind in kinds {
      if kind == "c", let text = c.next() { sources.append(.text(text)) }
      if kind == "f", let path = f.next() {
        sources.append(path == "-" ? .standardInput : .file(path))
      }
    }
    // Anything the scan missed (it should not), in list order.
    while let text = c.next() { sources.append(.text(text)) }
    while let path = f.next() { sources.append(path == "-" ? .standardInput : .file(path)) }
    if let script { sources.append(script == "-" ? .standardInput : .file(script)) }
    return sources
  }
}
