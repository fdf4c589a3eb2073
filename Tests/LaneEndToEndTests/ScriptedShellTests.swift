import Foundation
import Testing

/// `lane` run as scripts and pipes use it: the built binary, stdin, exit codes.
@Suite struct ScriptedShellTests {
    let newCustomerAndCar = """
        customer add --name 欧阳娜娜 --phone 13912345678 --address '深圳市南山区 科技园'
        vehicle add --vin LXHCB1A24T0000017 --plate 粤BD12345 --model '星河 E3' --owner 欧阳娜娜 --sold 2026-10-01 --mileage 1200
        customer find 欧阳
        vehicle show 粤BD12345

        """

    /// Seeds a scratch database through the binary.
    func seeded() throws -> Scratch {
        let scratch = try Scratch()
        let result = try scratch.lane(["--user", "admin", "-c", "seed load \(LaneProcess.seedsDirectory.path)"])
        #expect(result.status == 0, "\(result.stderr)")
        return scratch
    }

    /// What the database holds, as the shell shows it (JSON, so every field counts).
    func contents(_ scratch: Scratch) throws -> String {
        let result = try scratch.lane(["--format", "json"], input: "customer list --limit 10000\nvehicle list --limit 10000\n")
        #expect(result.status == 0)
        return result.stdout
    }

