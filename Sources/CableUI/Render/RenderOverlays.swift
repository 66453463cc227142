import CableCore

/// A framed box over the screen, with a title in its top border; returns its inside.
func drawBox(_ title: String, width: Int, height: Int, into screen: inout Screen, area: Rect) -> Rect {
    let w = min(width, area.width)
    let h = min(height, area.height)
    let x = area.x + (area.width - w) / 2
    let y = area.y + max(0, (area.height - h) / 3)
    screen.fill(Rect(x: x, y: y, width: w, height: h))
    let horizontal = String(repeating: "─", count: max(0, w - 2))
    screen.put("┌" + horizontal + "┐", row: y, column: x, width: w, style: .dim)
    for row in (y + 1)..<(y + h - 1) {
        screen.put("│", row: row, column: x, width: 1, style: .dim)
        screen.put("│", row: row, column: x + w - 1, width: 1, style: .dim)
    }
    screen.put("└" + horizontal + "┘", row: y + h - 1, column: x, width: w, style: .dim)
    screen.put(" " + TextLayout.truncate(title, width: max(0, w - 6)) + " ", row: y, column: x + 2,
               width: max(0, w - 4), style: .title)
    return Rect(x: x + 2, y: y + 1, width: max(0, w - 4), height: max(0, h - 2))
}

/// The tag prompt: what was typed, and the matching tags with their counts.
func drawTagPrompt(_ state: AppState, _ prompt: TagPrompt, into screen: inout Screen, area: Rect) {
    let candidates = TagMatcher.candidates(state.filterTags, input: prompt.input, excluding: state.tags)
    let height = min(area.height, max(6, min(candidates.count + 4, 18)))
    let width = min(area.width, 56)
    let title = state.tags.isEmpty ? "Filter by tag" : "Add a tag (all must match)"
    let inside = drawBox(title, width: width, height: height, into: &screen, area: area)
    let input = "tag: " + prompt.input
    let used = screen.put(TextLayout.truncate(input, width: inside.width - 1), row: inside.y,
                          column: inside.x, width: inside.width - 1, style: .bold)
    screen.put(" ", row: inside.y, column: inside.x + used, width: 1, style: .reverse)
    let listRows = inside.height - 1
    guard !candidates.isEmpty else {
        let note = state.filterTagsFor != state.query ? "counting tags…"
            : state.filterTags.isEmpty ? "(no tags in this filter)" : "(no tag matches)"
        screen.put(note,
                   row: inside.y + 1, column: inside.x, width: inside.width, style: .dim)
        return
    }
    // Keep the selection in view.
    let first = max(0, prompt.selection - listRows + 1)
    for line in 0..<listRows {
        let index = first + line
        guard index < candidates.count else { break }
        let row = inside.y + 1 + line
        let count = NumberText.grouped(candidates[index].count)
        let countWidth = DisplayWidth.of(count)
        let nameWidth = max(0, inside.width - countWidth - 1)
        screen.put(TextLayout.truncate(Sanitizer.clean(candidates[index].tag), width: nameWidth),
                   row: row, column: inside.x, width: nameWidth)
        screen.put(count, row: row, column: inside.x + inside.width - countWidth, width: countWidth,
                   style: .dim)
        if index == prompt.selection {
            screen.restyle(row: row, from: inside.x, width: inside.width) {
                $0.reverse = true
                $0.dim = false
            }
        }
    }
}

