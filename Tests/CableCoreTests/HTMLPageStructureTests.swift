@testable import CableCore
import Foundation
import XCTest

/// Rules of page structure the HTML reader follows, each on a page cut down to the structure
/// (the kinds of page in `HTMLBlind1/` show them whole).
final class HTMLPageStructureTests: XCTestCase {
    private func read(_ html: String) -> Article {
        HTMLArticleReader.parse(data: Data(html.utf8), file: "page.html")
    }

    /// Three paragraphs long enough to be the article, each in its own wrapper.
    static let body = (1...3).map {
        "<div class=\"w\"><p>Paragraph \($0) of the story says, at some length and with commas, what the ministers agreed in the talks on Friday.</p></div>"
    }.joined()

    // MARK: Text

    func testNumericReferencesInTheC1RangeAreWindows1252() {
        let article = read("""
            <html><body><h1>Talks</h1><p>Kazakh Deputy Foreign Minister Serik Zhumabayev said the negotiators would meet again. \
            &#147;Nobody expected us to solve it in one day,&#148; he said&#133; &#128;5bn &#129;</p></body></html>
            """)
        XCTAssertEqual(article.paragraphs.first?.hasSuffix("\u{201C}Nobody expected us to solve it in one day,\u{201D} he said\u{2026} \u{20AC}5bn"), true,
                       "\(article.paragraphs)")
        XCTAssertEqual(article.quotes.first?.speaker, "Serik Zhumabayev")
    }

    func testADatelineLineWithThePlaceAndTheAuthorIsNoParagraph() {
        func unit(_ text: String) -> TextUnit {
            TextUnit(owner: 0, first: 0, kind: .paragraph, text: text, linkLength: 0, emphasisLength: 0, links: [])
        }
        XCTAssertFalse(ParagraphFilter.isProse(unit("Kyiv • 14 March 2024, 16:45 Kyiv time (UTC+2) Olena Marchuk")))
        XCTAssertTrue(ParagraphFilter.isProse(unit("The talks ended on 14 March 2024, at 16:45, without a deal.")))
    }

    func testTheErrorReportPromptIsFurniture() {
        XCTAssertTrue(ArticleParser.isFurniture("Found a mistake? Select the text and press Ctrl+Enter."))
    }

    // MARK: Body

    func testASignUpBoxBetweenParagraphsIsNoBody() {
        let article = read("""
            <html><body><h1>Drone Parts Listed</h1><div class="c-1">\(Self.body)
            <div class="c-zz3"><div>Newsletter</div><div>World Brief</div>
            <p>The day’s most important foreign news, explained by our correspondents. Every weekday afternoon.</p>
            <form action="/signup"><input type="email" name="email"></form></div>\(Self.body)</div></body></html>
            """)
        XCTAssertFalse(article.paragraphs.contains { $0.contains("foreign news") }, "\(article.paragraphs)")
        XCTAssertEqual(article.paragraphs.count, 3)
    }

    func testATextFieldInAShortArticleDoesNotTakeTheArticleWithIt() {
        let article = read("""
            <html><body><div><input type="search"><h1>Short Item</h1>
            <p>The only paragraph of a short item says, with commas, what the ministry announced on Friday.</p></div></body></html>
            """)
        XCTAssertEqual(article.paragraphs.count, 1)
    }

    func testAnEmbeddedPostIsABlockquoteOfTheBodyWithoutItsSignature() {
        let article = read("""
            <html><body><h1>Border Agreed</h1><div class="post__content">\(Self.body)
            <blockquote class="twitter-tweet"><p lang="en">Today the commissions agreed the first 12.7 km of the border. \
            Work continues. <a href="https://twitter.com/hashtag/Armenia">#Armenia</a></p>&mdash; Gevorg Melkonyan (@GMelkonyan_AM) \
            <a href="https://twitter.com/GMelkonyan_AM/status/1">April 19, 2024</a></blockquote>
            <div class="embed embed--telegram"><blockquote class="embed__post"><p>Жители Киранца с утра перекрыли дорогу у въезда в село.</p>
            <footer>Тавуш Сегодня @tavush_today</footer></blockquote><a href="https://t.me/x/1">View in Telegram</a></div>
            </div></body></html>
            """)
        XCTAssertTrue(article.paragraphs.contains("Today the commissions agreed the first 12.7 km of the border. Work continues. #Armenia"),
                      "\(article.paragraphs)")
        XCTAssertTrue(article.paragraphs.contains("Жители Киранца с утра перекрыли дорогу у въезда в село."))
        XCTAssertFalse(article.paragraphs.contains { $0.contains("Melkonyan") || $0.contains("Telegram") }, "\(article.paragraphs)")
    }

