import LanePlugin

/// Words that read in each reader's language: how the parts of a stored
/// verdict are joined (a claim keeps its verdict as a message), and what a
/// claim waits for.
enum WarrantyReaderWords {
    static let english: [MessageCode: String] = [
        "warranty.join.semicolon": "{a}; {b}", "warranty.join.and": "{a} and {b}",
        "warranty.join.space": "{a} {b}", "warranty.join.slash": "{a} / {b}",
        "warranty.waiting_for.submit": "submit it to the maker",
        "warranty.waiting_for.answer": "the maker's answer",
    ]

    static let chinese: [MessageCode: String] = [
        "warranty.join.semicolon": "{a}；{b}", "warranty.join.and": "{a}、{b}",
        "warranty.join.space": "{a} {b}", "warranty.join.slash": "{a} / {b}",
        "warranty.waiting_for.submit": "待提交厂家",
        "warranty.waiting_for.answer": "等待厂家答复",
    ]
}
