import CableCore
import Foundation

/// Invented articles shaped like the saved pages Cable reads: datelines, quotes with
/// speakers and roles, READ MORE lines, related blocks (some resolving to each other,
/// some not in the library), tags, and the awkward parts (wide characters, escape
/// sequences, no date).
enum SampleArticles {
    static func date(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: text) ?? Date(timeIntervalSince1970: 0)
    }

    static func make(_ title: String, _ published: String?, source: String? = nil, url: String? = nil,
                     paragraphs: [String],
                     quotes: [Quote] = [], readMore: [String] = [], related: [String] = [],
                     tags: [String]) -> Article {
        let text = ([title] + paragraphs + readMore + related + tags).joined(separator: "\n\n")
        return Article(id: ArticleID.forContent(text), file: title.prefix(20) + ".txt", title: title,
                       published: published.map(date), source: source, url: url, paragraphs: paragraphs,
                       quotes: quotes, readMore: readMore, related: related, tags: tags)
    }

    static let baltic = make(
        "Baltic Cables Found Damaged for Third Time in Eighteen Months",
        "2024-03-07T09:41:00Z", source: "Northern Wire",
        url: "https://www.northernwire.example/2024/03/07/baltic-cables-damaged-third-time",
        paragraphs: [
            "Two undersea data cables in the Baltic were found damaged on Wednesday, operators said, the third such incident in eighteen months.",
            "\"We are treating this as a deliberate act until we have evidence otherwise,\" Finnish Interior Minister Aino Laakso told a press conference in Helsinki.",
            "Estonia's navy said a cargo vessel had been seen dragging its anchor near the site. Laakso added that investigators would \"follow every lead, whatever flag it flies\".",
        ],
        quotes: [
            Quote(text: "We are treating this as a deliberate act until we have evidence otherwise",
                  speaker: "Aino Laakso", role: "Finnish Interior Minister", paragraph: 1),
            Quote(text: "follow every lead, whatever flag it flies", speaker: "Aino Laakso", paragraph: 2),
        ],
        readMore: ["Baltic States Step Up Patrols Around Offshore Wind Farms"],
        related: [
            "Baltic States Step Up Patrols Around Offshore Wind Farms",
            "NATO Launches Sea Drone Mission to Watch Baltic Infrastructure",
            "Cable Repairs Could Take Weeks, Operator Says - Reports",
        ],
        tags: ["Baltic Sea", "undersea cables", "Finland", "Estonia", "NATO", "sabotage"])

    static let patrols = make(
        "Baltic States Step Up Patrols Around Offshore Wind Farms",
        "2024-02-20T14:05:00Z", source: "Northern Wire",
        paragraphs: [
            "Estonia, Latvia and Lithuania will add naval patrols around offshore wind farms and power links, their defence ministers said on Tuesday.",
            "\"Critical infrastructure at sea is now a front line,\" Latvian Defence Minister Kārlis Ozols said.",
        ],
        quotes: [Quote(text: "Critical infrastructure at sea is now a front line", speaker: "Kārlis Ozols",
                       role: "Latvian Defence Minister", paragraph: 1)],
        related: ["Baltic Cables Found Damaged for Third Time in Eighteen Months"],
        tags: ["Baltic Sea", "Estonia", "NATO", "energy"])

    static let drones = make(
        "NATO Launches Sea Drone Mission to Watch Baltic Infrastructure",
        "2024-01-15T08:00:00Z",
        paragraphs: [
            "NATO said on Monday it would deploy uncrewed surface vessels to monitor pipelines and cables on the Baltic seabed.",
            "A spokesperson for the alliance said the drones would \"watch what we cannot see from shore\".",
        ],
        quotes: [Quote(text: "watch what we cannot see from shore", speaker: "NATO spokesperson", paragraph: 1)],
        tags: ["NATO", "Baltic Sea", "undersea cables", "drones"])

    static let huawei = make(
        "Five Eyes Partners Split Over Huawei 5G Equipment",
        "2021-05-18T12:29:00Z", source: "Wire Desk",
        paragraphs: [
            "Two members of the Five Eyes intelligence alliance have taken different lines on Huawei equipment in their 5G networks.",
            "\"We will not compromise the integrity of intelligence exchanges,\" Deputy Assistant Secretary for Maritime Security Dana Whitfield said.",
        ],
        quotes: [Quote(text: "We will not compromise the integrity of intelligence exchanges",
                       speaker: "Dana Whitfield", role: "Deputy Assistant Secretary for Maritime Security",
                       paragraph: 1)],
        related: ["US Warns Allies Over Chinese Telecoms Gear - Reports"],
        tags: ["Huawei", "US", "Five Eyes", "intelligence exchanges"])

    static let tokyo = make(
        "東京で海底ケーブル会議 Tokyo Hosts Subsea Cable Summit 🌏",
        "2023-11-02T03:00:00Z",
        paragraphs: [
            "Delegates from twelve countries met in Tokyo (東京) to discuss the security of subsea cables crossing the Pacific.",
            "Officials said the summit 🌏 would produce a shared register of cable landing stations.",
        ],
        tags: ["Japan", "undersea cables", "Pacific"])

    static let hostile = make(
        "Port Strike Ends\u{1B}[2J After Two Weeks\u{1B}]0;pwned\u{07}",
        nil,
        paragraphs: ["Dock workers\u{1B}[31m returned to work on Friday.\u{08}\u{08} The union said talks would continue."],
        tags: ["labour", "shipping"])

    static let all = [baltic, patrols, drones, huawei, tokyo, hostile]

    static func library() -> InMemoryLibrary { InMemoryLibrary(all) }
}
