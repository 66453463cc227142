import CableCore

/// The quote view: each quote as its text (up to two lines), directly under it a line
/// saying who, where and when, then a blank row before the next. Every entry takes the
/// same rows (`Reducer.quoteRows`) so paging stays simple arithmetic; a one-line quote
/// just has a wider gap below it.
func drawQuotes(_ state: AppState, into screen: inout Screen, rect: Rect) {
    var title = "Quotes"
    let quotes = state.quotes.list
    let speaker = state.quotes.speaker
    let filter = state.browse.filterDescription
    if !filter.isEmpty { title += " in " + filter }
    if !speaker.isEmpty { title += " · speaker: " + speaker }
    let counts = quotes.total.map { NumberText.grouped($0) } ?? (quotes.isLoading ? "" : "…")
    drawTitle(title, right: counts, focused: true, into: &screen, rect: rect)
    let body = Rect(x: rect.x + 1, y: rect.y + 1, width: max(1, rect.width - 2), height: rect.height - 1)
    guard !quotes.isLoading else {
        drawCentered("Loading…", into: &screen, rect: body)
        return
    }
    let total = quotes.count
    guard total > 0 else {
        drawCentered(speaker.isEmpty ? "No quotes in this filter"
                                     : "No quotes by a speaker matching '\(speaker)'",
                     into: &screen, rect: body)
        return
    }
    let perQuote = Reducer.quoteRows
    let textWidth = max(1, body.width - 2)
    for slot in 0..<Reducer.quotesFitting(body.height) {
        let position = quotes.top + slot
        guard position < total else { break }
        let y = body.y + slot * perQuote
        guard let hit = quotes.row(at: position) else {
            screen.put("…", row: y, column: body.x, width: 1, style: .dim)
            continue
        }
        var lines = TextLayout.wrap("“" + Sanitizer.clean(Quote.standalone(hit.text)) + "”", width: textWidth)
        if lines.count > 2 {
            lines = [lines[0], TextLayout.truncate(lines[1] + " " + lines[2], width: textWidth)]
        }
        for (index, line) in lines.enumerated() {
            screen.put(line, row: y + index, column: body.x + 1, width: textWidth, style: .quote)
        }
        let attribution = y + lines.count
        var who = hit.speaker.map(Sanitizer.clean) ?? Quote.unknownSpeaker
        if let role = hit.role, !role.isEmpty { who += ", " + Sanitizer.clean(role) }
        var whereText = Sanitizer.clean(hit.title)
        if let published = hit.published { whereText += " · " + DateText.short(published) }
        let whoWidth = min(DisplayWidth.of(who), max(0, textWidth - 4) * 2 / 3)
        let whoText = TextLayout.truncate("— " + who, width: whoWidth + 2)
        let used = screen.put(whoText, row: attribution, column: body.x + 1, width: textWidth, style: .bold)
        let rest = textWidth - used - 3
        if rest > 3 {
            screen.put(TextLayout.truncate(whereText, width: rest), row: attribution,
                       column: body.x + 1 + used + 3, width: rest, style: .dim)
        }
        if position == quotes.cursor {
            // The bar marks the entry itself, not the blank rows after it.
            for row in y...attribution {
                screen.put("▌", row: row, column: body.x - 1, width: 1, style: .unread)
                screen.restyle(row: row, from: body.x, width: body.width) { $0.bold = true }
            }
        }
    }
}
