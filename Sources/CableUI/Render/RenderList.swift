import CableCore

func drawList(_ state: AppState, into screen: inout Screen, rect: Rect) {
    let browse = state.browse
    drawTitle(listTitle(state), right: listCounts(browse), focused: state.focus == .list, into: &screen,
              rect: rect)
    let body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
    guard !browse.list.isLoading else {
        drawCentered("Loading…", into: &screen, rect: body)
        return
    }
    let total = browse.list.count
    guard total > 0 else {
        if state.status.progress != nil {
            drawCentered("Indexing the library…", into: &screen, rect: body)
            return
        }
        drawCentered(browse.query == .all ? "No articles yet: add .txt files to the library"
                                          : "Nothing matches this filter (T clears tags, \\ the search)",
                     into: &screen, rect: body)
        return
    }
    for line in 0..<body.height {
        let position = browse.list.top + line
        guard position < total else { break }
        let row = body.y + line
        guard let summary = browse.list.row(at: position) else {
            screen.put("…", row: row, column: body.x + 1, width: 1, style: .dim)
            continue
        }
        drawListRow(summary, order: browse.order, selected: position == browse.list.cursor,
                    focused: state.focus == .list, isOpen: summary.id == state.reader.open?.article.id,
                    into: &screen, row: row, x: body.x, width: body.width)
    }
}

/// The filter (or "Articles") and the order when it is not the usual one.
func listTitle(_ state: AppState) -> String {
    let filter = state.browse.filterDescription
    var title = filter.isEmpty ? "Articles" : filter
    if state.browse.order != .newest { title += " · " + state.browse.order.label }
    if case .search(let prompt) = state.prompt, prompt.error != nil {
        // The list is the one from before the prompt until the typed query parses.
        title = "(query incomplete) " + title
    }
    return title
}

/// `9 of 42 · 3 unread`: the matches, the library's size when filtered, the unread ones.
func listCounts(_ browse: BrowseState) -> String {
    guard let total = browse.list.total else { return browse.list.isLoading ? "" : "…" }
    var counts = NumberText.grouped(total)
    if let all = browse.libraryTotal, browse.query != .all { counts += " of " + NumberText.grouped(all) }
    if let unread = browse.unread, browse.unreadFor == browse.query, unread > 0 {
        counts += " · \(NumberText.grouped(unread)) unread"
    }
    return counts
}

/// `●★ 18 May 21 Title  tags`: marks, date (or blank), title, then the page's tags dimmed
/// and the user's own in their colour (or the outlet, sorted by source) in the room left.
func drawListRow(_ summary: ArticleSummary, order: ListOrder, selected: Bool, focused: Bool, isOpen: Bool,
                 into screen: inout Screen, row: Int, x: Int, width: Int) {
    var column = x
    screen.put(summary.unread ? "●" : " ", row: row, column: column, width: 1, style: .unread)
    screen.put(summary.starred ? "★" : " ", row: row, column: column + 1, width: 1, style: .star)
    column += 3
    let dateWidth = 9
    if width >= 34 {
        let date = summary.published.map(DateText.short) ?? ""
        screen.put(date, row: row, column: column, width: dateWidth, style: .dim)
        column += dateWidth + 1
    }
    let remaining = x + width - column - 1
    let titleStyle: Style = summary.unread ? .bold : .plain
    // The title comes first (cutting it to make room for tags left titles unreadable); the
    // rest take what room it leaves.
    let used = screen.put(TextLayout.truncate(Sanitizer.clean(summary.title), width: remaining), row: row,
                          column: column, width: remaining, style: titleStyle)
    var extras: [Span] = []
    if order == .source {
        extras = [Span(Sanitizer.clean(summary.source ?? "(no source)"), .dim)]
    } else {
        if !summary.tags.isEmpty { extras.append(Span(summary.tags.map(Sanitizer.clean).joined(separator: ", "), .tag)) }
        if !summary.userTags.isEmpty {
            if !extras.isEmpty { extras.append(Span(" · ", .dim)) }
            extras.append(Span(summary.userTags.map(Sanitizer.clean).joined(separator: ", "), .userTag))
        }
    }
    let extraSpace = remaining - used - 2
    if !extras.isEmpty, extraSpace >= 8 {
        let line = TextLayout.truncate(extras, width: extraSpace)
        screen.put(line, row: row, column: column + used + 2, width: extraSpace)
    }
    if selected {
        screen.restyle(row: row, from: x, width: width) { style in
            if focused {
                style.reverse = true
                style.dim = false
            } else {
                style.underline = true
            }
        }
    } else if isOpen {
        screen.restyle(row: row, from: x, width: 1) { $0.bold = true }
    }
}
