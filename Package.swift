// swift-tools-version: 6.0
import Foundation
import PackageDescription

/// Root entries the content target must not treat as its own files.
let nonContentPaths =
  ["Package.swift", "README.md", "Makefile", ".ci", "Tests", "docs", "bench", "fuzz"]
  + [
    "CEditLine", "CSQLite", "CZlib", "KubeCluster", "Kubectl", "Progress", "Shell", "Tutor",
    "KubetutorTestSupport", "kubetutor", "kubetutor-bench", "KubeAPIServer",
    "KubetutorFuzzing", "CFuzzSupport", "Fuzz",
  ].map { "Sources/\($0)" }

/// Release builds allocate with jemalloc (Debian's libjemalloc-dev). The
/// simulation makes and drops many small trees; at 10,000 replicas glibc's
/// malloc and free, with their chunk consolidation, were a sixth of the
/// time, and jemalloc took 6 to 10 % off creating the Deployment and 15 to
/// 20 % off its rolling update (README, "Performance").
let jemalloc = LinkerSetting.linkedLibrary("jemalloc", .when(platforms: [.linux], configuration: .release))

let package = Package(
  name: "kubetutor",
  products: [
    .executable(name: "kubetutor", targets: ["kubetutor"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
    // TLS for `kubetutor serve`, and its per-run key and certificate.
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
  ],
  targets: [
    // The simulated cluster. Knows nothing of terminals, SQLite or lessons.
    .target(name: "KubeCluster"),

    // kubectl: (arguments, stdin, cluster) -> (stdout, stderr, exit code).
    .target(name: "Kubectl", dependencies: ["KubeCluster", .product(name: "Yams", package: "Yams")]),

    // Lessons, scenarios, goals, quizzes, hints.
    .target(
      name: "Tutor",
      dependencies: ["Kubectl", "KubeCluster", "TutorContent", .product(name: "Yams", package: "Yams")]),

    // The shipped lessons/ and scenarios/ folders, as bundle resources.
    .target(
      name: "TutorContent", path: ".",
      exclude: nonContentPaths,
      sources: ["Sources/TutorContent"],
      resources: [.copy("lessons"), .copy("scenarios")]),

    // The only module that touches SQLite.
    .target(name: "Progress", dependencies: ["Tutor", "CSQLite"]),

    // Line editing, builtins, heredocs, script mode.
    .target(name: "Shell", dependencies: ["Tutor", "Progress", "Kubectl", "KubeCluster", "CEditLine"]),

    // The Kubernetes API over HTTP on 127.0.0.1 (`kubetutor serve`), on SwiftNIO.
    .target(
      name: "KubeAPIServer",
      dependencies: [
        "KubeCluster", "Kubectl", "Shell", "Tutor", "CZlib",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOWebSocket", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
      ]),

    // Argument parsing and wiring only.
    .executableTarget(
      name: "kubetutor",
      dependencies: [
        "Shell", "Progress", "Tutor", "KubeCluster", "KubeAPIServer",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      // Release builds carry the Swift runtime and Foundation inside: binding
      // them at each launch was two thirds of a script's start-up (17.5 M of
      // 25.8 M instructions for `echo ok`), and the binary then runs without
      // a Swift toolchain. Foundation's own C parts are named, because the
      // linker does not find them from its static archive alone.
      linkerSettings: [
        .unsafeFlags(
          [
            "-static-stdlib", "-lCoreFoundation", "-l_FoundationCShims", "-l_FoundationCollections",
            "-l_FoundationICU", "-lstdc++",
          ], .when(configuration: .release)),
        jemalloc,
      ]),

    // System libraries from Debian's libsqlite3-dev, libedit-dev and zlib1g-dev
    // (zlib: SPDY/3.1 header compression for `kubectl port-forward`).
    .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
    .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

    // Figures: start-up, per-command costs and scale, printed one per line.
    .executableTarget(
      name: "kubetutor-bench",
      dependencies: [
        "KubeCluster", "Kubectl", "KubeAPIServer", "Progress", "Tutor",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ],
      linkerSettings: [jemalloc]),

    // The inputs that come from people, as fuzz targets (FuzzTests, `make fuzz`).
    .target(name: "KubetutorFuzzing", dependencies: ["Shell", "Kubectl", "KubeCluster", "Tutor"]),

    // Shared builders and assertions for every test target.
    .target(name: "KubetutorTestSupport", dependencies: ["KubeCluster", "Kubectl", "Shell"]),

    .testTarget(name: "KubeClusterTests", dependencies: ["KubeCluster", "KubetutorTestSupport"]),
    .testTarget(name: "KubectlTests", dependencies: ["Kubectl", "KubetutorTestSupport"]),
    .testTarget(name: "TutorTests", dependencies: ["Tutor", "KubetutorTestSupport"]),
    .testTarget(name: "ProgressTests", dependencies: ["Progress", "KubetutorTestSupport"]),
    .testTarget(
      name: "KubeAPIServerTests", dependencies: ["KubeAPIServer", "Shell", "KubetutorTestSupport"],
      exclude: ["Transcripts"]),
    .testTarget(name: "ShellTests", dependencies: ["Shell", "KubetutorTestSupport"], exclude: ["Transcripts"]),
    .testTarget(name: "FuzzTests", dependencies: ["KubetutorFuzzing", "KubetutorTestSupport", "Shell", "Kubectl", "KubeCluster", "Tutor"]),
  ]
)

// The libFuzzer executable (KT_FUZZ_TARGET picks the FuzzTarget); `make
// fuzz` builds it with -sanitize=fuzzer in its own scratch path (PLATFORM.md,
// "Fuzzing"), so plain builds and tests never see it.
if ProcessInfo.processInfo.environment["KT_FUZZ"] == "1" {
  package.targets += [
    .target(name: "CFuzzSupport"),
    .executableTarget(
      name: "Fuzz", dependencies: ["KubetutorFuzzing", "CFuzzSupport"],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
  ]
}
