/// A stretch of a paragraph's tokens, indexed from zero, viewing the paragraph's storage.
///
/// Attribution looks at many stretches around each quote (the words after it, the words
/// before it, a subject, a name) and hands them on; each used to be copied into an array of
/// its own, and the allocations and copies cost more than reading the tokens. Indices work
/// as they did for those arrays: from zero, and a slice of a run keeps the run's indices
/// until it is made a run of its own with `init(_:)`.
///
/// A run made with the paragraph's text (`init(realizing:text:)`) makes each blank it
/// reads real first (see `ProseTokenizer.blank`): attribution reads through such runs, so
/// it sees every word as tokenized in full, and a word it never reads is never tokenized.
///
/// A run is a view: it is valid while the storage it views is, which `QuoteAttribution`
/// keeps for the whole of a paragraph's reading (no run outlives the paragraph).
struct TokenRun: RandomAccessCollection {
    private let tokens: UnsafeMutableBufferPointer<ProseToken>
    /// The paragraph's bytes, for a run that makes blanks real; nil for one that reads them as they are.
    private let text: UnsafeBufferPointer<UInt8>?

    /// All of `tokens`, read as they are.
    init(_ tokens: UnsafeBufferPointer<ProseToken>) {
        self.tokens = UnsafeMutableBufferPointer(mutating: tokens)
        text = nil
    }

    /// All of `tokens`, each blank made real in place (from `text`) when it is first read.
    init(realizing tokens: UnsafeMutableBufferPointer<ProseToken>, text: UnsafeBufferPointer<UInt8>) {
        self.tokens = tokens
        self.text = text
    }

    /// The tokens of `slice`, indexed from zero.
    init(_ slice: Slice<TokenRun>) {
        tokens = UnsafeMutableBufferPointer(rebasing: slice.base.tokens[slice.startIndex..<slice.endIndex])
        text = slice.base.text
    }

    var startIndex: Int { 0 }
    var endIndex: Int { tokens.count }

    subscript(position: Int) -> ProseToken {
        // Inside the run, as an array's subscript would insist (a buffer's is not checked).
        precondition(position >= 0 && position < tokens.count, "token index out of range")
        if let text, tokens[position].isBlank {
            tokens[position] = ProseTokenizer.real(tokens[position], in: text)
        }
        return tokens[position]
    }
}