    @Test func aScriptOnStdinAddsAChineseCustomerAndANewEnergyCar() throws {
        let scratch = try seeded()
        defer { scratch.remove() }
        let result = try scratch.lane(input: newCustomerAndCar)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("added customer C0037 欧阳娜娜"))
        #expect(result.stdout.contains("added vehicle 粤BD12345 星河 E3 for 欧阳娜娜 C0037"))
        #expect(result.stdout.contains("欧阳晓峰"))       // a seeded customer found by the same prefix
        #expect(result.stdout.contains("new energy    yes"))
        // Scripted: no prompt, no banner, no terminal control sequences.
        #expect(!result.stdout.contains("> "))
        #expect(!result.stdout.contains("\u{1B}"))
        // And it is all still there in a new process.
        let again = try scratch.lane(["-c", "customer show 13912345678"])
        #expect(again.stdout.contains("粤BD12345"))
    }

    @Test func aRefusedCommandStopsTheScriptWithItsLineNumberAndStoresNothing() throws {
        let scratch = try seeded()
        defer { scratch.remove() }
        let before = try contents(scratch)
        let script = """
            customer find 欧阳
            # a comment line still counts
            vehicle add --vin LXHCB1A24T0000018 --plate 粤BD12345 --model X --owner C0001 --sold 2026-10-01
            customer add --name 王小明 --phone 13800138000

            """
        let result = try scratch.lane(input: script)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: line 3: the vehicle cannot be registered:"))
        #expect(result.stderr.contains("vin: the check digit"))
        #expect(try contents(scratch) == before)
    }

    @Test func onErrorContinueRunsOnAndStillExitsNonZero() throws {
        let scratch = try seeded()
        defer { scratch.remove() }
        let script = "customer add --name 王小明 --phone 1380013\ncustomer add --name 王小明 --phone 13800138000\n"
        let result = try scratch.lane(["--on-error", "continue"], input: script)
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: line 1: "))
        #expect(result.stdout.contains("added customer C0037 王小明"))
    }

    @Test func exitCodesAreDocumentedAndStable() throws {
        let scratch = try seeded()
        defer { scratch.remove() }
        #expect(try scratch.lane(["-c", "whoami"]).status == 0)
        #expect(try scratch.lane(["-c", "customer show 张无忌"]).status == 1)
        let usage = try scratch.lane(["-c", "customer frobnicate"])
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("its verbs are add, edit, erase, export, find, list, show"))
        #expect(try scratch.lane(["--format", "xml", "-c", "whoami"]).status == 2)
        #expect(try scratch.lane(["--no-such-flag"]).status == 2)
        let garbage = try scratch.write("garbage.sqlite", "this is not a database, just text\n")
        let storage = try scratch.lane(["--db", garbage.path, "-c", "whoami"])
        #expect(storage.status == 3)
        #expect(storage.stderr.contains("storage: cannot open the database"))
    }

    @Test func versionAndHelpExitZero() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let version = try scratch.lane(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        let help = try scratch.lane(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--on-error"))
        #expect(help.stdout.contains("Exit codes"))
    }

    /// The options are parsed first without the argument parser's completion-script check, under a
    /// configuration that would name `lane` twice in help and usage (main.swift's `parseOptions`);
    /// whatever that parse refuses is parsed again the ordinary way, so these read as they always did.
    @Test func helpAndUsageErrorsNameLaneOnce() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let help = try scratch.lane(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: lane [--db <path>]"))
        let unknown = try scratch.lane(["--no-such-flag"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("Error: Unknown option '--no-such-flag'\nUsage: lane [--db <path>]"))
        let invalid = try scratch.lane(["--format", "xml", "-c", "whoami"])
        #expect(invalid.status == 2)
        #expect(invalid.stderr.hasPrefix("Error: --format is table, json or csv, not 'xml'\nUsage: lane [--db <path>]"))
        for output in [help.stdout, unknown.stderr, invalid.stderr] { #expect(!output.contains("lane lane")) }
    }

    @Test func aScriptFileReportsItsFailingLine() throws {
        let scratch = try seeded()
        defer { scratch.remove() }
        let file = try scratch.write("evening.lane", "whoami\ncustomer add \\\n  --name 赵六 --phone 12\n")
        let result = try scratch.lane(["-f", file.path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: line 2: the customer cannot be saved"))
    }

    @Test func jsonOutputIsOneDocumentPerCommandWithMoneyInFen() throws {
        let scratch = try seeded()
        defer { scratch.remove() }
        let customer = try scratch.lane(["--format", "json", "-c", "customer show C0002"])
        let object = try #require(JSONSerialization.jsonObject(with: Data(customer.stdout.utf8)) as? [String: Any])
        #expect(object["name"] as? String == "卢文博")
        #expect((object["created_at"] as? String)?.hasSuffix("+08:00") == true)
        let vehicles = try #require(object["vehicles"] as? [[String: Any]])
        #expect(vehicles.first?["plate"] as? String == "粤B27DP2")

        let parts = try scratch.lane(["--format", "json", "-c", "catalog parts"])
        let rows = try #require(JSONSerialization.jsonObject(with: Data(parts.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count > 30)
        let first = try #require(rows.first)
        let moneyKeys = first.keys.filter { $0.hasSuffix("_fen") }
        #expect(!moneyKeys.isEmpty)
        for key in moneyKeys { #expect(first[key] is Int, "\(key) should be integer fen") }
    }

    @Test func repeatedDashCRunsEveryCommandInOrder() throws {
        let scratch = try seeded()
        defer { scratch.remove() }
        let result = try scratch.lane(["-c", "clock set 2026-11-25T10:00", "-c", "customer add --name 王小明 --phone 13800138000"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("added customer C0037 王小明"))
        #expect(try scratch.lane(["-c", "customer show C0037"]).stdout.contains("2026-11-25 10:00"))
    }

    @Test func signInAtStartTakesThePinFromTheEnvironmentNeverAFlag() throws {
        let scratch = try seeded()
        defer { scratch.remove() }
        #expect(try scratch.lane(["--user", "姚雪", "-c", "staff pin 赵子涵"], environment: ["LANE_NEW_PIN": "2580"]).status == 0)
        let none = try scratch.lane(["--user", "赵子涵", "-c", "whoami"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("赵子涵 has a PIN"))
        #expect(try scratch.lane(["--user", "赵子涵", "-c", "whoami"], environment: ["LANE_PIN": "1111"]).stderr.contains("wrong PIN"))
        let good = try scratch.lane(["--user", "赵子涵", "-c", "whoami"], environment: ["LANE_PIN": "2580"])
        #expect(good.status == 0)
        #expect(good.stdout.contains("qc_inspector"))
        #expect(try scratch.lane(["--user", "赵子涵", "--pin", "2580", "-c", "whoami"]).status == 2) // no such flag
        let stranger = try scratch.lane(["--user", "路人甲", "-c", "whoami"])
        #expect(stranger.status == 1)
        #expect(stranger.stderr.contains("路人甲 is not on the staff list"))
    }

    @Test func csvMoneyIsInYuanUnderAYuanHeader() throws {
        let scratch = try seeded()
        defer { scratch.remove() }
        let lines = try scratch.lane(["--format", "csv", "-c", "catalog parts"]).stdout.split(separator: "\n")
        #expect(lines.first == "number,name,unit,price_yuan,stock,reserved,bin,group")
        #expect(lines.contains("XH-15400-0001,机油滤清器,个,38.00,46,0,A-01-01,engine"))
    }

    @Test func csvOutputHasAHeaderAndPlainValues() throws {
        let scratch = try seeded()
        defer { scratch.remove() }
        let result = try scratch.lane(["--format", "csv", "-c", "customer list --limit 3"])
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.first == "code,name,phone,vehicles,address")
        #expect(lines[1].hasPrefix("C0001,贺倩,"))
    }

    @Test func tablesAlignByDisplayWidthWithChineseText() throws {
        let scratch = try seeded()
        defer { scratch.remove() }
        _ = try scratch.lane(input: "customer add --name 欧阳娜娜 --phone 13912345678\ncustomer add --name 王一 --phone 13912345670\n")
        let result = try scratch.lane(["-c", "customer find 1391234567"])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        // The phone column starts at the same display column on every line.
        let starts = lines.enumerated().compactMap { index, line -> Int? in
            guard index != 1 else { return nil } // the rule line
            guard let range = line.range(of: index == 0 ? "phone" : "139") else { return nil }
            return displayWidth(String(line[..<range.lowerBound]))
        }
        #expect(starts.count == 3)
        #expect(Set(starts).count == 1, "\(lines)")
    }

    @Test func twoShellsWritingOneFileBothSucceed() throws {
        let scratch = try seeded()
        defer { scratch.remove() }
        func script(_ prefix: String) -> String {
            let given = Array("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水")
            return (0..<25).map { "customer add --name 并发\(prefix == "6" ? "东" : "西")\(given[$0]) --phone 13\(prefix)000000\(String(format: "%02d", $0))" }
                .joined(separator: "\n") + "\n"
        }
        nonisolated(unsafe) var results: [LaneProcess.Result?] = [nil, nil]
        let group = DispatchGroup()
        for (index, prefix) in ["6", "7"].enumerated() {
            group.enter()
            let text = script(prefix)
            DispatchQueue.global().async {
                results[index] = try? scratch.lane(input: text)
                group.leave()
            }
        }
        group.wait()
        for result in results {
            #expect(result?.status == 0, "\(result?.stderr ?? "did not run")")
        }
        let found = try scratch.lane(["--format", "csv", "-c", "customer find 并发"])
        #expect(found.stdout.split(separator: "\n").count == 51)
    }

    @Test func importingABadFileImportsNothingAndNamesTheLine() throws {
        let scratch = try seeded()
        defer { scratch.remove() }
        let before = try contents(scratch)
        _ = try scratch.write("new.csv", "code,name,phone,address\nC0201,司马光,13700137000,洛阳\nC0202,诸葛亮,137001370,成都\n")
        let result = try scratch.lane(["--user", "admin", "-c", "import customers new.csv"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("new.csv line 3 phone: '137001370'"))
        #expect(try contents(scratch) == before)
    }

    @Test func seedLoadRefusesASecondTime() throws {
        let scratch = try seeded()
        defer { scratch.remove() }
        let before = try contents(scratch)
        let result = try scratch.lane(["--user", "admin", "-c", "seed load"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("fills an empty database only"))
        #expect(try contents(scratch) == before)
    }
}

/// Terminal columns: CJK and full-width characters take two.
func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { width, scalar in
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6:
            return width + 2
        default:
            return width + 1
        }
    }
}

/// The day in docs/process.md and the README's tour run exactly as shown.
@Suite struct DocumentedDayTests {
    @Test func theReadmeTourRunsAsShown() throws {
        let readme = try String(contentsOf: LaneProcess.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let tour = try #require(readme.components(separatedBy: "## A first tour").dropFirst().first?
            .components(separatedBy: "```text\n").dropFirst().first?.components(separatedBy: "```").first)
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(try scratch.lane(["--user", "admin", "-c", "seed load \(LaneProcess.seedsDirectory.path)"]).status == 0)
        let result = try scratch.lane(input: tour)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("added vehicle 粤BD12345 星河 E3 for 欧阳娜娜 C0037"))
        #expect(result.stdout.contains("odometer reading"))
    }

    @Test func theDocumentedDayRunsAsShown() throws {
        let doc = try String(contentsOf: LaneProcess.repositoryRoot.appendingPathComponent("docs/process.md"), encoding: .utf8)
        let block = try #require(doc.components(separatedBy: "```text\n").dropFirst().first?.components(separatedBy: "```").first)
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(try scratch.lane(["--user", "admin", "-c", "seed load \(LaneProcess.seedsDirectory.path)"]).status == 0)
        let result = try scratch.lane(input: block)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("paid ¥296.06 by wechat; gate pass GP-20261125-0001"))
        #expect(result.stdout.contains("RO-20261125-0001 quality call: reached, satisfaction 5/5"))
    }
}

/// `--now` and LANE_NOW: only in a training store (the demo), and recorded there.
@Suite struct SessionClockTests {
    @Test func aLiveStoreRefusesAFixedClockAndATrainingStoreRecordsIt() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // A new, empty store may be loaded at the demo's date; the demo dealership is a training store.
        let seeded = try scratch.lane(["--user", "admin", "--now", "2026-11-23T09:00", "-c", "seed load \(LaneProcess.seedsDirectory.path)"])
        #expect(seeded.status == 0, "\(seeded.stderr)")
        let training = try scratch.lane(["--user", "admin", "--now", "2026-11-23T09:00", "-c", "audit show --limit 500"])
        #expect(training.status == 0 && training.stdout.contains("session clock") == false)
        #expect(training.stdout.contains("--now 2026-11-23T09:00"), "the fixed clock is in the audit trail")
        #expect(try scratch.lane(["--user", "admin", "-c", "store set store.mode live"]).status == 0)
        let live = try scratch.lane(["--user", "admin", "--now", "2020-01-01T03:00", "-c", "whoami"])
        #expect(live.status == 2)
        #expect(live.stderr.contains("this is a live store"))
        let env = try scratch.lane(["--user", "admin", "-c", "whoami"], environment: ["LANE_NOW": "2020-01-01T03:00"])
        #expect(env.status == 2)
    }
}

/// A mistyped database path is refused, never quietly made into a second, empty store.
@Suite struct DatabasePathTests {
    @Test func aMissingPathIsMadeOnlyWithCreate() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let typo = scratch.directory.appendingPathComponent("lane.sqlit").path
        let refused = try LaneProcess.runWithoutCreate(["--user", "admin", "--db", typo, "-c", "whoami"], database: scratch.database)
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("give --create"))
        #expect(!FileManager.default.fileExists(atPath: typo))
        let made = try LaneProcess.runWithoutCreate(["--create", "--user", "admin", "--db", typo, "-c", "whoami"], database: scratch.database)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(FileManager.default.fileExists(atPath: typo) && FileManager.default.fileExists(atPath: typo + ".key"))
    }
}

/// The last administrator's forgotten PIN: recovered on the machine by the
/// store's owner, never by another account at a desk.
@Suite struct PinRecoveryTests {
    @Test func theStoresOwnerSetsAForgottenPinAndTheTrailKeepsIt() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(try scratch.lane(["--user", "admin", "-c", "seed load \(LaneProcess.seedsDirectory.path)"]).status == 0)
        #expect(try scratch.lane(["--user", "admin", "-c", "staff pin"], environment: ["LANE_NEW_PIN": "2580"]).status == 0)
        // The admin forgets it: wrong PINs only delay.
        let wrong = try scratch.lane(["--user", "admin", "-c", "whoami"], environment: ["LANE_PIN": "0000"])
        #expect(wrong.status == 1)
        let recovered = try scratch.lane(["--reset-pin", "admin"], environment: ["LANE_NEW_PIN": "4826"])
        #expect(recovered.status == 0, "\(recovered.stderr)")
        let signedIn = try scratch.lane(["--user", "admin", "-c", "audit show --entity admin"], environment: ["LANE_PIN": "4826"])
        #expect(signedIn.status == 0, "\(signedIn.stderr)")
        #expect(signedIn.stdout.contains("lane --reset-pin admin"))
        #expect(try scratch.lane(["--reset-pin", "admin"]).status == 1, "a new PIN is needed")
    }
}

/// `lane`'s memory for the pages it reads.
@Suite struct PageCacheTests {
    /// The page cache's memory comes from 2 MB pages wherever the kernel gives them on request
    /// (docs/performance.md, fifteenth round): set before SQLite starts, or it is not set at all.
    @Test func thePageCacheIsInLargePagesWhereTheKernelGivesThem() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(try scratch.lane(["--user", "admin", "-c", "seed load \(LaneProcess.seedsDirectory.path)"]).status == 0)
        let result = try scratch.lane(["-c", "customer find 欧阳", "-c", "ro list"], environment: ["LANE_STARTUP_TIMINGS": "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let noted = result.stderr.split(separator: "\n").first { $0.hasPrefix("startup\tpage cache slots in large pages\t") }.map(String.init)
        let slots = try #require(noted.flatMap { $0.split(separator: "\t").last.flatMap { Int(String($0)) } }, "\(result.stderr)")
        let setting = (try? String(contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled", encoding: .utf8)) ?? ""
        if setting.contains("[always]") || setting.contains("[madvise]") {
            #expect(slots > 0, "the pages the commands read are in the region")
        } else {
            #expect(slots == -1, "no large pages: malloc's memory, as before")
        }
    }
}
