/// Who a `<blockquote>` in the body quotes, by its `<cite>` (or `<footer>`) line:
/// `<cite>— Nikos Vasilakis, commander of the EU mission</cite>` names Nikos Vasilakis. The
/// line itself is never a paragraph; the quotes in the blockquote's paragraphs are his.
enum BlockquoteCitation {
    /// The person the blockquote around `unit` cites, or nil.
    static func speaker(for unit: TextUnit, in document: HTMLDocument) -> String? {
        let around = [unit.owner] + document.ancestors(of: unit.owner).prefix(3)
        guard let quote = around.first(where: { document.nodes[$0].name == "blockquote" }) else { return nil }
        let end = document.nodes[quote].end
        guard let cite = ((quote + 1)..<end).first(where: { ["cite", "footer"].contains(document.nodes[$0].name) }) else {
            return nil
        }
        return name(inCitation: document.text(of: cite))
    }

    /// The name at the start of a citation line, before its description.
    static func name(inCitation line: String) -> String? {
        var text = Substring(line)
        while let first = text.first, "—–-―~ ".contains(first) { text.removeFirst() }
        let name = text.split(whereSeparator: { $0 == "," || $0 == "(" || $0 == "—" || $0 == "–" }).first
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        let words = name.split(separator: " ")
        guard (1...6).contains(words.count), words.allSatisfy({ $0.first?.isUppercase ?? false }) else { return nil }
        return name
    }
}
