// swift-tools-version: 6.0
import PackageDescription

// Layers point one way: LaneCore ← LaneStore ← ServiceDepartment ← LaneShell ← lane;
// LaneDocuments (printed documents) sits beside LaneShell, on ServiceDepartment.
// docs/architecture.md explains each of them.

// Start-up: in a release build, code asks for a generic type's metadata (`[String: Message]`,
// `Set<StaffRole>`) by calling its accessor, not by handing the runtime a mangled name to decode.
// Decoding a name has the runtime check the type's requirements (`Hashable`) by searching the
// binary's 9,000 conformance records, about 400,000 instructions for each first check of a process:
// a fifth of a lookup's start (docs/performance.md, twelfth round). `scripts/build-release` passes
// the same flag to the packages lane depends on.
let startUp: [SwiftSetting] = [.unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"],
                                            .when(configuration: .release))]

let package = Package(
    name: "ServiceLane",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lane", targets: ["lane"]),
        .library(name: "LaneCore", targets: ["LaneCore"]),
        .library(name: "LaneStore", targets: ["LaneStore"]),
        .library(name: "ServiceDepartment", targets: ["ServiceDepartment"]),
        .library(name: "LaneShell", targets: ["LaneShell"]),
        .library(name: "LaneDocuments", targets: ["LaneDocuments"]),
        .library(name: "LanePlugin", targets: ["LanePlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // SHA-256 for the hash-chained audit trail; PBKDF2 (_CryptoExtras) for PINs.
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        // store.toml is read as real TOML (multi-line arrays, quoted commas, duplicate keys refused).
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        // Property-based tests (round trips of the tokenizer, CSV, JSON text, money, display width).
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
        // Printable documents (check-in sheet, work order, settlement, …) are Mustache templates a store may replace.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        // The PostgreSQL store (LanePostgres): the wire protocol, SCRAM authentication and typed rows.
        // postgres-nio alone, not PostgresKit/SQLKit: the store writes its own SQL, as the SQLite store does.
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        // TLS to the server (postgres-nio's own TLS is swift-nio-ssl; lane builds its NIOSSLContext from sslmode/sslrootcert).
        .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6"),
    ],
    targets: [
        // libedit, with static inline wrappers for its variadic calls (see shim.h).
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // Signal flags, the hidden PIN prompt and libedit's key reader (see lane_terminal.c).
        .target(name: "CLaneTerminal", dependencies: ["CLibEdit"], linkerSettings: [.linkedLibrary("edit")]),
        // SQLite's variadic sqlite3_db_config, wrapped for LaneStore (see lane_sqlite.h).
        .target(name: "CLaneSQLite", linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(name: "LaneCore", swiftSettings: startUp),
        // The plugin API: all a plugin imports (it re-exports LaneCore's value types).
        .target(name: "LanePlugin", dependencies: ["LaneCore"], swiftSettings: startUp),
        .target(
            name: "LaneStore",
            dependencies: ["LaneCore", "LanePlugin", "CLaneSQLite", .product(name: "GRDB", package: "GRDB.swift"),
                           // SQLite's C API itself: a plugin's statements are judged by SQLite's authorizer (PluginSQLGuard).
                           .product(name: "GRDBSQLite", package: "GRDB.swift")],
            swiftSettings: startUp
        ),
        // The PostgreSQL store: the same protocols as the SQLite store, for a department (or a
        // dealer group) sharing one server. All its SQL lives here.
        .target(
            name: "LanePostgres",
            dependencies: ["LaneCore", "LanePlugin", "LaneStore", .product(name: "PostgresNIO", package: "postgres-nio"),
                           .product(name: "NIOSSL", package: "swift-nio-ssl")],
            swiftSettings: startUp
        ),
        // The application layer: the service department's typed operations, each owning its
        // transaction, permission check, privacy, audit row, numbering and events.
        .target(
            name: "ServiceDepartment",
            dependencies: ["LaneCore", "LanePlugin", "LaneStore", .product(name: "Crypto", package: "swift-crypto"),
                           .product(name: "_CryptoExtras", package: "swift-crypto")],
            swiftSettings: startUp
        ),
        // A second front end beside the shell: printable documents rendered from the application
        // layer's typed results with Mustache templates (Templates/ are the defaults, copied as
        // resources), and PDF through headless Chromium.
        .target(
            name: "LaneDocuments",
            dependencies: ["LaneCore", "ServiceDepartment", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Templates")],
            swiftSettings: startUp
        ),
        .target(
            name: "LaneShell",
            dependencies: ["LaneCore", "LanePlugin", "LaneStore", "LanePostgres", "ServiceDepartment", "LaneDocuments", "CLibEdit", "CLaneTerminal", .product(name: "TOMLKit", package: "TOMLKit")],
            // TOMLKit extends String, Array and Dictionary with public subscripts; without this they
            // leak from ConfigFile.swift into every file of the module, and `options[name] = words[i]`
            // stores nothing (tomlKitsSubscriptsDoNotReachTheShell).
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")] + startUp
        ),
        .executableTarget(
            name: "lane",
            dependencies: ["LaneShell", "PartsPlugin", "SurveyPlugin", "WarrantyPlugin", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: startUp,
            // Start-up: a release `lane` carries the Swift runtime and Foundation inside it instead of
            // loading ~14 shared libraries at every start (docs/performance.md). Foundation's static
            // libraries refer to each other both ways, so they are linked as one group.
            // --no-export-dynamic: -static-stdlib exports every symbol of the binary (45,000), which
            // each start pays for (the runtime's dladdr walks them all; the loader's look-ups check
            // them first); nothing looks them up by name (docs/performance.md, fifth round).
            // The C++ library in the group too, handed to the linker itself (swiftc keeps one `-lstdc++`):
            // when scripts/build-release links its archive, ICU's references to it are resolved there. A
            // shared libstdc++ is unchanged by it.
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-Xlinker", "--no-export-dynamic", "-Xlinker", "--start-group", "-Xlinker", "-lstdc++",
                                           "-lFoundation", "-lCoreFoundation", "-lFoundationEssentials",
                                           "-lFoundationInternationalization", "-l_FoundationICU", "-l_FoundationCShims",
                                           "-l_FoundationCollections", "-ldispatch", "-lBlocksRuntime", "-lswiftDispatch",
                                           "-lswiftSynchronization", "-Xlinker", "--end-group"],
                                          .when(configuration: .release))]
        ),
        .testTarget(name: "LaneCoreTests", dependencies: ["LaneCore", .product(name: "PropertyBased", package: "swift-property-based")]),
        // The store conformance suite: any ServiceStore implementation must pass it.
        .target(name: "StoreConformance", dependencies: ["LanePlugin", "LaneStore", "ServiceDepartment"], path: "Tests/StoreConformance"),
        .testTarget(name: "LaneStoreTests", dependencies: ["LaneStore", "CLaneSQLite", "ServiceDepartment", "StoreConformance", .product(name: "GRDB", package: "GRDB.swift"),
                                                        .product(name: "PropertyBased", package: "swift-property-based")]),
        // The PostgreSQL store: the conformance suite and the concurrency tests, against LANE_TEST_POSTGRES (skipped without).
        .testTarget(name: "LanePostgresTests", dependencies: ["LanePostgres", "LaneStore", "ServiceDepartment", "StoreConformance", "LaneTesting",
                                                           "SurveyPlugin"]),
        .testTarget(name: "ServiceDepartmentTests", dependencies: ["ServiceDepartment", "LaneTesting", .product(name: "PropertyBased", package: "swift-property-based")]),
        // A shell on an in-memory store for tests: the shell's own and plugins'.
        .target(name: "LaneTesting", dependencies: ["LaneShell", "LaneStore"]),
        .testTarget(name: "LaneShellTests", dependencies: ["LaneShell", "LaneTesting", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "LaneEndToEndTests", dependencies: ["lane", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "LaneDocumentsTests", dependencies: ["LaneDocuments", "LaneTesting"]),
        // The plugin author's guide's examples (docs/plugins.md): a compiled plugin and a run-time one.
        .target(name: "NotesPlugin", dependencies: ["LanePlugin"], path: "Plugins/Examples/Notes"),
        .testTarget(name: "ExamplePluginTests", dependencies: ["NotesPlugin", "LaneTesting"], path: "Plugins/Examples/Tests"),
        // Compiled plugins: each sees LanePlugin only.
        .target(name: "SurveyPlugin", dependencies: ["LanePlugin"], path: "Plugins/Survey/Sources", swiftSettings: startUp),
        .testTarget(name: "SurveyPluginTests", dependencies: ["SurveyPlugin", "LaneTesting"], path: "Plugins/Survey/Tests"),
        .target(name: "WarrantyPlugin", dependencies: ["LanePlugin"], path: "Plugins/Warranty/Sources", swiftSettings: startUp),
        .testTarget(name: "WarrantyPluginTests", dependencies: ["WarrantyPlugin", "LaneTesting"], path: "Plugins/Warranty/Tests"),
        .target(name: "PartsPlugin", dependencies: ["LanePlugin"], path: "Plugins/Parts/Sources", swiftSettings: startUp),
        .testTarget(name: "PartsPluginTests", dependencies: ["PartsPlugin", "LaneTesting"], path: "Plugins/Parts/Tests"),
    ]
)