    func testTheDashedLineThatSignsAQuotationIsNoParagraph() {
        let article = read("""
            <html><body><h1>Escorts Begin</h1><div>\(Self.body)<blockquote><p>Every ship that asks for an escort through the strait \
            will get one, whatever flag it flies.</p>&mdash; Nikos Vasilakis, commander of the EU mission in the Red Sea</blockquote></div></body></html>
            """)
        XCTAssertTrue(article.paragraphs.contains { $0.hasPrefix("Every ship") })
        XCTAssertFalse(article.paragraphs.contains { $0.contains("Vasilakis") }, "\(article.paragraphs)")
    }

    func testAnExcerptUnderTheHeadlineIsNoBody() {
        let article = read("""
            <html><body><article class="post"><div class="post__head"><h1>Border Agreed</h1>
            <p class="post__excerpt">A 12.7km line in the north returns four villages. Residents blocked a road on Saturday.</p></div>
            <div class="post__content">\(Self.body)</div></article></body></html>
            """)
        XCTAssertEqual(article.paragraphs.count, 3, "\(article.paragraphs)")
    }

    // MARK: Title, outlet, address

    func testTheSavedFromLineAfterTheDoctypeGivesTheAddress() {
        let page = "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">\n<!-- saved from url=(0040)http://www.centraleurasia.example/a.shtml -->\n<HTML>"
        XCTAssertEqual(PageMetadata.savedFromURL(Array(page.utf8)), "http://www.centraleurasia.example/a.shtml")
        XCTAssertNil(PageMetadata.savedFromURL(Array("<!DOCTYPE html>\n<html>\n<!-- saved from url=(0019)https://example.org -->".utf8)))
    }

    func testAnOutletBeforeTheHeadlineIsKnownByTheHostItSpells() {
        let article = read("""
            <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
            <!-- saved from url=(0040)http://www.centraleurasia.example/a.shtml -->
            <HTML><HEAD><TITLE>Central Eurasia Online :: Caspian summit: five states pledge restraint</TITLE></HEAD>
            <BODY>\(Self.body)</BODY></HTML>
            """)
        XCTAssertEqual(article.source, "Central Eurasia Online")
        XCTAssertEqual(article.title, "Caspian summit: five states pledge restraint")
        XCTAssertEqual(article.url, "http://www.centraleurasia.example/a.shtml")
        XCTAssertTrue(PageTitle.spells(host: "www.bbc.co.uk", "BBC News"))
        XCTAssertFalse(PageTitle.spells(host: "www.centraleurasia.example", "Eurasia Business Online Weekly"))
    }

    func testThePrintedHeadlineWinsOverTheTitleWrittenForSharing() {
        func title(h1: String, og: String) -> String {
            read("<html><head><meta property=\"og:title\" content=\"\(og)\"></head><body><h1>\(h1)</h1>\(Self.body)</body></html>").title
        }
        XCTAssertEqual(title(h1: "A longer runway brings Greenland closer – and the world closer to Greenland",
                             og: "A longer runway brings Greenland closer – in pictures"),
                       "A longer runway brings Greenland closer – and the world closer to Greenland")
        XCTAssertEqual(title(h1: "World news", og: "A longer runway brings Greenland closer"), "A longer runway brings Greenland closer")
    }

    // MARK: Links

    func testARelatedLabelOnTheLineOfItsLinks() {
        let article = read("""
            <html><body><table><tr><td><h1>Caspian Summit</h1>\(Self.body)
            <font><b>Related articles:</b></font><br><font><img src="b.gif">&nbsp;<a href="http://x.example/1.shtml">Caspian foreign ministers \
            fail to agree</a> (12/10/2007)<br><a href="http://x.example/2.shtml">EU envoy says pipeline still on the table</a> (09/10/2007)<br></font>
            </td></tr></table></body></html>
            """)
        XCTAssertEqual(article.related, ["Caspian foreign ministers fail to agree", "EU envoy says pipeline still on the table"])
        XCTAssertEqual(article.linkURLs["Caspian foreign ministers fail to agree"], "http://x.example/1.shtml")
    }

