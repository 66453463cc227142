/// A window of a long result list: only `rows` (starting at `offset`) are in memory, the
/// cursor and the first visible row are positions in the whole list.
public struct Window<Row: Hashable & Sendable>: Hashable, Sendable {
    public var total: Int?
    public var offset = 0
    public var rows: [Row] = []
    public var cursor = 0
    /// The first position shown on screen.
    public var top = 0
    /// The offset of a load asked for and not yet answered, so it is not asked twice.
    public var pending: Int?

    public init() {}

    public func row(at position: Int) -> Row? {
        let index = position - offset
        return rows.indices.contains(index) ? rows[index] : nil
    }

    public var selected: Row? { row(at: cursor) }
    /// How many rows there are: the total once counted, else as far as rows are on hand.
    public var count: Int { total ?? (offset + rows.count) }
    /// Nothing on hand yet.
    public var isLoading: Bool { total == nil && rows.isEmpty }
    /// One past the last position on hand.
    public var end: Int { offset + rows.count }

    /// Moves the cursor by `step` within the list (saturating: ±Int.max/2 mean the ends).
    mutating func moveCursor(by step: Int) {
        guard count > 0 else { return }
        cursor = max(0, min(count - 1, cursor.addingClamped(step)))
    }

    /// Moves `top` so the cursor is on a screen of `page` rows, and the screen within the list.
    mutating func keepCursorVisible(page: Int) {
        if cursor < top { top = cursor }
        if cursor >= top + page { top = cursor - page + 1 }
        top = max(0, min(top, count - page))
    }

    /// Where to load a window of `size` rows when the screen, with half a screen either
    /// side, is not all on hand; nil when it is, or when that load was already asked for
    /// (it is then recorded as pending).
    mutating func offsetToLoad(page: Int, size: Int) -> Int? {
        guard let total, total > 0 else { return nil }
        let wantLow = max(0, top - page / 2)
        let wantHigh = min(total, top + page + page / 2)
        guard wantLow < offset || wantHigh > end else { return nil }
        let start = max(0, min(top - page, total - size))
        guard pending != start else { return nil }
        pending = start
        return start
    }
}

extension Int {
    /// Addition that saturates instead of trapping (moves by ±Int.max/2 mean "to the end").
    func addingClamped(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? Int.max : Int.min) : sum
    }
}
