/// A stretch of a paragraph's tokens, indexed from zero, viewing the paragraph's storage.
///
/// Attribution looks at many stretches around each quote (the words after it, the words
/// before it, a subject, a name) and hands them on; each used to be copied into an array of
/// its own, and the allocations and copies cost more than reading the tokens. Indices work
/// as they did for those arrays: from zero, and a slice of a run keeps the run's indices
/// until it is made a run of its own with `init(_:)`.
///
/// A run is a view: it is valid while the storage it views is, which `QuoteAttribution`
/// keeps for the whole of a paragraph's reading (no run outlives the paragraph).
struct TokenRun: RandomAccessCollection {
    private let tokens: UnsafeBufferPointer<ProseToken>

    /// All of `tokens`.
    init(_ tokens: UnsafeBufferPointer<ProseToken>) {
        self.tokens = tokens
    }

    /// The tokens of `slice`, indexed from zero.
    init(_ slice: Slice<TokenRun>) {
        tokens = UnsafeBufferPointer(rebasing: slice.base.tokens[slice.startIndex..<slice.endIndex])
    }

    var startIndex: Int { 0 }
    var endIndex: Int { tokens.count }

    subscript(position: Int) -> ProseToken {
        // Inside the run, as an array's subscript would insist (a buffer's is not checked).
        precondition(position >= 0 && position < tokens.count, "token index out of range")
        return tokens[position]
    }
}
