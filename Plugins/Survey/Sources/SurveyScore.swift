import LanePlugin

/// The two numbers a service manager watches (R6.5), in tenths of a point
/// (87.5 is 875) so that every sum is exact: integers all the way, rounded
/// once, half away from zero. The README gives the formulas.
public enum SurveyScore {
    /// One scored answer with its question's scale.
    public struct Answer: Sendable, Equatable {
        public var value: Int
        public var low: Int
        public var high: Int
        public init(_ value: Int, low: Int, high: Int) {
            self.value = value
            self.low = low
            self.high = high
        }
    }

    /// `numerator / denominator` rounded half away from zero; `denominator` > 0.
    static func divide(_ numerator: Int, _ denominator: Int) -> Int {
        let q = (2 * abs(numerator) + denominator) / (2 * denominator)
        return numerator < 0 ? -q : q
    }

    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

    /// One survey's CSI, 0-100: the mean of its CSI answers, each scaled to
    /// 0-100 as (answer − low) / (high − low) × 100. Nil without answers.
    public static func csi(_ answers: [Answer]) -> Int? {
        guard !answers.isEmpty else { return nil }
        // Over a common denominator, so scales of different lengths add exactly.
        let common = answers.reduce(1) { l, a in l / gcd(l, a.high - a.low) * (a.high - a.low) }
        let sum = answers.reduce(0) { $0 + ($1.value - $1.low) * (common / ($1.high - $1.low)) }
        return divide(1000 * sum, common * answers.count)
    }

    /// The CSI of several surveys: the mean of their CSI, each survey weighing the same.
    public static func mean(_ tenths: [Int]) -> Int? {
        tenths.isEmpty ? nil : divide(tenths.reduce(0, +), tenths.count)
    }

    public enum Group: String, Sendable {
        case promoter, passive, detractor
    }

    /// NPS bands: 9-10 promoters, 7-8 passives, 0-6 detractors.
    public static func group(_ answer: Int) -> Group {
        answer >= 9 ? .promoter : answer >= 7 ? .passive : .detractor
    }

    /// NPS, -100…100: % promoters − % detractors of the answers. Nil without answers.
    public static func nps(_ answers: [Int]) -> Int? {
        guard !answers.isEmpty else { return nil }
        let promoters = answers.filter { group($0) == .promoter }.count
        let detractors = answers.filter { group($0) == .detractor }.count
        return divide(1000 * (promoters - detractors), answers.count)
    }

    /// 875 → "87.5", -333 → "-33.3".
    public static func text(_ tenths: Int) -> String {
        (tenths < 0 ? "-" : "") + "\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }

    /// 425 → "4.25": an average answer.
    public static func text(hundredths: Int) -> String {
        let n = abs(hundredths)
        return (hundredths < 0 ? "-" : "") + "\(n / 100)." + (n % 100 < 10 ? "0" : "") + "\(n % 100)"
    }

    public static func value(_ tenths: Int?) -> Value { tenths.map { .text(text($0)) } ?? .none }
}
