@testable import CableCore
import XCTest

/// Rules for the text page styles of blind round 8: forwarded e-mails, messaging channels,
/// text-only editions, book reviews and magazine features. Each page is built for its rule.
final class TextPageStylesTests: XCTestCase {
    private func parse(_ text: String) -> Article { ArticleParser.parse(text: text, file: "page.txt") }
    private func isFurniture(_ line: String) -> Bool { Furniture.isFurniture(line, shape: LineShape(line)) }

    private let lead = "The government said on Monday that talks with the union would resume next week, after a pause of nearly a month."
    private let second = "Officials from both sides met briefly in the capital, but neither would say what had been agreed before the weekend."
    private let third = "The union's leaders are due to meet again on Thursday to decide whether the strike planned for next month goes ahead."

    // MARK: - E-mail forwards

    func testAForwardedMailIsTheMessageItForwards() {
        let article = parse("""
            From: Anna Berg <anna@example.org>
            Date: Fri, 14 Jun 2024 at 18:20
            Subject: Fwd: Union talks resume
            To: Desk <desk@example.org>

            Worth a look before the Monday meeting. The part about the strike is what we discussed on Tuesday, I think.

            ---------- Forwarded message ---------
            From: The Ledger <news@ledger.example>
            Date: Fri, 14 Jun 2024 at 17:31
            Subject: Union talks resume
            To: <anna@example.org>

            Talks With the Union Resume After a Month-Long Pause

            By Jane Doe
            14 June 2024 | 09:15 BST

            \(lead)

            \(second)
            """)
        XCTAssertEqual(article.title, "Talks With the Union Resume After a Month-Long Pause")
        // The article's dateline, not the mails' `Date:` headers.
        XCTAssertEqual(article.published, Dateline.date(in: "14 June 2024 09:15 BST"))
        XCTAssertEqual(article.paragraphs, [lead, second])
        XCTAssertTrue(MailForward.isMailHeader("Reply-To: The Heatline <desk@heatline.example>"))
        XCTAssertFalse(MailForward.isMailHeader("Datelines: how we write them"))
    }

    func testANewsletterGreetingUnderTheDateIsNotTheHeadline() {
        let article = parse("""
            THE LEDGER DAILY
            The morning briefing on tariffs, treaties and supply chains
            Friday, June 14, 2024

            Good morning. Today: the union talks, a new tariff and why the ports are quiet. — The Ledger desk

            Talks With the Union Resume After a Month-Long Pause

            By Jane Doe
            June 13, 2024 | 10:45 PM EDT

            \(lead)
            """)
        XCTAssertEqual(article.title, "Talks With the Union Resume After a Month-Long Pause")
    }

    // MARK: - Messaging channels

    func testAChannelsProfilePinnedMessageAndCountersAreNotTheHeadline() {
        let article = parse("""
            Harbour Watch
            @harbourwatch
            112K subscribers  4.3K photos  210 videos
            Ports, ships and the politics that move them. Ads and partnerships: @hw_ads
            Join channel

            📌 Pinned message
            Comment rules and reposting policy: please read before you post

            Harbour Watch
            Forwarded from Quay Wire
            \(lead)
            \(second)

            #ports #strikes #unions
            """)
        XCTAssertTrue(article.titleDerived)
        XCTAssertEqual(article.paragraphs, [lead, second])
        // The channel named over its profile and again over the post is the source.
        XCTAssertEqual(article.source, "Harbour Watch")
        XCTAssertEqual(article.tags, ["ports", "strikes", "unions"])
        XCTAssertTrue(isFurniture("Forwarded from Quay Wire"))
        XCTAssertTrue(isFurniture("📌 Pinned message"))
        XCTAssertTrue(PageTop.isCounterLine("23 904 subscribers"))
        XCTAssertFalse(PageTop.isCounterLine("2024 in 10 charts"))
    }

    func testAReadAlsoLinkMarkedWithAPictograph() {
        XCTAssertEqual(LinkLines.readMoreHeadline("➡️ Read also: Protesters return to the avenue for a sixth night"),
                       "Protesters return to the avenue for a sixth night")
        XCTAssertEqual(String(Text.afterPictographs("© 2024 The Ledger")), "© 2024 The Ledger")
        XCTAssertTrue(isFurniture("🖼 Photo: Ministry of Economic Affairs handout"))
    }

