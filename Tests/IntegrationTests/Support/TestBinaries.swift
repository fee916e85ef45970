import Foundation

/// Finds the package's built executables from inside a test process.
enum TestBinaries {
  struct NotFound: Error, CustomStringConvertible {
    var name: String
    var searched: [String]
    var description: String {
      "no executable '\(name)' in \(searched.joined(separator: ", ")); run `swift build` first"
    }
  }

  /// The executable `name` (e.g. `tcbq-sandbox`): next to the test bundle (the directory of
  /// `CommandLine.arguments[0]` or `Bundle.main`), else in the package's `.build/debug`.
  static func url(named name: String) throws -> URL {
    let candidates = searchDirectories().map { $0.appendingPathComponent(name) }
    if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }
    ) {
      return found
    }
    throw NotFound(name: name, searched: candidates.map { $0.deletingLastPathComponent().path })
  }

  /// Where built products live, most specific first.
  static func searchDirectories() -> [URL] {
    var directories: [URL] = []
    // `swift test` runs `.build/<triple>/debug/<package>PackageTests.xctest`; on macOS the
    // arguments name xctest itself and Bundle.main the bundle inside the products directory.
    let argument0 = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    directories.append(argument0.deletingLastPathComponent())
    directories.append(Bundle.main.bundleURL.deletingLastPathComponent())
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
      directories.append(bundle.bundleURL.deletingLastPathComponent())
    }
    // The package root, from this file's place in Tests/IntegrationTests/Support.
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    directories.append(root.appendingPathComponent(".build/debug"))
    directories.append(
      URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(
        ".build/debug"))
    return directories
  }

  /// A program on PATH, e.g. `curl`.
  static func onPath(_ name: String) -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":")
      .map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }
}
