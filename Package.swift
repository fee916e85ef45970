// swift-tools-version:6.0
import PackageDescription

// The pipeline, one target per stage:
//   TCBQCore (WeChat API core) → TCBQQuery (language, plan, interpreter) → TCBQRender (output
//   formats) → TCBQShell (runner, editor, config) → thin executables.
// The sandbox (TCBQSandbox, served over HTTP by TCBQSandboxServer) simulates the API.
let swiftSettings: [SwiftSetting] = [
  .swiftLanguageMode(.v6),
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
  name: "tcbq",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "tcbq", targets: ["tcbq"]),
    .executable(name: "tcbq-sandbox", targets: ["tcbq-sandbox"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
  ],
  targets: [
    // The WeChat API core: models, errors, transport protocol, client, tokens. Knows nothing of
    // the query language or terminals.
    .target(
      name: "TCBQCore",
      dependencies: [.product(name: "Logging", package: "swift-log")],
      swiftSettings: swiftSettings
    ),
    // The HTTP transport of the API core, over async-http-client.
    .target(
      name: "TCBQHTTP",
      dependencies: [
        "TCBQCore",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ],
      swiftSettings: swiftSettings
    ),
    // The simulated service: state, generator, validation, faults, in-process transport.
    .target(
      name: "TCBQSandbox",
      dependencies: ["TCBQCore"],
      swiftSettings: swiftSettings
    ),
    // The sandbox served over loopback HTTP with hummingbird.
    .target(
      name: "TCBQSandboxServer",
      dependencies: [
        "TCBQCore", "TCBQSandbox",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "UnixSignals", package: "swift-service-lifecycle"),
      ],
      swiftSettings: swiftSettings
    ),
    // The language: lexer, parser, planner, interpreter, session cache, commands.
    .target(
      name: "TCBQQuery",
      dependencies: ["TCBQCore"],
      swiftSettings: swiftSettings
    ),
    // Output formats: table, csv, tsv, json, jsonl, markdown, line.
    .target(
      name: "TCBQRender",
      dependencies: ["TCBQCore", "TCBQQuery"],
      swiftSettings: swiftSettings
    ),
    // Small non-variadic C wrappers over libedit's histedit.h.
    .target(
      name: "CLineEdit",
      linkerSettings: [.linkedLibrary("edit")]
    ),
    // The shell: command line, non-interactive runner, line editor, completion, config.
    .target(
      name: "TCBQShell",
      dependencies: [
        "TCBQCore", "TCBQHTTP", "TCBQSandbox", "TCBQQuery", "TCBQRender", "CLineEdit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "TOMLKit", package: "TOMLKit"),
      ],
      swiftSettings: swiftSettings
    ),
    .executableTarget(name: "tcbq", dependencies: ["TCBQShell"], swiftSettings: swiftSettings),
    .executableTarget(
      name: "tcbq-sandbox", dependencies: ["TCBQSandboxServer"], swiftSettings: swiftSettings),
    // The performance benchmark against sqlite3 and Python (scripts/bench.sh; not a test).
    .executableTarget(
      name: "tcbq-bench",
      dependencies: ["TCBQCore", "TCBQSandbox", "TCBQQuery", "TCBQRender"],
      swiftSettings: swiftSettings),

    .testTarget(
      name: "TCBQCoreTests", dependencies: ["TCBQCore", "TCBQSandbox"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "TCBQSandboxTests", dependencies: ["TCBQSandbox", "TCBQCore"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "TCBQQueryTests", dependencies: ["TCBQQuery", "TCBQCore", "TCBQSandbox"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "TCBQRenderTests", dependencies: ["TCBQRender", "TCBQQuery"],
      resources: [.copy("Snapshots")],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "TCBQShellTests", dependencies: ["TCBQShell", "TCBQQuery"],
      swiftSettings: swiftSettings),
    // Drive the real binaries: tcbq against tcbq-sandbox over loopback HTTP, tmux for the shell.
    .testTarget(
      name: "IntegrationTests",
      dependencies: ["TCBQCore", "TCBQHTTP", "TCBQSandbox"],
      swiftSettings: swiftSettings),
  ]
)
