import Testing
import LaneCore
@testable import ServiceDepartment

/// X4: what `Privacy` leaves of a mobile number in free text, and of an address,
/// for the roles that may not see them.
@Suite struct PrivacyScrubTests {
    let workshop = Privacy(role: .technician)

    /// Numbers from a fixed seed, so a failure names a number that fails again.
    static func numbers(_ count: Int) -> [String] {
        var state: UInt64 = 0x5EED_1A7E
        func next(_ bound: UInt64) -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (state >> 33) % bound
        }
        return (0..<count).map { _ in "1" + String(3 + next(7)) + (0..<9).map { _ in String(next(10)) }.joined() }
    }

    /// The digits cut into groups of these sizes, joined by `separator`.
    static func grouped(_ digits: String, _ sizes: [Int], _ separator: String) -> String {
        var rest = Substring(digits)
        var parts: [Substring] = []
        for size in sizes {
            parts.append(rest.prefix(size))
            rest = rest.dropFirst(size)
        }
        return parts.joined(separator: separator)
    }

    static func fullWidth(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { s in
            (0x30...0x39).contains(s.value) ? Unicode.Scalar(s.value - 0x30 + 0xFF10) ?? s : s
        }))
    }

    /// Every way a number is written here: groups, separators, country codes, full-width digits.
    static func forms(of digits: String) -> [String] {
        let groupings = [[11], [3, 4, 4], [3, 3, 5], [4, 4, 3], [3, 8], [7, 4], [3, 4, 2, 2]]
        let separators = [" ", "-", ".", "\u{3000}", "－", "．"]
        var written: [String] = []
        for sizes in groupings {
            for separator in sizes.count == 1 ? [""] : separators { written.append(grouped(digits, sizes, separator)) }
        }
        let prefixes = ["", "+86", "+86 ", "+86-", "86", "86 ", "0086", "0086 ", "(+86) ", "（+86）", "＋86 "]
        let all = prefixes.flatMap { p in written.map { p + $0 } }
        return all + all.map(fullWidth)
    }

    static let surroundings = [("", ""), ("电话", "。"), ("客户说：回电 ", "，谢谢"), ("call ", " after 5pm"), ("(", ")"),
                               ("RO-20261123-0001 卢先生 ", " 工作日上午"), ("金额 1280.50 元，", ""), ("2026-11-23 ", " 已联系")]

    @Test func everyWrittenFormIsMaskedAndTheWordsAroundItKept() {
        for digits in Self.numbers(40) {
            let masked = String(digits.prefix(3)) + "****" + String(digits.suffix(4))
            for form in Self.forms(of: digits) {
                for (before, after) in Self.surroundings {
                    let scrubbed = workshop.scrub(before + form + after)
                    #expect(scrubbed == before + masked + after, "\(before + form + after)")
                }
            }
        }
    }

    @Test func twoNumbersInOneTextAreBothMasked() {
        #expect(workshop.scrub("13800138000 或 139-0000-0001") == "138****8000 或 139****0001")
        #expect(workshop.scrub("卢 +8613363270655，妻 １３９ ００００ ０００１") == "卢 133****0655，妻 139****0001")
    }

    @Test func ordinaryNumbersAreLeftAlone() {
        let ordinary = [
            "金额 1280.50 元", "¥25,312.00", "2026-11-23", "2026-11-23T10:00+08:00", "RO-20261123-0001", "AP-20261123-001",
            "LSGPC54R7DF000001", "LXHCB1A24T0000017", "LFV2A21K7E1381234", "发票 12345678", "invoice 87654321", "00012345",
            "里程 19100 公里", "粤B27DP2", "粤BD92702", "XH-45022-0011", "12345678901", "138123456789", "1381234567",
            "0755-86001234", "+86 755 8600 1234", "138****5678", "10 13 2026", "C0002", "1 2 3 4 5 6 7 8 9 0 1",
        ]
        for text in ordinary {
            #expect(workshop.scrub(text) == text, "\(text)")
        }
    }

    @Test func theFrontOfficeSeesTheTextAsWritten() {
        #expect(Privacy(role: .serviceAdvisor).scrub("回电 133 6327 0655") == "回电 133 6327 0655")
    }

    @Test func occurrencesSayWhereAndWhichNumber() {
        let text = "回电 +86 133-6327-0655。"
        let found = MobileNumber.occurrences(in: text)
        #expect(found.map(\.number.digits) == ["13363270655"])
        #expect(found.first.map { String(text[$0.range]) } == "+86 133-6327-0655")
    }

    @Test(arguments: [
        ("广东省深圳市南山区科技园1号", "广东省深圳市南山区****"),
        ("广东省深圳市南山区粤海街道科技园社区高新南一道8号", "广东省深圳市南山区****"),
        ("广东省东莞市长安镇振安中路锦绣小区3栋", "广东省东莞市****"),
        ("广西壮族自治区南宁市民族大道100号", "广西壮族自治区南宁市****"),
        ("广西壮族自治区南宁市青秀区民族大道100号", "广西壮族自治区南宁市青秀区****"),
        ("内蒙古自治区锡林郭勒盟正蓝旗上都镇", "内蒙古自治区锡林郭勒盟正蓝旗****"),
        ("河北省保定市涞水县三坡镇", "河北省保定市涞水县****"),
        ("北京市朝阳区建国路88号", "北京市朝阳区****"),
        ("上海市浦东新区张江镇", "上海市浦东新区****"),
        ("吉林省长春市红旗街100号", "吉林省长春市****"),
        ("山西省太原市小店区平阳路", "山西省太原市小店区****"),
        ("上海市徐汇区", "上海市徐汇区"),
        ("南山区科技园", "南山区****"),
        ("科技园", "科技园"),
    ])
    func addressesAreShownDownToTheDistrict(_ address: String, _ shown: String) {
        #expect(workshop.address(address) == shown)
        #expect(Privacy(role: .serviceAdvisor).address(address) == address)
    }

    @Test func aMaskedRoleSearchesByTheWholeNumberOrItsLastFourDigits() {
        let number = try? MobileNumber.parse("13363270655").get()
        #expect(workshop.phoneLookup("13363270655") == number.map(PhoneLookup.whole))
        #expect(workshop.phoneLookup("133 6327 0655") == number.map(PhoneLookup.whole))
        #expect(workshop.phoneLookup("0655") == .lastFour("0655"))
        for n in [1, 2, 3, 5, 6, 7, 8, 9, 10] {
            #expect(workshop.phoneLookup(String("13363270655".prefix(n))) == .refused(String("13363270655".prefix(n))))
        }
        #expect(Privacy(role: .serviceAdvisor).phoneLookup("133") == .firstOrLastDigits("133"))
        #expect(workshop.phoneLookup("卢文博") == nil)
    }
}
