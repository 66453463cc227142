import Foundation

extension NameText {
    /// Foundation's `contains`, kept apart so that the call above is unmistakably that one.
    static func foundationContains(_ text: String, _ word: String) -> Bool { text.contains(word) }
}
