/// A figure's value as people read it, on screen and on the printed report:
/// 85.3%, ¥1,234.56, 12.50 h, 255 min, 4.35, 412; "–" when nothing was counted.
public enum KPIText {
    public static func value(_ value: Int64?, _ unit: KPIUnit) -> String {
        guard let v = value else { return "–" }
        switch unit {
        case .percent: return decimal(v, places: 2, keep: 1) + "%"
        case .money: return Money(fen: v).description
        case .hours: return Message("report.hours", ["hours": .text(decimal(v, places: 2, keep: 2))]).description
        case .minutes: return Message("report.minutes", ["minutes": .int(Int(v))]).description
        case .score: return decimal(v, places: 2, keep: 2)
        case .points: return decimal(v, places: 1, keep: 1)
        case .count: return String(v)
        }
    }

    /// A target: "≥ 90.0%" for a floor, "≤ 5.0%" for a ceiling; empty without one.
    public static func target(_ line: KPILine) -> String {
        guard let t = line.target else { return "" }
        let id = line.figure.id
        return (id.higherIsBetter ? "≥ " : "≤ ") + value(KPIFigure.targetValue(t, for: id), id.unit)
    }

    /// `v` in units of 10^-places as a decimal with `keep` places, rounded half up.
    static func decimal(_ v: Int64, places: Int, keep: Int) -> String {
        var div: Int64 = 1
        for _ in 0..<(places - keep) { div *= 10 }
        let scaled = div > 1 ? Money.divideRoundingHalfUp(v, by: div) : v
        var unit: Int64 = 1
        for _ in 0..<keep { unit *= 10 }
        let whole = scaled.magnitude / UInt64(unit), frac = scaled.magnitude % UInt64(unit)
        let fracText = keep == 0 ? "" : "." + String(repeating: "0", count: keep - String(frac).count) + String(frac)
        return (scaled < 0 ? "-" : "") + String(whole) + fracText
    }
}
