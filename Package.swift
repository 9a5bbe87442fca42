// swift-tools-version: 6.0
import Foundation
import PackageDescription

// `scripts/fuzz.sh` builds with LEAFPRESS_FUZZ=1: libFuzzer and AddressSanitizer for the
// library and its harness only. Passed with -Xswiftc they would also reach the build tool
// that embeds the theme, whose own `main` cannot link against libFuzzer's.
let fuzzing = ProcessInfo.processInfo.environment["LEAFPRESS_FUZZ"] == "1"
let fuzzSettings: [SwiftSetting] = fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address"]), .define("FUZZING")] : []
let fuzzLinking: [LinkerSetting] = fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address"])] : []

let package = Package(
    name: "Leafpress",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "leafpress", targets: ["leafpress"]),
        .library(name: "LeafpressCore", targets: ["LeafpressCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        .target(
            name: "LeafpressCore",
            dependencies: [
                "CCmark",
                "CQRencode",
                .product(name: "Yams", package: "Yams"),
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ],
            swiftSettings: fuzzSettings,
            plugins: ["EmbedTheme"]
        ),
        // The default theme (templates/) is compiled into LeafpressCore at build time.
        .executableTarget(name: "embed-theme"),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["embed-theme"]),
        .executableTarget(
            name: "leafpress",
            dependencies: [
                "LeafpressCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "leafpress-fuzz",
            dependencies: ["LeafpressCore"],
            swiftSettings: fuzzSettings,
            linkerSettings: fuzzLinking
        ),
        .testTarget(
            name: "LeafpressCoreTests",
            dependencies: ["LeafpressCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "LeafpressCLITests",
            dependencies: ["LeafpressCore"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