    // MARK: - Text-only editions

    func testATextOnlyEditionsMastheadNamesTheOutletAndIsNoTagLine() {
        let article = parse("""
            Ledger News | Lite

            Go to the full Ledger News experience

            Talks With the Union Resume After a Month-Long Pause

            By Jane Doe, Ledger News
            Published: 6:04 PM EST, Mon December 2, 2024

            \(lead)

            \(second)

            See Full Web Article

            Ledger News | Lite
            Top stories
            Ports Reopen After Three-Day Strike Ends in Agreement
            Rail Workers Vote on a New Pay Offer This Week

            © 2024 Ledger News Network. All Rights Reserved.
            """)
        XCTAssertEqual(article.title, "Talks With the Union Resume After a Month-Long Pause")
        XCTAssertEqual(article.tags, [])
        // The masthead before its edition's name, though the copyright holder's name is longer.
        XCTAssertEqual(article.source, "Ledger News")
        XCTAssertEqual(article.paragraphs, [lead, second])
    }

    func testAMastheadMayNameTheCopyrightHolderWithAWordMore() {
        let article = parse("""
            WBC News | text-only edition

            Talks With the Union Resume After a Month-Long Pause

            14 Jun 2024 | 16:32 BST

            \(lead)

            Copyright © 2024 WBC. The WBC is not responsible for the content of external sites.
            """)
        XCTAssertEqual(article.source, "WBC News")
        XCTAssertEqual(LinkLines.outletName("Longitude Media, Inc. © 2024. All rights reserved."), "Longitude Media, Inc")
        XCTAssertNil(LinkLines.outletName("All rights reserved for Pars National News Agency © 2024"))
    }

    // MARK: - Book reviews

    func testTheBooksLineOverItsDetailsIsNotTheReviewsHeadline() {
        let article = parse("""
            How Sanctions Became the Weapon of First Resort

            A former correspondent traces how financial penalties grew into the centre of statecraft

            Share full article
            118

            THE DOLLAR WALL: How Sanctions Remade the Global Economy, by Corinne Adebayo
            Halyard House | 352 pp. | $32

            By Nathaniel Ostrowski
            June 2, 2024

            When you purchase an independently reviewed book through our site, we earn an affiliate commission.

            \(lead)

            \(second)

            Nathaniel Ostrowski, a former Treasury Department official, is the author of a book on money and power.
            """)
        XCTAssertEqual(article.title, "How Sanctions Became the Weapon of First Resort")
        // The affiliate notice and the reviewer's biography are not the review's text.
        XCTAssertEqual(article.paragraphs, [lead, second])
        XCTAssertTrue(isFurniture("To support the Ledger, order your copy at ledgerbookshop.example. Delivery charges may apply."))
    }

    // MARK: - Magazine features

    func testABarePullQuoteNearTheParagraphItRepeats() {
        let pull = "Every tonne of lithium starts as water that someone else also wanted."
        let body = "The fear in the Atacama is different. \(pull) Brine pumping has lowered groundwater near the lagoons."
        let article = parse("""
            The Salt and the State

            By Jane Doe
            7 March 2024

            \(lead)

            \(pull)

            \(body)

            \(second)
            """)
        XCTAssertEqual(article.paragraphs, [lead, body, second])
        // Far from the paragraph it repeats, a short sentence is the article's own.
        let far = parse("""
            The Salt and the State

            By Jane Doe
            7 March 2024

            \(pull)

            \(lead)

            \(second)

            \(third)

            \(body)
            """)
        XCTAssertEqual(far.paragraphs, [pull, lead, second, third, body])
    }

    func testALinkWithAnArrowAndABarOfButtonsAreNotTheArticles() {
        let article = parse("""
            Talks With the Union Resume After a Month-Long Pause

            By Jane Doe
            7 March 2024

            \(lead)

            Freight rates, decoded. Try Ledger Pro free for 14 days →

            \(second)

            Share  ·  Save  ·  Gift this article
            """)
        XCTAssertEqual(article.paragraphs, [lead, second])
        XCTAssertEqual(article.tags, [])
    }
}
