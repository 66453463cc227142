import CableCore

func drawReader(_ state: AppState, into screen: inout Screen, rect: Rect) {
    let body = Rect(x: rect.x + 1, y: rect.y + 1, width: max(1, rect.width - 2), height: rect.height - 1)
    guard let open = state.open else {
        drawTitle("Reading", focused: state.focus == .reader, into: &screen, rect: rect)
        drawCentered("Enter opens the selected article", into: &screen, rect: body)
        return
    }
    // The reducer keeps the layout for the reading pane's width; lay out afresh only if
    // this pane is drawn at another width (it never is, but drawing must not depend on it).
    let document = state.readerLayout.flatMap { $0.fits(open, width: body.width) ? $0.document : nil }
        ?? ReaderDocument(open, width: body.width)
    let maxScroll = max(0, document.lines.count - body.height)
    let scroll = max(0, min(state.readerScroll, maxScroll))
    var position = ""
    if document.lines.count > body.height {
        let percent = maxScroll == 0 ? 100 : scroll * 100 / maxScroll
        position = "\(percent)%"
    }
    drawTitle(Sanitizer.clean(open.article.source ?? "Reading"), right: position,
              focused: state.focus == .reader, into: &screen, rect: rect)
    for line in 0..<body.height {
        let index = scroll + line
        guard index < document.lines.count else { break }
        screen.put(document.lines[index], row: body.y + line, column: body.x, width: body.width)
    }
}
