/// The people an article has named, by lower-cased surname: what `[String: Speaker]` was for
/// `SpeakerMemory`, as short arrays. An article names a handful of people, and a scan of
/// word keys costs less than hashing a String into a dictionary (and a dictionary's storage
/// cost more to make and to free, once per article, than all the lookups in it).
///
/// Lookups answer exactly as the dictionary did, which compares Strings by Swift's `==`
/// (canonical equivalence): two ASCII words are equal when their bytes are, which their
/// word keys settle unless the words are long (then the key is a hash, and the Strings are
/// compared too); a word with any other character is compared as a String.
struct SurnameTable {
    /// A lower-cased name word, with its word key (made from the same bytes).
    struct Word: Equatable {
        /// The word, kept only where its key does not hold all of it (a word with other
        /// characters than ASCII, or longer than 16 bytes): a String made for every name
        /// remembered cost more than the rest of remembering it.
        private var storedText: String?
        var key: WordKey
        var isASCII: Bool

        /// The word (lower-case: the key's bytes are the word's, for a short ASCII word).
        var text: String {
            if let storedText { return storedText }
            let key = key
            return String(unsafeUninitializedCapacity: Int(key.count)) { out in
                for k in 0..<Int(key.count) {
                    out[k] = UInt8(truncatingIfNeeded: k < 8 ? key.low >> UInt64(8 * k) : key.high >> UInt64(8 * (k - 8)))
                }
                return Int(key.count)
            }
        }

        init(_ text: String) {
            var text = text
            var isASCII = true
            var isLower = true
            key = text.withUTF8 { bytes in
                isASCII = bytes.allSatisfy { $0 < 0x80 }
                isLower = !bytes.contains(where: Bytes.isUpper)
                return WordKey(bytes, 0, bytes.count)
            }
            self.isASCII = isASCII
            storedText = isASCII && isLower && !key.isLong ? nil : text
        }

        /// (For words known to be ASCII and lower-case, with their key made already.)
        init(asciiLowercased text: String, key: WordKey) {
            storedText = key.isLong ? text : nil
            self.key = key
            isASCII = true
        }

        /// A short ASCII word by its key alone (`key.isLong` false).
        init(asciiKey key: WordKey) {
            self.key = key
            isASCII = true
        }

        func matches(_ other: Word) -> Bool {
            guard isASCII && other.isASCII else { return text == other.text }
            return key == other.key && (!key.isLong || text == other.text)
        }
    }

    /// A stored word and the person it names (by their place in `SpeakerMemory`).
    struct Entry {
        var word: Word
        var speaker: SpeakerMemory.ID
    }

    /// The keys of `entries`' words, scanned first: most lookups find nothing.
    private var keys: [WordKey] = []
    private var entries: [Entry] = []
    /// Keys of words stored that `keys` lacks: a word stored over an entry whose word is
    /// the same String with other bytes (`é` as one character or two). Every word ever
    /// stored has its key in `keys` or here (`person(named:)` asks that first).
    private var otherKeys: [WordKey] = []

    /// The person of the entry at `index`.
    func speaker(at index: Int) -> SpeakerMemory.ID { entries[index].speaker }

    /// The entry for `word`, if any.
    func index(of word: Word) -> Int? {
        if word.isASCII && !word.key.isLong {
            // Equal only to an ASCII word with the same key (`Word.matches`), or to a
            // non-ASCII one as a String: all the keys first, the Strings of those others after.
            for k in keys.indices where keys[k] == word.key && entries[k].word.isASCII { return k }
            for k in entries.indices where !entries[k].word.isASCII && entries[k].word.text == word.text { return k }
            return nil
        }
        return entries.firstIndex { $0.word.matches(word) }
    }

    /// Whether any word stored so far had the key `key`.
    func hasStored(_ key: WordKey) -> Bool { keys.contains(key) || otherKeys.contains(key) }

    /// `table[word] = speaker`, as for a dictionary.
    mutating func set(_ word: Word, _ speaker: SpeakerMemory.ID) {
        if let index = index(of: word) {
            entries[index].speaker = speaker
            if !hasStored(word.key) { otherKeys.append(word.key) }
        } else {
            if keys.capacity == 0 {
                // (Room for the handful of people an article names, made once.)
                keys.reserveCapacity(8)
                entries.reserveCapacity(8)
            }
            keys.append(word.key)
            entries.append(Entry(word: word, speaker: speaker))
        }
    }

    /// Gives every entry its person's new place (see `SpeakerMemory.compact`).
    mutating func renumberSpeakers(_ place: (SpeakerMemory.ID) -> SpeakerMemory.ID) {
        for k in entries.indices { entries[k].speaker = place(entries[k].speaker) }
    }

    /// Makes the entry at `index` name `speaker`.
    mutating func setSpeaker(at index: Int, _ speaker: SpeakerMemory.ID) {
        entries[index].speaker = speaker
    }

    /// Whether both tables hold the same words for the same people (`sameSpeaker` compares
    /// the people, each table's places being its own memory's).
    func isSame(as other: SurnameTable, sameSpeaker: (SpeakerMemory.ID, SpeakerMemory.ID) -> Bool) -> Bool {
        keys == other.keys && otherKeys == other.otherKeys && entries.count == other.entries.count
            && zip(entries, other.entries).allSatisfy { $0.word == $1.word && sameSpeaker($0.speaker, $1.speaker) }
    }
}
