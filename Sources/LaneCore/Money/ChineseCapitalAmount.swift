/// An amount in Chinese capital numerals (大写金额), as a settlement and an
/// invoice carry it beside the figures: ¥1,144.13 is 壹仟壹佰肆拾肆元壹角叁分.
///
/// Written here by hand: it is a small, fixed rule of the People's Bank's
/// rules for writing amounts on bills, and no library on the project's list
/// has it. The forms:
/// - groups of four digits with 万 and 亿; a run of zeros inside the yuan is
///   one 零; zeros at the end of a group are left out (壹万元整, 壹拾万零壹佰元整);
/// - whole yuan end in 整; 角 is written straight after 元 (壹仟陆佰捌拾元叁角贰分);
///   no 角 but 分 is 元零X分; under one yuan there is no 元 (伍角叁分);
/// - 壹拾 rather than 拾, as on bills (so nobody can write a digit before it);
/// - zero is 零元整; a negative amount (a refund) starts with 负.
extension Money {
    public var chineseCapital: String {
        let digits: [Character] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"]
        let magnitude = fen.magnitude
        let yuan = magnitude / 100, jiao = Int(magnitude / 10 % 10), fenDigit = Int(magnitude % 10)
        var out = fen < 0 ? "负" : ""
        if yuan > 0 {
            out += Self.capitalYuan(yuan, digits) + "元"
        }
        if jiao == 0 && fenDigit == 0 {
            return out + (yuan == 0 ? "零元整" : "整")
        }
        if jiao > 0 {
            out.append(digits[jiao])
            out += "角"
        } else if yuan > 0 {
            out += "零"
        }
        if fenDigit > 0 {
            out.append(digits[fenDigit])
            out += "分"
        }
        return out
    }

    /// Whole yuan (more than zero) in capitals, without 元: what is above
    /// 亿 is itself a number of 亿 (壹万贰仟亿), and a part below that starts
    /// with a zero digit is joined by 零.
    private static func capitalYuan(_ value: UInt64, _ digits: [Character]) -> String {
        if value >= 100_000_000 {
            let upper = value / 100_000_000, lower = value % 100_000_000
            guard lower > 0 else { return capitalYuan(upper, digits) + "亿" }
            return capitalYuan(upper, digits) + "亿" + (lower < 10_000_000 ? "零" : "") + capitalYuan(lower, digits)
        }
        if value >= 10_000 {
            let upper = Int(value / 10_000), lower = Int(value % 10_000)
            guard lower > 0 else { return group(upper, digits) + "万" }
            return group(upper, digits) + "万" + (lower < 1000 ? "零" : "") + group(lower, digits)
        }
        return group(Int(value), digits)
    }

    /// 1…9999 in capitals: a run of zeros inside is one 零, zeros at the end are left out.
    private static func group(_ value: Int, _ digits: [Character]) -> String {
        let places = ["", "拾", "佰", "仟"]
        var out = ""
        var zeroPending = false
        for p in stride(from: 3, through: 0, by: -1) {
            let d = value / [1, 10, 100, 1000][p] % 10
            if d == 0 {
                if !out.isEmpty { zeroPending = true }
                continue
            }
            if zeroPending { out += "零" }
            zeroPending = false
            out.append(digits[d])
            out += places[p]
        }
        return out
    }
}
