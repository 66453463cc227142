import Foundation

/// Reads a saved HTML page into an `Article` (labelling.md says what a right reading is):
/// charset → libxml2 → plain tree → metadata, text units, body, links → article. Never fails:
/// what it cannot find becomes a warning, as on text pages.
public enum HTMLArticleReader {
    /// Bump whenever the output for some page changes (the library then re-reads every file).
    public static let version = 5

    public static func parse(data: Data, file: String) -> Article {
        let raw = data.withUnsafeBytes { [UInt8]($0) }
        let encoding = PageEncoding.decide(raw)
        let document = HTMLDocument.parse(encoding.bytes)
        let metadata = PageMetadata(document: document, raw: raw)
        let lines = document.textUnits()
        // (A PDF converted line by line has its paragraphs put back together first.)
        let units = PrintedLayout.reflowed(lines, in: document) ?? lines
        let links = LinkBlocks(document: document, units: units, base: metadata.linkBase, authors: metadata.authorNames)

        var warnings = encoding.warning.map { [$0] } ?? []
        let naming = PageNaming(document: document, metadata: metadata, units: units)
        let identity = identityText(document)
        if !naming.hasMarkedHeadline, !isShown(naming.headline, in: units),
           var article = readAsText(units, file: file, metadata: metadata, naming: naming, links: links, warnings: warnings) {
            (article.id, article.legacyID) = (.forContent(identity), ArticleID.legacy(forContent: identity))
            return article
        }
        let body = ContentExtractor(document: document, units: units).bodyUnits()
        let bodyParagraphs = ParagraphFilter.paragraphs(body)
        let paragraphs = bodyParagraphs.map(\.text)
        var title = naming.headline ?? ""
        let titleDerived = naming.headline == nil
        if titleDerived {
            if let lead = paragraphs.first {
                title = derivedTitle(fromLead: lead)
                warnings.append("no headline; title derived from the lead")
            } else {
                title = fileTitle(file)
                warnings.append("no headline and no body; title is the file name")
            }
        }
        let published = metadata.published ?? articleTime(document) ?? visibleDateline(units, before: body.first)
        if published == nil { warnings.append("no publication date found") }
        if paragraphs.isEmpty { warnings.append("no body paragraphs found") }
        let tags = links.tags.isEmpty ? metadataTags(metadata) : links.tags

        return Article(
            id: .forContent(identity), file: file, title: title, titleDerived: titleDerived,
            published: published, source: naming.outlet, url: metadata.pageURL, paragraphs: paragraphs,
            quotes: quotes(in: bodyParagraphs, of: document), readMore: links.readMore,
            related: links.related, tags: tags, linkURLs: links.linkURLs, warnings: warnings,
            legacyID: ArticleID.legacy(forContent: identity))
    }

    /// A page whose markup marks no headline (no `<h1>`, no `og:title` or declared headline, and
    /// a `<title>` that is no headline it shows: a word processor's "Save as HTML", a converted
    /// PDF, a published document) lays its article out as a printed page does, in paragraphs
    /// only: its visible text is read as a text page, a line per paragraph, which finds the
    /// headline, dateline and body by position and shape (nil when it finds no headline
    /// either). The page's address, outlet, date and links still come from its markup where it
    /// gives them.
    static func readAsText(_ units: [TextUnit], file: String, metadata: PageMetadata, naming: PageNaming,
                           links: LinkBlocks, warnings: [String]) -> Article? {
        let text = units.map { $0.lines.isEmpty ? $0.text : $0.lines.joined(separator: "\n") }.joined(separator: "\n\n")
        var article = ArticleParser.parse(text: text, file: file)
        // (Without a headline there either, the page is read as a web page after all.)
        guard !article.titleDerived else { return nil }
        article.url = metadata.pageURL
        article.source = naming.outlet ?? article.source
        article.published = metadata.published ?? article.published
        if !links.related.isEmpty || !links.readMore.isEmpty {
            (article.related, article.readMore, article.linkURLs) = (links.related, links.readMore, links.linkURLs)
        }
        let tags = links.tags.isEmpty ? metadataTags(metadata) : links.tags
        if !tags.isEmpty { article.tags = tags }
        article.warnings = warnings + article.warnings
        return article
    }

    /// Whether the headline the `<title>` gives is a headline the page shows: four words or
    /// more, standing as a piece of its text (not `Press release`, not `Layout 1`).
    static func isShown(_ headline: String?, in units: [TextUnit]) -> Bool {
        guard let headline, headline.split(separator: " ").count >= 4 else { return false }
        return units.contains { $0.text.caseInsensitiveCompare(headline) == .orderedSame }
    }

