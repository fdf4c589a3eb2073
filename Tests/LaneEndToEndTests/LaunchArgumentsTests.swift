import PropertyBased
import Testing
@testable import lane

/// `lane`'s options read without the argument parser (`LaunchArguments.plain`) read as the parser reads them.
@Suite struct LaunchArgumentsTests {
    @Test func theOptionsScriptsAndDesksStartWithAreReadWithoutTheParser() throws {
        let plain: [[String]] = [
            [], ["-c", "whoami"], ["--on-error", "continue", "--now", "2026-11-23T09:00"],
            ["--db", "/srv/lane.sqlite", "--user", "薛淑芬", "--format", "json", "-c", "ro list", "-c", "today"],
            ["--create", "--db", "新店.sqlite"], ["-f", "day.lane", "--format", "csv", "--on-error", "stop"],
            ["--reset-pin", "赵刚"], ["--db", "postgres://lane@127.0.0.1:5432/lane", "-c", ""],
        ]
        for arguments in plain {
            let read = try #require(LaunchArguments.plain(arguments), "\(arguments)")
            #expect(read == (try LaneCommand.parse(arguments)).arguments, "\(arguments)")
        }
        #expect(LaunchArguments.plain(["-c", "a", "-c", "b"])?.launchOptions().command == "a\nb")
    }

    @Test func whatTheParserMustAnswerOrRefuseIsLeftToIt() {
        for arguments in [["--help"], ["-h"], ["help"], ["--version"], ["--generate-manpage"], ["--generate-completion-script", "bash"],
                          ["--db=x.sqlite"], ["-cwhoami"], ["-c"], ["-c", "-x"], ["--format", "yaml"], ["--on-error", "later"],
                          ["--db", "a", "--db", "b"], ["--create", "--create"], ["--", "-c", "x"], ["whoami"], ["--bogus", "x"]] {
            #expect(LaunchArguments.plain(arguments) == nil, "\(arguments)")
        }
    }

    /// Whatever the plain reading takes, the parser takes too, and reads the same.
    @Test func plainArgumentsReadAsTheParserReadsThem() async {
        let names = ["--db", "-c", "-f", "--format", "--on-error", "--now", "--user", "--create", "--reset-pin", "--generate-manpage",
                     "-h", "--help", "--version", "--", "--db=x.sqlite", "-cwhoami", "help", "--bogus", "-x", "-"]
        let values = ["whoami", "x.sqlite", "table", "json", "csv", "stop", "continue", "later", "2026-11-23T09:00", "薛淑芬", "",
                      "-", "-1", "ro show RO-1", "--create", "-c", "a b", "=x", "'引号'"]
        let option = PropertyBased.zip(Gen<String?>.element(of: names), Gen<String?>.element(of: values), Gen.int(in: 0...4))
            .map { name, value, shape -> [String] in
                // Mostly an option and a value; sometimes an option alone, a value alone or nothing.
                switch shape {
                case 0: [name ?? "-c"]
                case 1: [value ?? ""]
                default: [name ?? "-c", value ?? ""]
                }
            }
        await propertyCheck(count: 3000, input: option.array(of: 0...5)) { options in
            let arguments = options.flatMap { $0 }
            guard let plain = LaunchArguments.plain(arguments) else { return }
            let parsed = try? LaneCommand.parse(arguments)
            #expect(parsed?.arguments == plain, "\(arguments)")
        }
    }
}