    func testACardsHeadingIsItsHeadline() {
        let article = read("""
            <html><body><h1>Border Agreed</h1>\(Self.body)<section><h2>Related</h2>
            <a href="/a"><span class="related__cat">Analysis</span><h3>Which map? Drawing a border from Soviet charts</h3></a>
            <a href="/b"><p class="card-tag">Shipping</p><h3>Batam’s shipyards and the shadow fleet</h3><footer><time>Jul 25</time></footer></a>
            </section></body></html>
            """)
        XCTAssertEqual(article.related, ["Which map? Drawing a border from Soviet charts", "Batam’s shipyards and the shadow fleet"])
    }

    func testRelatedHeadingsAreTheVocabularysOwn() {
        func related(_ heading: String, _ links: String = "<a href=\"/s1\">First story headline here</a><a href=\"/s2\">Second story headline</a>") -> [String] {
            read("<html><body><h1>Story</h1>\(Self.body)<div><h2>\(heading)</h2>\(links)</div></body></html>").related
        }
        XCTAssertEqual(related("You might also like"), ["First story headline here", "Second story headline"])
        XCTAssertEqual(related("More on EU-Mercosur"), ["First story headline here", "Second story headline"])
        XCTAssertEqual(related("Most read"), [])
        XCTAssertEqual(related("Keep reading with a subscription", "<a href=\"/subscribe\">Subscribe now</a><a href=\"/login\">Log in</a>"), [],
                       "a prompt's buttons are no headlines")
        XCTAssertEqual(related("Related", "<a href=\"/v\">Video: Residents of Kirants block the road</a>"), ["Video: Residents of Kirants block the road"])
        XCTAssertEqual(related("More on this later."), [], "a sentence is no heading")
    }

    func testALinkBlockEndsAtTheNextHeading() {
        let article = read("""
            <html><body><h1>Shadow Fleet Checks</h1>\(Self.body)<div class="related-navigation">
            <h2>Related content</h2><ul><li><a href="/news/a">UK sanctions 20 more shadow fleet vessels</a></li></ul>
            <h3>Explore the topic</h3><ul><li><a href="/world/foreign-affairs">Foreign affairs</a></li>
            <li><a href="/defence">Defence and armed forces</a></li></ul></div></body></html>
            """)
        XCTAssertEqual(article.related, ["UK sanctions 20 more shadow fleet vessels"])
        XCTAssertEqual(article.tags, ["Foreign affairs", "Defence and armed forces"])
        let blog = read("""
            <html><head><meta property="article:tag" content="Arctic"></head><body><h1>Ice Talks</h1>\(Self.body)
            <aside><h2>Categories</h2><ul><li><a href="/category/news">News</a></li><li><a href="/category/travel">Travel</a></li></ul></aside>
            </body></html>
            """)
        XCTAssertEqual(blog.tags, ["Arctic"], "a blog's category index is no tag list")
    }

    // MARK: Kinds of page (the second blind round's tuning half)

    func testAPublishedLineAmongOthersInOneParagraphGivesTheDate() {
        let article = read("""
            <html><body><h1>Talks stall</h1><p class="info">By Vesna Todorovska and Georgi Marinov<br />
            Published: Thursday, 16 May 2024, 14:10 CEST<br />Last modified: Friday, 17 May 2024, 08:32 CEST</p>
            \(Self.body)</body></html>
            """)
        XCTAssertEqual(article.published.map(ISO8601DateFormatter().string), "2024-05-16T12:10:00Z")
    }

    func testAnAbbreviationsTitleAndAnRDFaPropertyGiveThePublicationTime() {
        let blogger = read("""
            <html><body><h1>Border on paper</h1>\(Self.body)<span>at <abbr class="published" itemprop="datePublished" \
            title="2024-03-10T09:14:00+06:00">09:14</abbr></span></body></html>
            """)
        XCTAssertEqual(blogger.published.map(ISO8601DateFormatter().string), "2024-03-10T03:14:00Z")
        let rdfa = read("""
            <html><body vocab="https://schema.org/" typeof="NewsArticle"><h1 property="headline">Court hears case</h1>
            <p><time property="dateModified" datetime="2024-02-28T09:00:00-04:00">28 February</time> \
            <time property="datePublished" datetime="2024-02-27T16:20:00-04:00">27 February</time></p>\(Self.body)</body></html>
            """)
        XCTAssertEqual(rdfa.published.map(ISO8601DateFormatter().string), "2024-02-27T20:20:00Z")
    }