    /// The quotes of the body, attributed as on text pages (a press release's quotations
    /// with their lead-in: `QuoteLeadIns`); in a blockquote with a citation line, to the
    /// person it cites.
    static func quotes(in paragraphs: [TextUnit], of document: HTMLDocument) -> [Quote] {
        var quotes = ArticleParser.quotes(inParagraphs: QuoteLeadIns.attributionTexts(paragraphs.map(\.text)))
        for index in quotes.indices {
            guard let cited = BlockquoteCitation.speaker(for: paragraphs[quotes[index].paragraph], in: document) else { continue }
            quotes[index].speaker = cited
            quotes[index].role = nil
        }
        return quotes
    }

    /// The text the id hashes: the page's text nodes, in order, a line break between each
    /// (so markup laid out again, with text nodes of whitespace between elements or not,
    /// folds to the same text; see `ArticleID`), not its markup: comments such as the
    /// "saved from" line, scripts and attributes are not part of it, so one page saved from
    /// two addresses, or served twice with new script nonces, is one article.
    static func identityText(_ document: HTMLDocument) -> String {
        var text = ""
        for node in document.nodes.indices where document.nodes[node].isText {
            text += document.nodes[node].text
            text += "\n"
        }
        return text
    }

    /// Tags from metadata when the page shows none: `article:tag`, JSON-LD keywords, meta
    /// keywords, in that order of preference.
    static func metadataTags(_ metadata: PageMetadata) -> [String] {
        let articleTags = metadata.metas("article:tag").flatMap(JSONLDArticle.splitKeywords)
        if !articleTags.isEmpty { return LinkBlocks.unique(articleTags) }
        if let keywords = metadata.jsonLD?.keywords, !keywords.isEmpty { return LinkBlocks.unique(keywords) }
        return LinkBlocks.unique(metadata.metas("keywords").flatMap(JSONLDArticle.splitKeywords))
    }

    /// Words that mark a time as a later revision, not the first publication.
    static let revisionWords = ["updated", "modified", "edited", "revised"]

    /// The article's own `<time datetime>`: one marked as the publication time, else the first
    /// outside chrome and link rails that is not marked as a revision.
    static func articleTime(_ document: HTMLDocument) -> Date? {
        var first: Date?
        for index in document.nodes.indices where document.nodes[index].name == "time" {
            let node = document.nodes[index]
            guard let value = node.attribute("datetime"), let date = ISODate.parse(value) else { continue }
            let around = ([index] + document.ancestors(of: index).prefix(2)).map { document.nodes[$0] }
            let words = around.flatMap(PageHints.words) + [document.text(of: node.parent >= 0 ? node.parent : index).lowercased()]
            if words.contains(where: { word in revisionWords.contains { word.contains($0) } }) { continue }
            if node.attribute("pubdate") != nil || node.attribute("itemprop")?.lowercased() == "datepublished" {
                return date
            }
            let inChrome = document.ancestors(of: index).contains {
                let ancestor = document.nodes[$0]
                return ["nav", "aside", "footer"].contains(ancestor.name) || PageHints.isBoilerplate(ancestor)
                    && !PageHints.words(ancestor).contains { ["meta", "byline", "dateline", "timestamp"].contains($0) }
            }
            if first == nil, !inChrome { first = date }
        }
        return first
    }

    /// A dateline in the page's visible text before the body (or in its first lines): one
    /// that is neither a revision time nor a saving tool's header time, else the first header
    /// time, else the first revision time (see `datelineCandidates` for a block broken by
    /// `<br>`s).
    static func visibleDateline(_ units: [TextUnit], before firstBody: TextUnit?) -> Date? {
        let limit = firstBody?.first ?? Int.max
        var revision: Date?
        var copyHeader: Date?
        for (position, unit) in units.enumerated() where unit.first <= limit {
            for line in datelineCandidates(unit) where line.split(separator: " ").count <= 14 {
                guard let date = ArticleParser.dateline(in: line) else { continue }
                let lower = line.lowercased()
                // (A field's label may stand in the cell before it: `<td>Updated:</td>`.)
                let label = position > 0 ? fieldLabel(units[position - 1].text) : nil
                if revisionWords.contains(where: { lower.contains($0) || label == $0 }) {
                    if revision == nil { revision = date }
                    continue
                }
                if isCopyHeader(lower, label: label) {
                    if copyHeader == nil { copyHeader = date }
                    continue
                }
                return date
            }
        }
        return copyHeader ?? revision
    }

    /// Labels of the header a saving tool writes over its copy (a mail client's `Date:` and
    /// `Sent:`, a note's `Created:`): the time the copy was sent or made, often in the saver's
    /// zone and order of day and month, which loses to the article's own dateline.
    static let copyHeaderLabels = ["date", "sent", "received", "created", "saved", "clipped"]

    /// Whether a (lower-cased) dateline line is a header field: its label opens it, or is the
    /// `label` of the cell before it (`<td>Created:</td><td>25/10/2024 09:17</td>`).
    static func isCopyHeader(_ line: String, label: String?) -> Bool {
        copyHeaderLabels.contains { line.hasPrefix($0 + ":") || label == $0 }
    }

