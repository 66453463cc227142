import CableCore

func drawReader(_ state: AppState, into screen: inout Screen, rect: Rect) {
    let body = Rect(x: rect.x + 1, y: rect.y + 1, width: max(1, rect.width - 2), height: rect.height - 1)
    let reader = state.reader
    guard let open = reader.open else {
        drawTitle("Reading", focused: state.focus == .reader, into: &screen, rect: rect)
        let waiting = reader.opening != nil || state.browse.list.isLoading
        drawCentered(waiting ? "Loading…" : "Nothing selected", into: &screen, rect: body)
        return
    }
    // The reducer keeps the layout for the reading pane's width; lay out afresh only if
    // this pane is drawn at another width (it never is, but drawing must not depend on it).
    let terms = SearchTerms(state.browse.searchQuery)
    let document = reader.layout.flatMap { $0.fits(open, width: body.width, terms: terms) ? $0.document : nil }
        ?? ReaderDocument(open, width: body.width, terms: terms)
    let maxScroll = max(0, document.lines.count - body.height)
    let scroll = max(0, min(reader.scroll, maxScroll))
    var right: [String] = []
    if !document.matchLines.isEmpty {
        let count = document.matchLines.count
        // Which match line `>` and `<` went to, else how many there are.
        right.append(reader.match.map { "match \($0 + 1)/\(count)" } ?? "\(count) match\(count == 1 ? "" : "es")")
    }
    if document.lines.count > body.height {
        right.append("\(maxScroll == 0 ? 100 : scroll * 100 / maxScroll)%")
    }
    drawTitle(Sanitizer.clean(open.article.source ?? "Reading"), right: right.joined(separator: " · "),
              focused: state.focus == .reader, into: &screen, rect: rect)
    for line in 0..<body.height {
        let index = scroll + line
        guard index < document.lines.count else { break }
        screen.put(document.lines[index], row: body.y + line, column: body.x, width: body.width)
    }
}
