import XCTest
@testable import CableCore

/// The adversarial table the matching threshold is tuned against: a page's related headline
/// (left) and the title of an article in the library (right).
final class RelatedHeadlineTests: XCTestCase {
    static let mustMatch: [(String, String)] = [
        ("Huawei Says UK Ban Will Hurt Consumers", "Huawei Says UK Ban Would Hurt Consumers"),
        ("China Won’t Back Down ‘Only Because It's Pressured’", "China Won't Back Down 'Only Because It’s Pressured'"),
        ("NATO Launches Sea Drone Mission – Reports", "NATO Launches Sea Drone Mission"),
        ("Cable Repairs Could Take Weeks, Operator Says - Reports", "Cable Repairs Could Take Weeks, Operator Says"),
        ("Baltic States Step Up Patrols Around Offshore…", "Baltic States Step Up Patrols Around Offshore Wind Farms"),
        ("Baltic States Step Up Patrols Around Offshore Wind...", "Baltic States Step Up Patrols Around Offshore Wind Farms"),
        ("Red Sea Cable Cuts Disrupt Internet Traffic Between Eu…", "Red Sea Cable Cuts Disrupt Internet Traffic Between Europe and Asia"),
        ("US−China Chip Talks Stall", "US-China Chip Talks Stall"),
        ("US—China Chip Talks Stall", "US – China Chip Talks Stall"),
        ("Grain\u{00A0}Deal Collapses as Russia Quits", "Grain Deal Collapses As Russia Quits"),
        ("  Grain   Deal Collapses as Russia Quits.  ", "Grain Deal Collapses As Russia Quits"),
        ("Is the Arctic Route Ready?", "Is The Arctic Route Ready"),
        ("Pompeo Says Huawei Is an Arm of the Chinese State", "Pompeo Said Huawei Is an Arm of the Chinese State"),
        ("EU Adopts 11th Sanctions Package Against Russia", "EU Adopts 11th Sanctions Package on Russia"),
        ("U.S. Blacklists Chinese Chipmaker SMIC", "US Blacklists Chinese Chipmaker SMIC"),
        ("Sweden’s Navy Tracks Russian Vessel Near Gotland", "Sweden's Navy Tracks Russian Vessel Near Gotland"),
        ("Finland Seizes Tanker Suspected of Cutting Estlink 2 Cable", "Finland Seizes Tanker Suspected Of Cutting The Estlink 2 Cable"),
        ("Taiwan Detects 30 Chinese Aircraft Near Island", "Taiwan Detects 30 Chinese Aircraft Near The Island"),
        ("Ukraine Grain Exports Resume Via New Corridor", "Ukraine Grain Export Resumes Via New Corridor"),
        ("Japan Joins Dutch Curbs on Chip Equipment Sales to China", "Japan Joins Dutch Curbs on Chipmaking Equipment Sales to China"),
        ("Balticconnector: Investigators Find Anchor Marks on Seabed", "Balticconnector Investigators Find Anchor Marks On Seabed"),
        ("'Open Door' for CPTPP, but Not Wide Open, Says Minister", "“Open Door” For CPTPP, But Not Wide Open, Says Minister"),
        ("Estonia: Russia Behind GPS Jamming Over Baltic – Reuters", "Estonia: Russia Behind GPS Jamming Over Baltic"),
        ("Serbia-Bulgaria Gas Link Opens | BBC News", "Serbia–Bulgaria Gas Link Opens"),
        ("Mali Orders UN Peacekeepers Out Early", "Mali Orders U.N. Peacekeepers Out Early"),
        ("Éire Backs Subsea Cable Plan", "Eire Backs Subsea Cable Plan"),
    ]