/// Every key, from the same table that drives them; in two columns when one is too tall.
func drawHelp(_ state: AppState, into screen: inout Screen, area: Rect) {
    let bindings = state.showQuotes ? Keymap.quotes : Keymap.browse
    let entries = bindings.filter { !$0.label.isEmpty }
    let labelWidth = entries.map { DisplayWidth.of($0.label) }.max() ?? 0
    let textWidth = entries.map { DisplayWidth.of($0.help) }.max() ?? 0
    let entryWidth = labelWidth + 2 + textWidth
    let roomRows = max(1, area.height - 3)
    let columns = entries.count > roomRows && area.width >= 2 * (labelWidth + 14) + 7 ? 2 : 1
    let rowsNeeded = (entries.count + columns - 1) / columns
    let width = min(area.width, columns * entryWidth + (columns - 1) * 3 + 4)
    let height = min(area.height, rowsNeeded + 3)
    let title = state.showQuotes ? "Keys: quote view" : "Keys"
    let inside = drawBox(title, width: width, height: height, into: &screen, area: area)
    let rows = max(0, inside.height - 1)
    let columnWidth = columns == 1 ? inside.width : (inside.width - 3) / 2
    for (index, entry) in entries.enumerated() {
        let column = index / max(1, rowsNeeded)
        let row = index % max(1, rowsNeeded)
        guard row < rows else { continue }
        let x = inside.x + column * (columnWidth + 3)
        let descriptionWidth = max(0, columnWidth - labelWidth - 2)
        screen.put(entry.label, row: inside.y + row, column: x, width: labelWidth, style: .bold)
        screen.put(TextLayout.truncate(entry.help, width: descriptionWidth), row: inside.y + row,
                   column: x + labelWidth + 2, width: descriptionWidth)
    }
    let footer = rowsNeeded > rows ? "(enlarge the terminal for every key) any key closes" : "any key closes"
    screen.put(TextLayout.truncate(footer, width: inside.width), row: inside.y + inside.height - 1,
               column: inside.x, width: inside.width, style: .dim)
}

/// The bottom line: a prompt being typed, or a message, or progress, and the keys that
/// matter now on the right.
func drawStatus(_ state: AppState, into screen: inout Screen, rect: Rect) {
    guard rect.height > 0 else { return }
    screen.fill(rect, style: .plain)
    var left: [Span] = []
    var cursorAfterLeft = false
    var hints: [String]
    switch state.prompt {
    case .search(let prompt):
        left = [Span("/", .bold), Span(prompt.input)]
        cursorAfterLeft = true
        if let error = prompt.error {
            hints = []
            left.append(Span("  "))
            left.append(Span(error, .error))
        } else {
            hints = ["Enter keep", "Esc cancel"]
        }
    case .speaker(let prompt):
        left = [Span("speaker: ", .bold), Span(prompt.input)]
        cursorAfterLeft = true
        hints = ["Enter keep", "Esc cancel"]
    case .tag:
        hints = ["Enter add", "Esc cancel", "↑↓ choose", "type to narrow"]
    case nil:
        if let message = state.message {
            left = [Span(message, state.messageIsError ? .error : .bold)]
        } else if let progress = state.progress {
            left = [Span(progress, .dim)]
        }
        if state.showHelp {
            hints = ["any key closes the help"]
        } else if state.showQuotes {
            hints = ["Enter open", "/ speaker", "\" close", "? help", "j/k move"]
        } else {
            hints = ["? help", "q quit", "t tag", "/ search", "1-9 related", "[ ] back/fwd", "\" quotes",
                     "Enter open"]
        }
    }
    let leftWidth = left.reduce(0) { $0 + DisplayWidth.of($1.text) }
    // The hints give way to what the user is typing or being told: keep the most
    // important ones (listed first) that fit.
    let room = rect.width - (leftWidth > 0 ? leftWidth + 3 : 0) - (cursorAfterLeft ? 1 : 0)
    var kept: [String] = []
    for hint in hints {
        let candidate = kept + [hint]
        if DisplayWidth.of(candidate.joined(separator: " · ")) <= room { kept = candidate }
    }
    let hintText = kept.joined(separator: " · ")
    let hintWidth = DisplayWidth.of(hintText)
    let showHints = hintWidth > 0
    let leftSpace = rect.width - 1 - (cursorAfterLeft ? 1 : 0)
    var used = 0
    if leftWidth > leftSpace {
        // Keep the end of a long input in view.
        let joined = left.map(\.text).joined()
        let tail = String(joined.suffix(max(0, leftSpace - 1)))
        used = screen.put("…" + tail, row: rect.y, column: rect.x, width: leftSpace)
    } else {
        used = screen.put(left, row: rect.y, column: rect.x, width: leftSpace)
    }
    if cursorAfterLeft, case .search(let prompt) = state.prompt, prompt.error != nil {
        // The cursor belongs after the input, not after the error.
        let inputWidth = 1 + DisplayWidth.of(prompt.input)
        if inputWidth < rect.width { screen.restyle(row: rect.y, from: inputWidth, width: 1) { $0.reverse = true } }
    } else if cursorAfterLeft {
        screen.put(" ", row: rect.y, column: rect.x + used, width: 1, style: .reverse)
    }
    if showHints {
        screen.put(hintText, row: rect.y, column: rect.maxX - hintWidth, width: hintWidth, style: .dim)
    }
}
