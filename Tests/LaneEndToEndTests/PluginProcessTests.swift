import Foundation
import Testing

/// Plugins as `lane` finds them at start-up: the compiled ones and the
/// run-time ones in `$LANE_PLUGINS`.
@Suite struct PluginProcessTests {
    func seeded() throws -> Scratch {
        let scratch = try Scratch()
        let result = try scratch.lane(["--user", "admin", "-c", "seed load \(LaneProcess.seedsDirectory.path)"])
        #expect(result.status == 0, "\(result.stderr)")
        return scratch
    }

    /// The shipped example, found in Plugins/Examples, judges tyres and adds
    /// the recommended ones through `ro part`, in one run of the binary.
    @Test func theExampleRunTimePluginRunsFromThePluginFolder() throws {
        let scratch = try seeded()
        defer { scratch.remove() }
        let folder = LaneProcess.repositoryRoot.appendingPathComponent("Plugins/Examples").path
        let script = """
            plugin list
            ro open 粤B27DP2
            ro complaint --text 轮胎磨损
            ro check-in --mileage 19100 --fuel 4 --covers
            tyres check --depths 4.1,3.9,2.2,1.4 --part XH-42751-2255
            ro show

            """
        let result = try scratch.lane(input: script, environment: ["LANE_PLUGINS": folder])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("tyres") && result.stdout.contains("run-time: \(folder)/lane-tyres"))
        #expect(result.stdout.contains("replace now (below the legal 1.6 mm)"))
        #expect(result.stdout.contains("轮胎 225/55R17"))
    }

    /// A run-time plugin that hangs is stopped; the script goes on.
    @Test func aHangingPluginDoesNotTakeTheShellDown() throws {
        let scratch = try seeded()
        defer { scratch.remove() }
        let folder = scratch.directory.appendingPathComponent("plugins")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let plugin = folder.appendingPathComponent("lane-slow")
        try """
            #!/bin/sh
            case "$(cat)" in
            *describe*) echo '{"protocol":1,"name":"slow","version":"1","summary":"slow","commands":[{"noun":"slow","verb":"go","summary":"Go"}]}' ;;
            *) sleep 30 ;;
            esac
            """.write(to: plugin, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: plugin.path)
        let result = try scratch.lane(["--on-error", "continue"], input: "slow go\nwhoami\n",
                                      environment: ["LANE_PLUGINS": folder.path, "LANE_PLUGIN_TIMEOUT": "3"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: line 1: the plugin slow failed"))
        #expect(result.stderr.contains("did not answer within 3 s"))
        #expect(result.stdout.contains("薛淑芬"))
    }

    /// Ctrl-C while a run-time plugin works stops it and what it started; the
    /// next line runs. Run as its own process: the plugin signals its parent,
    /// which inside the test runner would be every test running at the time.
    @Test func ctrlCStopsThePluginAndItsChildren() throws {
        let scratch = try seeded()
        defer { scratch.remove() }
        let folder = scratch.directory.appendingPathComponent("plugins")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let pidFile = scratch.directory.appendingPathComponent("child").path
        let plugin = folder.appendingPathComponent("lane-long")
        try """
            #!/bin/sh
            case "$(cat)" in
            *describe*) echo '{"protocol":1,"name":"long","version":"1","summary":"long","commands":[{"noun":"long","verb":"go","summary":"Go"}]}' ;;
            *) sleep 30 & echo $! > '\(pidFile)'; kill -INT $PPID; wait ;;
            esac
            """.write(to: plugin, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: plugin.path)
        let started = Date()
        let result = try scratch.lane(["--on-error", "continue"], input: "long go\nwhoami\n",
                                      environment: ["LANE_PLUGINS": folder.path, "LANE_PLUGIN_TIMEOUT": "20"])
        #expect(Date().timeIntervalSince(started) < 15)
        #expect(result.stderr.contains("stopped by Ctrl-C"), "\(result.stderr)")
        #expect(result.stdout.contains("薛淑芬"))
        let text = try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let pid = try #require(pid_t(text))
        var gone = false
        for _ in 0..<40 {
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            if kill(pid, 0) != 0 || stat.contains(") Z ") { gone = true; break }
            usleep(50_000)
        }
        #expect(gone)
    }

    /// Security 3: nothing in the plugin folder runs before someone on the staff
    /// list has signed in, and a relative LANE_PLUGINS is refused.
    @Test func runTimePluginsStartOnlyAfterSignIn() throws {
        let scratch = try seeded()
        defer { scratch.remove() }
        let folder = scratch.directory.appendingPathComponent("plugins")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let marker = scratch.directory.appendingPathComponent("started")
        let plugin = folder.appendingPathComponent("lane-spy")
        try """
            #!/bin/sh
            cat >/dev/null
            touch '\(marker.path)'
            echo '{"protocol":1,"name":"spy","version":"1","summary":"spy","commands":[{"noun":"spy","verb":"go","summary":"Go"}]}'
            """.write(to: plugin, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: plugin.path)
        let refused = try scratch.lane(["--user", "不在名单"], input: "whoami\n", environment: ["LANE_PLUGINS": folder.path])
        #expect(refused.status != 0)
        #expect(!FileManager.default.fileExists(atPath: marker.path))
        let relative = try scratch.lane(input: "whoami\n", environment: ["LANE_PLUGINS": "plugins"])
        #expect(relative.stderr.contains("LANE_PLUGINS is 'plugins', a relative path"))
        #expect(!FileManager.default.fileExists(atPath: marker.path))
        let signed = try scratch.lane(input: "plugin list\n", environment: ["LANE_PLUGINS": folder.path])
        #expect(signed.status == 0, "\(signed.stderr)")
        #expect(signed.stdout.contains("spy"))
        #expect(FileManager.default.fileExists(atPath: marker.path))
    }

    /// The fenced code blocks of docs/plugins.md, each byte for byte with its final newline.
    static func guideBlocks() throws -> [String] {
        let guide = try String(contentsOf: LaneProcess.repositoryRoot.appendingPathComponent("docs/plugins.md"), encoding: .utf8)
        var blocks: [String] = [], current: [Substring]?
        for line in guide.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                if let c = current { blocks.append(c.joined(separator: "\n") + "\n"); current = nil } else { current = [] }
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    /// Runs `command` (words) in `directory` with a small clean environment and `input` on stdin.
    static func run(_ command: [String], in directory: URL, environment: [String: String], input: String = "") throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.currentDirectoryURL = directory
        process.environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": directory.path, "NO_COLOR": "1", "TMPDIR": directory.path,
        ].merging(environment) { _, given in given }
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stdout, stderr)
    }

    /// The harness of docs/plugins.md runs a run-time plugin against a throw-away
    /// store after checking it, from the plugin's own repository, by the command
    /// the guide shows: here the guide's courtesy-car example with the guide's session.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "the example is written in Python"))
    func thePluginTestHarnessRunsAPluginFromItsOwnRepository() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // The plugin's own repository: the plugin and its test script, nothing of lane's.
        let own = scratch.directory.appendingPathComponent("lane-loaner-repo")
        try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: LaneProcess.repositoryRoot.appendingPathComponent("Plugins/Examples/lane-loaner"),
                                         to: own.appendingPathComponent("lane-loaner"))
        let blocks = try Self.guideBlocks()
        let session = try #require(blocks.first { $0.hasPrefix("plugin config loaner cars") })
        try session.write(to: own.appendingPathComponent("tests.lane"), atomically: true, encoding: .utf8)
        let command = try #require(try String(contentsOf: LaneProcess.repositoryRoot.appendingPathComponent("docs/plugins.md"), encoding: .utf8)
            .split(separator: "\n").first { $0.contains("scripts/plugin-test ./lane-loaner tests.lane") })
        // The guide's placeholders, filled in: the lane built for these tests and this repository.
        let words = command.trimmingCharacters(in: .whitespaces).split(separator: " ").map {
            $0.replacingOccurrences(of: "/path/to/servicelane/.build/debug/lane", with: LaneProcess.executable.path)
                .replacingOccurrences(of: "/path/to/servicelane", with: LaneProcess.repositoryRoot.path)
        }
        #expect(words.count == 4 && words[0].hasPrefix("LANE="), "\(words)")
        let result = try Self.run(words, in: own, environment: ["LANG": "C.UTF-8", "LANE_USER": "姚雪"])
        // Line 5 is refused, as the guide says: the harness goes on and says so by its status.
        #expect(result.status == 1, "\(result.stderr)")
        // LANG=C.UTF-8 names no language, so the store's (Chinese by default) speaks.
        #expect(result.stderr.contains("通过：握手信息和每条命令都有效"), "\(result.stderr)")
        // …and the plugin answers in it (`LANE_LANGUAGE`); the harness showed its help in both languages first.
        #expect(result.stdout.contains("粤B0L001 已随 RO-20261123-0001 借出") && result.stdout.contains("可借"), "\(result.stdout)")
        #expect(result.stderr.contains("Courtesy cars (代步车)") && result.stderr.contains("代步车：哪辆借给了谁"), "\(result.stderr)")
        #expect(result.stderr.contains("ro show RO-20261123-0099"), "\(result.stderr)")
        #expect(result.stdout.contains("粤B0L001 已归还"), "\(result.stdout)")
        #expect(!result.stdout.contains("粤B0L002 已随"), "\(result.stdout)")
    }

    /// The guide's tyres session, typed into the harness as the guide says.
    @Test func theGuidesTyresSessionRunsInTheHarness() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let session = try #require(try Self.guideBlocks().first { $0.hasPrefix("ro open 粤B27DP2\nro complaint --text 轮胎磨损") })
        let result = try Self.run(["LANE=\(LaneProcess.executable.path)", "scripts/plugin-test", "Plugins/Examples/lane-tyres"],
                                  in: LaneProcess.repositoryRoot, environment: ["LANG": "en_US.UTF-8", "HOME": scratch.directory.path, "TMPDIR": scratch.directory.path],
                                  input: session)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("replace now (below the legal 1.6 mm)") && result.stdout.contains("replace soon"), "\(result.stdout)")
        #expect(result.stdout.contains("轮胎 225/55R17"), "\(result.stdout)")
    }
}
