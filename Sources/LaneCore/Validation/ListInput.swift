/// A list typed on one line: items separated by `,`, or by the Chinese comma
/// `，` or enumeration comma `、` an input method types, each trimmed.
public enum ListInput {
    public static let separators: Set<Character> = [",", "，", "、"]

    public static func items(_ text: String, keepingEmpty: Bool = true) -> [String] {
        text.split(omittingEmptySubsequences: !keepingEmpty, whereSeparator: { separators.contains($0) })
            .map { String($0).trimmingWhitespace() }
    }
}
