/// Finds the article's body in a page the way Mozilla Readability does in outline (its code
/// read, not copied): paragraphs vote for the containers around them by their length and
/// commas, containers are discounted by how much of their text is links and nudged by what
/// their class names suggest, the best container wins, and its siblings that read like the
/// same article join it. Boilerplate is removed first by tag, role and class words, unless
/// the element holds most of the page's prose (a mislabelled main column).
struct ContentExtractor {
    let document: HTMLDocument
    let units: [TextUnit]
    /// Per node: inside something that is never body (chrome, prompts, credits, captions).
    let excluded: [Bool]

    /// Tags whose content is never body text (site chrome, captions, contact lines).
    static let chromeElements: Set<String> = [
        "nav", "aside", "footer", "header", "figure", "figcaption", "dialog", "menu", "address",
        "form", "input",
    ]

    /// A paragraph shorter than this casts no vote.
    static let minimumVotingLength = 25

    init(document: HTMLDocument, units: [TextUnit]) {
        self.document = document
        self.units = units
        self.excluded = Self.exclusions(document, units)
    }

    /// Per node, whether it lies in an element that is never body text.
    private static func exclusions(_ document: HTMLDocument, _ units: [TextUnit]) -> [Bool] {
        let nodes = document.nodes
        // Prose under each element, to spare a "boilerplate" element that holds most of it.
        let prose = proseLengths(document, units)
        let total = nodes.isEmpty ? 0 : prose[0]
        let boxes = promptBoxes(document, prose: prose, total: total)
        var excluded = [Bool](repeating: false, count: nodes.count)
        for index in nodes.indices {
            let parent = nodes[index].parent
            if parent >= 0, excluded[parent] {
                excluded[index] = true
                continue
            }
            guard !nodes[index].isText else { continue }
            let looksLikeChrome = chromeElements.contains(nodes[index].name) || PageHints.isBoilerplate(nodes[index])
            excluded[index] = looksLikeChrome && prose[index] * 2 < total || boxes.contains(index)
        }
        return excluded
    }

    /// Per node, the length of the voting paragraphs under it.
    private static func proseLengths(_ document: HTMLDocument, _ units: [TextUnit]) -> [Int] {
        let nodes = document.nodes
        var prose = [Int](repeating: 0, count: nodes.count)
        for unit in units where unit.kind == .paragraph && unit.text.count >= minimumVotingLength {
            prose[unit.owner] += unit.text.count
        }
        for index in nodes.indices.reversed() where nodes[index].parent >= 0 {
            prose[nodes[index].parent] += prose[index]
        }
        return prose
    }

    /// Input types a reader types words into (a sign-up's email, a search).
    static let typedInputs: Set<String> = ["", "text", "email", "search", "tel"]

    /// The most prose a box around a form field can hold and still be a prompt (a newsletter
    /// sign-up's pitch), not the article around it.
    static let promptProse = 600

    /// The boxes around the page's text fields (`<input type="email">`): the largest element
    /// around each whose prose stays a prompt's, as Readability drops a block with more
    /// fields than paragraphs. Its pitch (`The day's news, every weekday.`) is no body.
    private static func promptBoxes(_ document: HTMLDocument, prose: [Int], total: Int) -> Set<Int> {
        var boxes = Set<Int>()
        for index in document.nodes.indices where document.nodes[index].name == "input" {
            guard typedInputs.contains(document.nodes[index].attribute("type")?.lowercased() ?? "") else { continue }
            var box = index
            var parent = document.nodes[box].parent
            while parent >= 0, prose[parent] <= promptProse, prose[parent] * 4 < total {
                box = parent
                parent = document.nodes[box].parent
            }
            boxes.insert(box)
        }
        return boxes
    }

    /// The body's units, in page order.
    func bodyUnits() -> [TextUnit] {
        let candidates = units.filter { !excluded[$0.first] && $0.kind == .paragraph }
        let scores = containerScores(candidates)
        guard let top = topContainer(scores) else { return candidates }
        let region = withSiblings(top, scores: scores)
        return candidates.filter { unit in region.contains { document.contains($0, unit.first) } }
    }

    // MARK: Scoring

