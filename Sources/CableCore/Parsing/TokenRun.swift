/// A stretch of a paragraph's tokens, indexed from zero, that shares the paragraph's array.
///
/// Attribution looks at many stretches around each quote (the words after it, the words
/// before it, a subject, a name) and hands them on; each used to be copied into an array of
/// its own, and the allocations and copies cost more than reading the tokens. Indices work
/// as they did for those arrays: from zero, and a slice of a run keeps the run's indices
/// until it is made a run of its own with `init(_:)`.
struct TokenRun: RandomAccessCollection {
    private let tokens: [ProseToken]
    private let offset: Int
    let count: Int

    /// All of `tokens`.
    init(_ tokens: [ProseToken]) {
        self.tokens = tokens
        offset = 0
        count = tokens.count
    }

    /// The tokens of `slice`, indexed from zero.
    init(_ slice: Slice<TokenRun>) {
        tokens = slice.base.tokens
        offset = slice.base.offset + slice.startIndex
        count = slice.count
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(position: Int) -> ProseToken {
        // Inside the run, as an array's subscript would insist (the array's own check only
        // covers the whole paragraph).
        precondition(position >= 0 && position < count, "token index out of range")
        return tokens[offset + position]
    }
}
