// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Wegweiser",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "wegweiser", targets: ["wegweiser"]),
        .library(name: "WegweiserCore", targets: ["WegweiserCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // libcmark from the system (Debian: libcmark-dev); its safe default mode
        // drops raw HTML and javascript: links.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // libyaml from the system (Debian: libyaml-dev): front matter and
        // site.yml are read from its events, without a node library between.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // One system call Foundation lacks: swapping two folders atomically,
        // so the output folder is never missing or half-written.
        .target(name: "CFileSwap"),
        // Tokeniser and search index: knows text, not files or sites.
        .target(name: "WegweiserSearch"),
        .target(
            name: "WegweiserCore",
            dependencies: [
                "CCmark",
                "CYAML",
                "CFileSwap",
                "WegweiserSearch",
            ]
        ),
        .executableTarget(
            name: "wegweiser",
            dependencies: [
                "WegweiserCore",
                "WegweiserSearch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "FlyingFox", package: "FlyingFox"),
            ],
            // mimalloc (Debian: libmimalloc-dev) instead of glibc's malloc: a
            // build allocates millions of small strings and arrays on every
            // core, and glibc's arenas spend a tenth of it in malloc and free.
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        // Builds a search index from a JSON corpus, for the search benchmark
        // (bench/search) and for regenerating the search fixtures.
        .executableTarget(
            name: "wegweiser-search-index",
            dependencies: ["WegweiserSearch"]
        ),
        .testTarget(
            name: "WegweiserSearchTests",
            dependencies: ["WegweiserSearch"]
        ),
        .testTarget(
            name: "WegweiserCoreTests",
            dependencies: ["WegweiserCore"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
