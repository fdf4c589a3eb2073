/// How many rows a paged list reads at a time to fill a page of items when its rules drop a few of the rows:
/// an eighth more than the page, at least 32 (`remind due`, `followup files`). The page is first capped at
/// `cap`, so no page size overflows the sum: the shell allows 10,000, a desk's caller any `Int`.
enum ReadAhead {
    static func rows(forPage limit: Int, capped cap: Int) -> Int {
        let page = min(limit, cap)
        return max(32, page + page / 8)
    }
}
