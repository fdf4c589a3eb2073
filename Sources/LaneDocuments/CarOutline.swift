/// The car seen from above on the check-in sheet, with the damage recorded
/// at the walk-around check marked where it is. The place is read from the
/// words staff write (左后门划痕: left rear); what names no place is marked
/// beside the car. Only numbers go into the drawing, never the words.
enum CarOutline {
    enum Zone: String, CaseIterable {
        case front, rear, leftFront = "left_front", leftRear = "left_rear", rightFront = "right_front", rightRear = "right_rear"
        case left, right, roof, unplaced

        /// Where the marker goes on the 200×340 drawing (the car's nose at the top).
        var point: (x: Int, y: Int) {
            switch self {
            case .front: return (100, 30)
            case .rear: return (100, 312)
            case .leftFront: return (42, 100)
            case .leftRear: return (42, 240)
            case .rightFront: return (158, 100)
            case .rightRear: return (158, 240)
            case .left: return (38, 170)
            case .right: return (162, 170)
            case .roof: return (100, 175)
            case .unplaced: return (186, 22)
            }
        }
    }

    struct Mark: Equatable {
        var text: String
        var zone: Zone
    }

    /// Words that mean no damage at all.
    static let none: Set<String> = ["无", "没有", "无损伤", "无明显损伤", "none", "no", "-", ""]

    /// One mark per item of the damage text (items split at commas and the like).
    static func marks(_ damage: String) -> [Mark] {
        let separators: Set<Character> = [",", "，", "、", ";", "；", "\n"]
        return damage.split(whereSeparator: { separators.contains($0) })
            .map { String($0).trimmingWhitespace() }
            .filter { !none.contains($0.lowercased()) }
            .map { Mark(text: $0, zone: zone(of: $0)) }
    }

    static func zone(of text: String) -> Zone {
        let t = text.lowercased()
        let left = t.contains("左") || t.contains("left"), right = t.contains("右") || t.contains("right")
        let front = t.contains("前") || t.contains("front") || t.contains("机盖") || t.contains("hood")
        let rear = t.contains("后") || t.contains("rear") || t.contains("尾") || t.contains("trunk")
        switch (left, right, front, rear) {
        case (true, false, true, _): return .leftFront
        case (true, false, false, true): return .leftRear
        case (false, true, true, _): return .rightFront
        case (false, true, false, true): return .rightRear
        case (true, false, false, false): return .left
        case (false, true, false, false): return .right
        case (_, _, true, false): return .front
        case (_, _, false, true): return .rear
        default: return t.contains("顶") || t.contains("roof") ? .roof : .unplaced
        }
    }

    static func svg(_ marks: [Mark]) -> String {
        var s = """
            <svg class="car-outline" viewBox="0 0 200 340" width="150" height="255" xmlns="http://www.w3.org/2000/svg">\
            <rect x="40" y="20" width="120" height="300" rx="42" ry="52" fill="none" stroke="#333" stroke-width="2"/>\
            <path d="M56 92 Q100 72 144 92 L138 128 Q100 118 62 128 Z" fill="none" stroke="#777" stroke-width="1.5"/>\
            <path d="M62 262 Q100 272 138 262 L144 290 Q100 304 56 290 Z" fill="none" stroke="#777" stroke-width="1.5"/>\
            <rect x="64" y="136" width="72" height="118" rx="10" fill="none" stroke="#aaa" stroke-width="1"/>\
            <line x1="40" y1="175" x2="160" y2="175" stroke="#ccc" stroke-width="1" stroke-dasharray="4 3"/>\
            <rect x="28" y="62" width="12" height="36" rx="4" fill="#333"/><rect x="160" y="62" width="12" height="36" rx="4" fill="#333"/>\
            <rect x="28" y="240" width="12" height="36" rx="4" fill="#333"/><rect x="160" y="240" width="12" height="36" rx="4" fill="#333"/>\
            <text x="100" y="14" font-size="10" text-anchor="middle" fill="#555">▲</text>
            """
        var used: [Zone: Int] = [:]
        for (i, m) in marks.enumerated() {
            let n = used[m.zone, default: 0]
            used[m.zone] = n + 1
            // A second mark in the same place sits a little below the first.
            let (x, y) = (m.zone.point.x, m.zone.point.y + n * 22)
            s += "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"9\" fill=\"#c62828\"/>"
            s += "<text x=\"\(x)\" y=\"\(y + 4)\" font-size=\"11\" text-anchor=\"middle\" fill=\"#fff\" font-weight=\"bold\">\(i + 1)</text>"
        }
        return s + "</svg>"
    }
}