    /// A field's label standing alone (`Created:`), lower-cased without its colon.
    static func fieldLabel(_ text: String) -> String? {
        guard text.hasSuffix(":"), text.utf8.count <= 24 else { return nil }
        return text.dropLast().lowercased().trimmingCharacters(in: .whitespaces)
    }

    /// Labels that open a line giving the publication time.
    static let publicationLabels = ["published", "posted", "first published"]

    /// What of a unit may be its dateline: the unit, then, in a block broken by `<br>`s, the
    /// lines that say they give the publication time (`By …<br>Published: …<br>Last
    /// modified: …`); its other lines may be a sidebar's (`Brent: $84.31<br>as of 16/10/2007`).
    static func datelineCandidates(_ unit: TextUnit) -> [String] {
        [unit.text] + unit.lines.filter { line in
            let lower = line.prefix(16).lowercased()
            return publicationLabels.contains(where: lower.hasPrefix)
        }
    }

    /// The file's name without its folder and extension, cleaned like page text.
    static func fileTitle(_ file: String) -> String {
        let name = HTMLText.clean(((file as NSString).lastPathComponent as NSString).deletingPathExtension)
        return name.isEmpty ? "(untitled)" : name
    }

    /// A title made from the lead when the page has no headline: its first sentence, cut to
    /// a dozen words.
    static func derivedTitle(fromLead lead: String) -> String {
        let sentence = lead.split(separator: ". ", maxSplits: 1).first.map(String.init) ?? lead
        let words = sentence.split(separator: " ")
        guard words.count > 12 else { return sentence }
        return words.prefix(12).joined(separator: " ") + "\u{2026}"
    }
}

/// The headline and outlet from the page's title candidates (see `PageTitle`).
struct PageNaming {
    var headline: String?
    var outlet: String?
    /// Whether the markup marks a headline (`<h1>`, `og:title`, a declared headline), not only
    /// a `<title>`.
    var hasMarkedHeadline: Bool

    init(document: HTMLDocument, metadata: PageMetadata, units: [TextUnit] = []) {
        let documentTitle = metadata.documentTitle.flatMap { $0.isEmpty ? nil : $0 }
        let h1 = Self.articleHeading(document).flatMap { heading in
            documentTitle.map { PageTitle.isSiteName(heading, title: $0) } == true ? nil : heading
        }
        let declared = metadata.meta("og:title") ?? metadata.jsonLD?.headline ?? metadata.microdata["headline"]
        let host = metadata.pageURL.flatMap { URL(string: $0)?.host }
        let titleOutlet = documentTitle.flatMap { PageTitle.outlet(in: $0, headline: declared ?? h1, host: host) }
        outlet = metadata.siteName ?? titleOutlet ?? Self.copyrightHolder(units)
        let fromTitle = documentTitle.map { PageTitle.removing(titleOutlet, from: $0) }
        hasMarkedHeadline = declared != nil || h1 != nil
        let chosen = Self.printedHeadline(h1, declared: declared) ?? declared ?? h1 ?? fromTitle
        headline = chosen.map { PageTitle.withoutOutlet($0, outlet: outlet) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The holder the page's last copyright line names, without its legal form (`© 2024
    /// Pannonia Wire Kft.` → Pannonia Wire): the outlet of a page whose markup names none, as
    /// on text pages. (The last: a copyright sign higher up may be a photo's credit.)
    static func copyrightHolder(_ units: [TextUnit]) -> String? {
        for unit in units.reversed() {
            for line in (unit.lines.isEmpty ? [unit.text] : unit.lines).reversed() {
                guard let holder = LinkLines.outletName(line) else { continue }
                // (`Copyright 2024. Reproduction permitted …` names no holder.)
                let name = Outlet.withoutLegalForm(holder)
                return !name.isEmpty && name.split(separator: " ").count <= 6 && PageTitle.isWrittenAsName(name) ? name : nil
            }
        }
        return nil
    }

    /// The `<h1>` when it is the declared headline as printed: the same opening words with
    /// another ending (`… closer to the world – and the world closer to Greenland` where
    /// `og:title` says `… closer to the world – in pictures`, the title written for search
    /// and sharing). A differently opening `<h1>` may be a section's name or a logo's text.
    static func printedHeadline(_ h1: String?, declared: String?) -> String? {
        guard let h1, let declared, h1 != declared else { return nil }
        let printed = h1.lowercased().split(separator: " ")
        let shared = zip(printed, declared.lowercased().split(separator: " ")).prefix { $0 == $1 }.count
        return shared >= 4 ? h1 : nil
    }

    /// The article's `<h1>`: the first outside navigation, asides and footers, without kicker
    /// or label elements inside it.
    static func articleHeading(_ document: HTMLDocument) -> String? {
        for index in document.elements(named: "h1") {
            let inChrome = document.ancestors(of: index).contains { ["nav", "aside", "footer"].contains(document.nodes[$0].name) }
            if inChrome { continue }
            let text = document.text(of: index) { PageHints.isBoilerplate(document.nodes[$0]) }
            if !text.isEmpty { return text }
        }
        return nil
    }
}