    static let mustNotMatch: [(String, String)] = [
        ("China Warns Japan Over Taiwan Arms Sale", "China Warns US Over Taiwan Arms Sale"),
        ("EU Adopts 12th Sanctions Package Against Russia", "EU Adopts 11th Sanctions Package Against Russia"),
        ("Taiwan Detects 35 Chinese Aircraft Near Island", "Taiwan Detects 30 Chinese Aircraft Near Island"),
        ("Huawei Will Not Be Banned, UK Says", "Huawei Will Be Banned, UK Says"),
        ("Russia Quits Grain Deal", "Russia Rejoins Grain Deal"),
        ("Finland Seizes Tanker", "Finland Releases Tanker"),
        ("NATO Launches Baltic Sea Drone Mission", "NATO Ends Baltic Sea Drone Mission"),
        ("Baltic States Step Up Patrols Around Offshore Wind Farms", "North Sea States Step Up Patrols Around Offshore Wind Farms"),
        ("China…", "China Warns US Over Taiwan Arms Sale"),
        ("China Warns Japan Ov…", "China Warns US Over Taiwan Arms Sale"),
        ("Japan Joins US Curbs on Chip Equipment Sales to China", "Japan Joins Dutch Curbs on Chip Equipment Sales to China"),
        ("Sweden Tracks Russian Vessel Near Gotland", "Sweden Tracks Chinese Vessel Near Gotland"),
        ("US Blacklists Chinese Chipmaker SMIC", "US Blacklists Chinese Chipmaker YMTC"),
        ("Iran Seizes Tanker in Strait of Hormuz", "Iran Releases Tanker in Strait of Hormuz"),
        ("Germany Halts Nord Stream 2 Certification", "Germany Resumes Nord Stream 2 Certification"),
        ("Poland Says Pipeline Leak Was Sabotage", "Poland Says Pipeline Leak Was Not Sabotage"),
        ("Estonia Says Russia Behind GPS Jamming", "Finland Says Russia Behind GPS Jamming"),
        ("Huawei Ban - What It Means", "Huawei Ban - Timeline"),
        ("Talks on Arctic Shipping Route Stall", "Talks on Arctic Shipping Route Resume"),
        ("—", "Grain Deal Collapses As Russia Quits"),
        ("Red Sea Cable Cuts Disrupt Internet Traffic Between Eu…", "Red Sea Shipping Attacks Disrupt Trade"),
        ("China Sanctions US Defence Firms", "US Sanctions China Defence Firms"),
        ("Russia Expels Estonian Diplomats", "Estonia Expels Russian Diplomats"),
        ("Arctic Council Pauses Work", "Arctic Council Resumes Work With Russia"),
    ]

    /// Unrelated titles beside the one under test, so a match is a choice, not the only row.
    static let distractors = [
        "Grain Prices Rise After Storm", "Chip Exports Fall Sharply", "Navy Exercises Begin In Baltic",
        "Drone Strikes Hit Port", "Talks Resume In Geneva",
    ]

    func check(_ headline: String, _ title: String, expectMatch: Bool, file: StaticString = #filePath, line: UInt = #line) {
        var titles: [(id: Int64, key: String)] = RelatedHeadlineTests.distractors.enumerated()
            .map { (Int64($0.offset + 10), HeadlineKey($0.element).key) }
        titles.append((1, HeadlineKey(title).key))
        let matcher = HeadlineMatcher(titles: titles)
        let result = matcher.resolve(HeadlineKey(headline))
        XCTAssertEqual(result, expectMatch ? 1 : nil,
                       "\(expectMatch ? "should" : "must not") match: '\(headline)' ~ '\(title)'", file: file, line: line)
    }

    func testTheTableHasAtLeastFortyPairs() {
        XCTAssertGreaterThanOrEqual(RelatedHeadlineTests.mustMatch.count + RelatedHeadlineTests.mustNotMatch.count, 40)
        XCTAssertGreaterThanOrEqual(RelatedHeadlineTests.mustNotMatch.count, 20)
    }

    func testHeadlinesThatNameTheSameStoryMatch() {
        for (headline, title) in RelatedHeadlineTests.mustMatch { check(headline, title, expectMatch: true) }
    }

    func testDifferentStoriesWithOverlappingWordsDoNotMatch() {
        for (headline, title) in RelatedHeadlineTests.mustNotMatch { check(headline, title, expectMatch: false) }
    }

    func testMatchingIsSymmetricForTheWordingEdits() {
        for (headline, title) in RelatedHeadlineTests.mustMatch where !headline.hasSuffix("…") && !headline.hasSuffix("...") {
            check(title, headline, expectMatch: true)
        }
    }

    func testKeysFoldQuotesDashesSpacingAndSourceSuffix() {
        XCTAssertEqual(HeadlineKey("Won’t  Back\u{00A0}Down – Reports").key, "wont back down")
        XCTAssertEqual(HeadlineKey("Deal Off...").truncated, true)
        XCTAssertEqual(HeadlineKey("Deal Off - What It Means For Kyiv").key, "deal off what it means for kyiv")
        XCTAssertEqual(HeadlineKey("  Deal Off …  \u{00A0}"), HeadlineKey(key: "deal off", truncated: true))
        XCTAssertTrue(HeadlineKey("Deal Off...   ").truncated)
        XCTAssertFalse(HeadlineKey("Deal Off.").truncated)
    }