    func testAnH1ThatIsTheTitlesOutletIsTheLogoNotTheHeadline() {
        let article = read("""
            <html><head><title>EU talks with Skopje stall over minority clause - South East Europe Bulletin</title></head>
            <body><h1 id="logo"><a href="/">South East Europe Bulletin</a></h1>
            <h2 class="title">EU talks with Skopje stall over minority clause</h2>\(Self.body)</body></html>
            """)
        XCTAssertEqual(article.title, "EU talks with Skopje stall over minority clause")
        XCTAssertEqual(article.source, "South East Europe Bulletin")
    }

    func testTheOutletIsTheTitlesFarthestPartWhenAPageKindStandsBetween() {
        let article = read("""
            <html><head><title>Moldova declares energy emergency :: Print version :: Chisinau Observer</title></head>
            <body><h1>Moldova declares energy emergency</h1>\(Self.body)</body></html>
            """)
        XCTAssertEqual(article.source, "Chisinau Observer")
        XCTAssertEqual(article.title, "Moldova declares energy emergency")
    }

    func testAReaderViewsDomainLinkIsTheAddressItFetched() {
        let article = read("""
            <html><head><title>Deal reached</title></head><body><div class="header reader-header">
            <a class="domain reader-domain" href="https://www.ledger.example/2024/05/21/deal">www.ledger.example</a>
            <h1 class="reader-title">Deal reached</h1></div>\(Self.body)</body></html>
            """)
        XCTAssertEqual(article.url, "https://www.ledger.example/2024/05/21/deal")
    }

    func testAPageBuildersTextBlocksAroundAnImageAreOneBody() {
        let block = { (paragraphs: ClosedRange<Int>) in
            "<div class=\"sqs-block html-block\"><div class=\"sqs-block-content\"><div class=\"sqs-html-content\">"
                + paragraphs.map { "<p>Paragraph \($0) of the note says, at some length and with commas, what the ministry decided on Friday.</p>" }.joined()
                + "</div></div></div>"
        }
        let article = read("""
            <html><body><h1>Cobalt pause</h1><div class="col">\(block(1...2))
            <div class="sqs-block image-block"><figure><img src="a.jpg"><figcaption>A pit near Kolwezi.</figcaption></figure></div>
            \(block(3...10))</div></body></html>
            """)
        XCTAssertEqual(article.paragraphs.count, 10, "the short block before the image is the lead: \(article.paragraphs)")
    }

    func testAPageBuildersRelatedBlockAndTaggedLine() {
        let article = read("""
            <html><body><h1>Cobalt pause</h1><article>\(Self.body)
            <div class="blog-item-tag-wrapper">Tagged: <a href="/t?tag=cobalt">cobalt</a>, <a href="/t?tag=DRC">DRC</a></div></article>
            <div class="col"><div class="sqs-block html-block"><div class="sqs-block-content"><div class="sqs-html-content">
            <h2>Related analysis</h2></div></div></div>
            <div class="sqs-block summary-block"><div class="summary-item"><a href="https://lab.example/lobito"><img src="l.jpg"></a>
            <div class="summary-title"><a href="https://lab.example/lobito">The Lobito corridor after one year</a></div>
            <div class="summary-read-more-link"><a href="https://lab.example/lobito">Read More →</a></div></div></div></div></body></html>
            """)
        XCTAssertEqual(article.tags, ["cobalt", "DRC"])
        XCTAssertEqual(article.related, ["The Lobito corridor after one year"])
        XCTAssertEqual(article.readMore, [], "a teaser's `Read More →` button names no story")
    }

    func testAnAlsoReadLineInTheBodyIsAReadMore() {
        let article = read("""
            <html><body><h1>Deal reached</h1><article>\(Self.body)
            <p><strong>Also Read:</strong> <a href="https://www.ledger.example/creditors">Official creditors sign off on debt terms</a></p>
            </article></body></html>
            """)
        XCTAssertEqual(article.readMore, ["Official creditors sign off on debt terms"])
        XCTAssertEqual(article.related, [])
    }

