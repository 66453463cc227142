import Foundation

/// The HTML reader's readings of dates and text, for other modules (feeds date and clean
/// their items the way pages are).
public enum MachineDate {
    /// `2024-03-07T09:41:00.000+01:00` and the relaxations `ISODate` takes; nil when `text`
    /// is not such a date.
    public static func iso8601(_ text: String) -> Date? {
        ISODate.parse(text)
    }
}

public enum PageText {
    /// Whitespace of every kind folded to single spaces, control and invisible format
    /// characters gone (see `HTMLText.clean`).
    public static func clean(_ text: String) -> String {
        HTMLText.clean(text)
    }
}
