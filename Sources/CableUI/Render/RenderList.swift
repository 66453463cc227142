import CableCore

func drawList(_ state: AppState, into screen: inout Screen, rect: Rect) {
    var counts = state.list.isLoading ? "" : "…"
    if let total = state.list.total {
        if let all = state.libraryTotal, state.query != .all {
            counts = "\(NumberText.grouped(total)) of \(NumberText.grouped(all))"
        } else {
            counts = "\(NumberText.grouped(total))"
        }
    }
    let filter = state.filterDescription
    var title = filter.isEmpty ? "Articles" : filter
    if case .search(let prompt) = state.prompt, prompt.error != nil {
        // The list is the one from before the prompt until the typed query parses.
        title = "(query incomplete) " + title
    }
    drawTitle(title, right: counts, focused: state.focus == .list, into: &screen, rect: rect)
    let body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
    guard !state.list.isLoading else {
        drawCentered("Loading…", into: &screen, rect: body)
        return
    }
    let total = state.list.count
    guard total > 0 else {
        if state.progress != nil {
            drawCentered("Indexing the library…", into: &screen, rect: body)
            return
        }
        drawCentered(state.query == .all ? "No articles yet: add .txt files to the library"
                                         : "Nothing matches this filter (T clears tags, \\ the search)",
                     into: &screen, rect: body)
        return
    }
    for line in 0..<body.height {
        let position = state.list.top + line
        guard position < total else { break }
        let row = body.y + line
        guard let summary = state.list.row(at: position) else {
            screen.put("…", row: row, column: body.x + 1, width: 1, style: .dim)
            continue
        }
        drawListRow(summary, selected: position == state.list.cursor,
                    focused: state.focus == .list, isOpen: summary.id == state.open?.article.id,
                    into: &screen, row: row, x: body.x, width: body.width)
    }
}

/// `●★ 18 May 21 Title  tags`: marks, date (or blank), title, and tags dimmed when there is
/// room left after the title.
func drawListRow(_ summary: ArticleSummary, selected: Bool, focused: Bool, isOpen: Bool,
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
    let title = Sanitizer.clean(summary.title)
    let titleStyle: Style = summary.unread ? .bold : .plain
    // The title comes first (cutting it to make room for tags left titles unreadable); the
    // tags take what room it leaves.
    let titleRoom = remaining
    let used = screen.put(TextLayout.truncate(title, width: titleRoom), row: row, column: column,
                          width: titleRoom, style: titleStyle)
    let tagSpace = remaining - used - 2
    if !summary.tags.isEmpty, tagSpace >= 8 {
        let tags = summary.tags.map(Sanitizer.clean).joined(separator: ", ")
        screen.put(TextLayout.truncate(tags, width: tagSpace), row: row, column: column + used + 2,
                   width: tagSpace, style: .tag)
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
