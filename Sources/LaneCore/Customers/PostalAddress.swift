/// A mainland address as written: province, city, district, then street,
/// estate and door. X4 shows some roles an address down to its district only;
/// this finds where that part ends.
public enum PostalAddress {
    /// Where the district ends: the first 区, 县 or 旗 after the city; the city
    /// (市, 自治州, 盟, 地区) when no district follows; the province when there
    /// is neither; else the first three characters.
    public static func districtEnd(_ chars: [Character]) -> Int {
        let province = end(of: ["自治区", "特别行政区", "省"], in: chars, from: 0) ?? 0
        let city = end(of: ["市", "自治州", "盟", "地区"], in: chars, from: province)
        if let district = end(of: ["区", "县", "旗"], in: chars, from: city ?? province) { return district }
        if let city { return city }
        return province > 0 ? province : min(chars.count, 3)
    }

    /// The longest a province, city or district name runs to its marker (克孜勒苏柯尔克孜自治州).
    static let longestName = 12

    /// Words of the street and below: a marker after one of them is no longer
    /// the province, city or district (红旗路, 锦绣小区).
    static let streetWords: Set<Character> = ["路", "街", "道", "巷", "弄", "镇", "乡", "村", "号", "栋", "幢", "楼", "室", "座", "苑"]

    /// The end of the first of `markers` after `from`, when a name of a
    /// plausible length with no street word comes before it.
    static func end(of markers: [String], in chars: [Character], from: Int) -> Int? {
        var p = from
        while p < chars.count, p - from < longestName, !streetWords.contains(chars[p]) {
            for marker in markers {
                let m = Array(marker)
                guard p + m.count <= chars.count, Array(chars[p..<p + m.count]) == m, p > from else { continue }
                // 小区 and 社区 are estates; 红旗路, 县前街 are streets.
                if marker == "区", chars[p - 1] == "小" || chars[p - 1] == "社" { return nil }
                if p + m.count < chars.count, streetWords.contains(chars[p + m.count]) { return nil }
                return p + m.count
            }
            p += 1
        }
        return nil
    }
}
