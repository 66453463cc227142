import CableCore

/// The story timeline: each article of the story as a line of date, outlet and title (the
/// article it was asked for marked ▶, similar ones ≈), with its most telling quote below.
func drawStory(_ state: AppState, into screen: inout Screen, rect: Rect) {
    let entries = state.story.story?.entries ?? []
    let seedTitle = entries.first { $0.relation == .this }?.title
    drawTitle("Story" + (seedTitle.map { ": " + Sanitizer.clean($0) } ?? ""),
              right: state.story.story == nil ? "" : "\(entries.count) article\(entries.count == 1 ? "" : "s")",
              focused: true, into: &screen, rect: rect)
    let body = Rect(x: rect.x + 1, y: rect.y + 1, width: max(1, rect.width - 2), height: rect.height - 1)
    guard state.story.story != nil else {
        drawCentered("Loading…", into: &screen, rect: body)
        return
    }
    guard entries.count > 1 else {
        drawCentered("No other article joins this one: it links to none in the library, none links "
                     + "to it, and none is close enough in its words", into: &screen, rect: body)
        return
    }
    let perEntry = Reducer.storyRows
    for slot in 0..<max(0, (body.height + 1) / perEntry) {
        let index = state.story.top + slot
        guard let entry = entries[safe: index] else { break }
        let y = body.y + slot * perEntry
        let marker: String
        switch entry.relation {
        case .this: marker = "▶"
        case .linked: marker = "·"
        case .similar: marker = "≈"
        }
        // Fixed columns: marker, date, outlet (blank when the page names none), title.
        screen.put(marker, row: y, column: body.x, width: 1, style: entry.relation == .this ? .unread : .dim)
        screen.put(entry.published.map(DateText.short) ?? "undated", row: y, column: body.x + 2, width: 9,
                   style: .dim)
        let sourceWidth = body.width >= 80 ? 20 : 0
        if sourceWidth > 0 {
            screen.put(TextLayout.truncate(Sanitizer.clean(entry.source ?? ""), width: sourceWidth), row: y,
                       column: body.x + 12, width: sourceWidth, style: .tag)
        }
        let titleColumn = body.x + 12 + (sourceWidth > 0 ? sourceWidth + 2 : 0)
        let room = max(0, body.maxX - titleColumn)
        screen.put(TextLayout.truncate(Sanitizer.clean(entry.title), width: room), row: y, column: titleColumn,
                   width: room, style: .bold)
        if let quote = entry.quote {
            // Who first: the words may be cut, the speaker never.
            let who = quote.speaker.map(Sanitizer.clean) ?? Quote.unknownSpeaker
            let said = who + ": “" + Sanitizer.clean(Quote.standalone(quote.text)) + "”"
            let quoteRoom = max(0, body.width - 12)
            screen.put(TextLayout.truncate(said, width: quoteRoom), row: y + 1, column: body.x + 12,
                       width: quoteRoom, style: .quote)
        }
        if index == state.story.cursor {
            for row in y..<(y + 2) {
                screen.restyle(row: row, from: body.x + 2, width: body.width - 2) {
                    $0.reverse = row == y
                    $0.dim = false
                }
            }
        }
    }
}