    /// Most headlines take a byte path; it must give exactly what the general one does.
    func testTheBytePathFoldsExactlyLikeTheGeneralOne() {
        var samples = [
            "Deal Off - Reports", "Deal Off | BBC News", "Deal Off - What It Means For Kyiv", " - Reports",
            "Deal Off -  Reports", "Deal Off - reports", "Deal Off\t- Reports", "  Deal Off...  ", "Deal Off . . .",
            "Deal Off - Reports...", "U.S. Won't Back Down", "\r\nDeal\u{0B}Off\r\n", "Deal - A B C", "-", "", "   ",
            "Deal Off - Big Reports ", "a - B", "ab - B", "Deal Off -- Reports", "Deal Off | 2 Reports",
            "Deal Off \u{2013} Reports", "Deal\u{00A0}Off\u{00A0}\u{2014}\u{00A0}Reports", "Deal Off \u{2212} \u{201C}Reports\u{201D}",
            "Won\u{2019}t \u{2018}Back\u{02BC}\u{2032} Down\u{2026}", "Deal \u{2026} Off", "Deal Off\u{2026}\u{00A0}", "Deal Off \u{2026}.",
            "Caf\u{E9} Talks - Reports", "Deal Off\u{2003}- Reports", "x\u{01}y\u{2026}",
        ]
        // And random strings over the characters the steps treat specially.
        let alphabet = Array(" -|.'\tAbZ9\n\r\u{2013}\u{2014}\u{2212}\u{00A0}\u{2019}\u{201C}\u{2026}\u{E9}\u{2003}")
        var state: UInt64 = 42
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<(Int(state % 13)) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            state = state &* 6364136223846793005 &+ 1442695040888963407
            samples.append(text)
        }
        for text in samples {
            XCTAssertEqual(HeadlineKey(text), HeadlineKey(anyText: text), "'\(text)'")
        }
        XCTAssertNil(HeadlineKey(simple: "Caf\u{E9} Talks"))
        XCTAssertNotNil(HeadlineKey(simple: "Won\u{2019}t Back Down \u{2013} Reports\u{2026}"))
    }

    func testCandidatesAreTitlesSharingTwoOfTheRareWords() {
        XCTAssertEqual(HeadlineMatcher.inAtLeast(2, of: [[1, 3, 5, 9], [3, 4, 9], [5, 9, 12]]), [3, 5, 9])
        XCTAssertEqual(HeadlineMatcher.inAtLeast(2, of: [[1, 2], [3, 4]]), [])
        XCTAssertEqual(HeadlineMatcher.inAtLeast(1, of: [[7, 8]]), [7, 8])
    }

    func testAPageNeverLinksToItself() {
        let matcher = HeadlineMatcher(titles: [(1, HeadlineKey("Same Title Here Again").key)])
        XCTAssertNil(matcher.resolve(HeadlineKey("Same Title Here Again"), excluding: 1))
    }

    /// Links are resolved a group at a time (`LinkResolution`): a matcher of only the titles
    /// in a headline's group must answer as a matcher of every title does.
    func testAMatcherOfAHeadlinesGroupAnswersAsOneOfEveryTitle() {
        let generator = SyntheticLibrary(count: 3000, seed: 5)
        let titles = (0..<3000).map { (id: Int64($0), key: HeadlineKey(generator.headline($0)).key) }
        let everything = HeadlineMatcher(titles: titles)
        // Titles by group, in title order, both ways.
        var byMatch: [Int64: [(id: Int64, key: String)]] = [:]
        var byPrefix: [Int64: [(id: Int64, key: String)]] = [:]
        for title in titles {
            byMatch[HeadlineMatcher.matchGroup(ofKey: title.key), default: []].append(title)
            if let group = HeadlineMatcher.prefixGroup(ofKey: title.key) { byPrefix[group, default: []].append(title) }
        }
        var rng = Random(seed: 9)
        var checked = 0
        for index in stride(from: 0, to: 3000, by: 7) {
            var words = generator.headline(index).split(separator: " ").map(String.init)
            let variants = [
                words.joined(separator: " ") + " - Reports",
                String(words.joined(separator: " ").prefix(20 + rng.int(25))) + "…",
                { words[rng.int(words.count)] = "Quietly"; return words.joined(separator: " ") }(),
                "Not " + words.joined(separator: " "),
            ]
            for variant in variants {
                let key = HeadlineKey(variant)
                guard let group = HeadlineMatcher.group(ofKey: key.key, truncated: key.truncated) else { continue }
                let members = (key.truncated ? byPrefix[group] : byMatch[group]) ?? []
                XCTAssertEqual(HeadlineMatcher(titles: members).resolve(key, excluding: Int64(index + 1)),
                               everything.resolve(key, excluding: Int64(index + 1)), variant)
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 1500)
    }

    /// A word's signature role is looked up by spelling; it must be what its stem says.
    func testSignatureRolesBySpellingAgreeWithTheStem() {
        let words = Array(HeadlineMatcher.entityWords) + Array(HeadlineMatcher.negations)
            + ["uss", "usa", "uks", "chinas", "nots", "nevers", "says", "is", "has", "1990s", "kyivs", "brussels",
               "philippines", "netherlands", "gulfs", "talks", "deal", "s", "ss", "7"]
        for word in words + words.map { $0 + "s" } {
            let facts = HeadlineMatcher.facts(word)
            let stem = HeadlineMatcher.stem(word)
            XCTAssertEqual(facts.stem, stem, word)
            XCTAssertEqual(facts.isEntity, HeadlineMatcher.entityWords.contains(stem), word)
            XCTAssertEqual(facts.isNegation, HeadlineMatcher.negations.contains(stem), word)
        }
    }
}