    private func containerScores(_ candidates: [TextUnit]) -> [Int: Double] {
        var scores: [Int: Double] = [:]
        for unit in candidates where unit.text.count >= Self.minimumVotingLength {
            let vote = 1 + Double(commas(unit.text)) + min(Double(unit.text.count / 100), 3)
            // A paragraph element votes for its parent; a run of text in a div, for the div.
            var container = Self.paragraphElements.contains(document.nodes[unit.owner].name)
                ? document.nodes[unit.owner].parent : unit.owner
            var level = 0
            while container >= 0, level < 5 {
                if scores[container] == nil { scores[container] = initialScore(container) }
                let divider = level == 0 ? 1 : (level == 1 ? 2 : Double(level * 3))
                scores[container, default: 0] += vote / divider
                container = document.nodes[container].parent
                level += 1
            }
        }
        var final: [Int: Double] = [:]
        for (container, score) in scores where !excluded[container] {
            final[container] = score * (1 - linkDensity(container))
        }
        return final
    }

    static let paragraphElements: Set<String> = ["p", "pre", "blockquote", "td", "dd", "dt"]

    private func commas(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1 == "," || $1 == "\u{FF0C}" || $1 == "\u{3001}" ? 1 : 0) }
    }

    private func initialScore(_ index: Int) -> Double {
        let node = document.nodes[index]
        var score: Double
        switch node.name {
        case "div", "article", "main", "section": score = 5
        case "pre", "td", "blockquote": score = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": score = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": score = -5
        default: score = 0
        }
        if PageHints.isContent(node) { score += 25 }
        if PageHints.isBoilerplate(node) { score -= 25 }
        return score
    }

    /// Share of the container's text (outside excluded parts) that is link text.
    func linkDensity(_ index: Int) -> Double {
        var all = 0
        var linked = 0
        for unit in units where !excluded[unit.first] && document.contains(index, unit.first) {
            all += unit.text.count
            linked += unit.linkLength
        }
        return all == 0 ? 0 : Double(linked) / Double(all)
    }

    /// The best container; when several strong candidates sit in one ancestor (a live blog's
    /// entries, a body split by an advert), that ancestor.
    private func topContainer(_ scores: [Int: Double]) -> Int? {
        let ranked = scores.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        guard var top = ranked.first?.key, let best = ranked.first?.value, best > 0 else { return nil }
        let strong = ranked.dropFirst().prefix(4).filter { $0.value >= best * 0.75 }.map(\.key)
        if strong.count >= 2 {
            for ancestor in document.ancestors(of: top) {
                let sharing = strong.filter { document.contains(ancestor, $0) }.count
                if sharing >= 2 {
                    top = ancestor
                    break
                }
            }
        }
        // A container that is its parent's only element child says nothing the parent does not.
        while document.nodes[top].parent >= 0, document.nodes[top].name != "body",
              elementChildren(document.nodes[top].parent).count == 1 {
            top = document.nodes[top].parent
        }
        return top
    }

    private func elementChildren(_ index: Int) -> [Int] {
        document.children(of: index).filter { !document.nodes[$0].isText }
    }

    /// A container's score, or that of what it wraps alone when higher: a wrapper and its only
    /// child hold the same text (a page builder's block > content > text box), so the wrapper
    /// is as strong as the box the paragraphs voted for.
    private func wrappedScore(_ index: Int, _ scores: [Int: Double]) -> Double {
        var best = scores[index] ?? 0
        var node = index
        while true {
            let children = elementChildren(node)
            guard children.count == 1 else { return best }
            node = children[0]
            best = max(best, scores[node] ?? 0)
        }
    }

    /// The top container with the siblings that read like more of the same article.
    private func withSiblings(_ top: Int, scores: [Int: Double]) -> [Int] {
        let parent = document.nodes[top].parent
        guard parent >= 0 else { return [top] }
        let threshold = max(10, wrappedScore(top, scores) * 0.2)
        return elementChildren(parent).filter { sibling in
            if sibling == top { return true }
            if excluded[sibling] { return false }
            if wrappedScore(sibling, scores) >= threshold { return true }
            guard Self.paragraphElements.contains(document.nodes[sibling].name) else { return false }
            let text = document.text(of: sibling)
            let density = linkDensity(sibling)
            if text.count > 80 { return density < 0.25 }
            return !text.isEmpty && density == 0 && (text.hasSuffix(".") || text.contains(". "))
        }
    }
}
