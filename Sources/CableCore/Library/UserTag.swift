/// The rules for the user's own tags, one place for `cable tag`, the TUI and `state import`.
///
/// A tag is trimmed of surrounding spaces; it may hold any character except a control
/// character (a newline, a tab, ESC, BEL: they would break every one-line listing of tags
/// or drive the terminal) and is at most `maximumLength` Unicode code points long.
public enum UserTag {
    /// The longest tag, in Unicode code points (not bytes, not grapheme clusters: a run of
    /// combining marks on one letter is one character on screen but many code points).
    public static let maximumLength = 200

    /// The tag as stored, or nil when it is empty once trimmed (nothing to add).
    public static func normalized(_ tag: String) throws -> String? {
        let clean = tag.trimmingCharacters(in: .whitespaces)
        guard !clean.isEmpty else { return nil }
        if clean.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw LibraryError.invalidTag(clean, reason: .controlCharacter)
        }
        if clean.unicodeScalars.count > maximumLength {
            throw LibraryError.invalidTag(clean, reason: .tooLong)
        }
        return clean
    }
}