    // MARK: Quotes

    func testAPressReleasesLeadInNamesTheSpeakerOfTheQuotationsAfterIt() {
        let article = read("""
            <html><body><h1>Tankers Checked</h1><div class="govspeak">\(Self.body)
            <p>Minister for Europe Ruth Okonjo-Baines said:</p>
            <p>“Russia’s shadow fleet is a threat to our economies, our environment and our security.”</p>
            <p>“By checking their papers together, partners are sending a clear message.”</p>
            <p>The checks begin in January, and will cover four choke points in the Channel and the Baltic approaches.</p>
            <p>“This quotation has no lead-in before it, and comes after a paragraph of prose.”</p></div></body></html>
            """)
        XCTAssertTrue(article.paragraphs.contains("Minister for Europe Ruth Okonjo-Baines said:"))
        XCTAssertEqual(article.quotes.map(\.speaker), ["Ruth Okonjo-Baines", "Ruth Okonjo-Baines", nil], "\(article.quotes)")
        XCTAssertEqual(article.quotes.first?.role, "Minister for Europe")
        XCTAssertEqual(QuoteLeadIns.attributionTexts(["He called the plan “absurd” and said:", "“Not here.”"]),
                       ["He called the plan “absurd” and said:", "“Not here.”"], "a lead-in quotes nothing itself")
    }

    func testAnIconBeforeARelatedHeadlineAndBulletedParagraphsAreNotText() {
        let article = read("""
            <html><body><h1>Bridge Reopens to Trucks</h1>\(Self.body)
            <p>· Uganda-bound containers cleared at the depot: down 34% year on year</p>
            <h2>Related</h2><ul><li><a href="/news/a">🛣️ Myawaddy: who controls the highway now?</a></li></ul>
            </body></html>
            """)
        XCTAssertEqual(article.related, ["Myawaddy: who controls the highway now?"])
        XCTAssertEqual(article.paragraphs.count, 3)
    }

    func testAWikisInfoboxAndNoticesAreNotTheArticle() {
        let article = read("""
            <html><body><h1>Water Royalty Deal Agreed</h1><div class="mw-parser-output">
            <div class="mw-archive-notice"><b>This article has been archived.</b> It is no longer publicly editable.</div>
            <table class="infobox"><tr><th>Phase I</th><td>Completed 2003 (Katse and Mohale dams), after eight years of work</td></tr></table>
            \(Self.body)<div class="opinions-box noprint"><b>Have an opinion on this story?</b> Share it with the other readers, please.</div>
            </div></body></html>
            """)
        XCTAssertEqual(article.paragraphs.count, 3)
    }

    func testAPageThatMarksNoHeadlineIsReadAsTheTextItShows() {
        // A word processor's "Save as HTML": paragraphs only, and a <title> that is no headline.
        let article = read("""
            <html><head><title>Press release | Freight Alliance</title></head><body>
            <p class=MsoNormal><b>EAST AFRICAN FREIGHT FORWARDERS’ ALLIANCE</b></p>
            <p class=MsoNormal>PRESS RELEASE</p>
            <p class=MsoNormal><b>Freight forwarders call for a freeze on the Naivasha transit fee</b></p>
            <p class=MsoNormal>NAIROBI, 9 October 2024 – The Alliance today called on the government to freeze the fee, it said in a statement.</p>
            <p class=MsoNormal>Volumes through the depot have fallen by a third since January, according to the Alliance’s members.</p>
            <p class=MsoNormal>-ENDS-</p><p class=MsoNormal>Notes to editors: the Alliance was founded in 2009.</p>
            </body></html>
            """)
        XCTAssertEqual(article.title, "Freight forwarders call for a freeze on the Naivasha transit fee")
        XCTAssertEqual(article.paragraphs.count, 2)
        XCTAssertEqual(article.published, ISO8601DateFormatter().date(from: "2024-10-09T00:00:00Z"))
        // The same page with a headline the markup marks is read as a web page.
        let marked = read("<html><body><h1>Freight Fee Frozen</h1>\(Self.body)</body></html>")
        XCTAssertEqual(marked.title, "Freight Fee Frozen")
    }
}
