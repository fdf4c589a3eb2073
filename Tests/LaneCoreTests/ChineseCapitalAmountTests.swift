import PropertyBased
import Testing
@testable import LaneCore

/// 大写金额: examples from the rules for writing amounts on bills, and properties over random amounts.
@Suite struct ChineseCapitalAmountTests {
    @Test(arguments: [
        (114_413, "壹仟壹佰肆拾肆元壹角叁分"),
        (0, "零元整"),
        (5, "伍分"),
        (50, "伍角"),
        (53, "伍角叁分"),
        (100, "壹元整"),
        (1_000, "壹拾元整"),
        (140_950, "壹仟肆佰零玖元伍角"),
        (600_714, "陆仟零柒元壹角肆分"),
        (168_032, "壹仟陆佰捌拾元叁角贰分"),
        (1_640_902, "壹万陆仟肆佰零玖元零贰分"),
        (1_000_000, "壹万元整"),
        (10_010_000, "壹拾万零壹佰元整"),
        (10_000_000_100, "壹亿零壹元整"),
        (10_000_100_000, "壹亿零壹仟元整"),
        (100_010_000_000, "壹拾亿零壹拾万元整"),
        (32_500_001, "叁拾贰万伍仟元零壹分"),
        (-29_606, "负贰佰玖拾陆元零陆分"),
    ] as [(Int64, String)])
    func examples(fen: Int64, words: String) {
        #expect(Money(fen: fen).chineseCapital == words)
    }

    /// Reads capitals back to fen: an independent reading, digit by digit with the units' weights.
    static func read(_ text: String) -> Int64? {
        let digits: [Character: Int64] = ["零": 0, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9]
        var s = Substring(text)
        var sign: Int64 = 1
        if s.hasPrefix("负") { sign = -1; s = s.dropFirst() }
        if s.hasSuffix("整") { s = s.dropLast() }
        var total: Int64 = 0, section: Int64 = 0, pending: Int64 = 0, yuan: Int64 = 0, fraction: Int64 = 0
        for ch in s {
            if let d = digits[ch] { pending = d; continue }
            switch ch {
            case "拾": section += pending * 10; pending = 0
            case "佰": section += pending * 100; pending = 0
            case "仟": section += pending * 1000; pending = 0
            case "万": total += (section + pending) * 10_000; section = 0; pending = 0
            case "亿": total = (total + section + pending) * 100_000_000; section = 0; pending = 0
            case "元": yuan = total + section + pending; total = 0; section = 0; pending = 0
            case "角": fraction += pending * 10; pending = 0
            case "分": fraction += pending; pending = 0
            default: return nil
            }
        }
        return sign * (yuan * 100 + fraction)
    }

    @Test func readBackGivesTheAmount() async {
        await propertyCheck(input: Gen.int64(in: -9_999_999_999_999_99 ... 9_999_999_999_999_99)) { fen in
            let words = Money(fen: fen).chineseCapital
            #expect(Self.read(words) == fen, "\(fen) → \(words)")
        }
    }

    @Test func theFormsOfTheRules() async {
        await propertyCheck(input: Gen.int64(in: 0 ... 9_999_999_999_999_99)) { fen in
            let words = Money(fen: fen).chineseCapital
            let allowed = Set("零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整")
            #expect(words.allSatisfy { allowed.contains($0) }, "\(words)")
            #expect(!words.contains("零零"), "\(words)")
            // Whole yuan end in 整; anything with fen never does.
            #expect(words.hasSuffix("整") == (fen % 100 == 0), "\(words)")
            #expect(!words.hasSuffix("零"), "\(words)")
            // 元 appears exactly when there are whole yuan (or the amount is zero).
            #expect(words.contains("元") == (fen >= 100 || fen == 0), "\(words)")
            // A zero never comes straight before a unit (零拾, 零元 …), except 零元整 for nothing.
            if fen != 0 {
                for unit in "拾佰仟万亿元角分" { #expect(!words.contains("零\(unit)"), "\(words)") }
            }
        }
    }
}
