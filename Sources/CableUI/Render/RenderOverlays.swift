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

/// The bottom line: a prompt being typed (with what is wrong with it), or a message, or
/// progress; and on the right the keys that matter now, as many as fit.
func drawStatus(_ state: AppState, into screen: inout Screen, rect: Rect) {
    guard rect.height > 0 else { return }
    screen.fill(rect, style: .plain)
    var used = 0
    var hints: [String]
    switch state.prompt {
    case .search(let prompt):
        // With an error, a long input leaves at least a third of the line to say what it is.
        used = drawInput("/", prompt.input, into: &screen, rect: rect,
                         widest: prompt.error == nil ? nil : rect.width * 2 / 3)
        if let error = prompt.error {
            let room = rect.width - used - 2
            if room > 3 {
                used += 2 + screen.put(TextLayout.truncate(error, width: room), row: rect.y,
                                       column: rect.x + used + 2, width: room, style: .error)
            }
            hints = []
        } else {
            hints = ["Enter keep", "Esc cancel"]
        }
    case .speaker(let prompt):
        used = drawInput("speaker: ", prompt.input, into: &screen, rect: rect)
        hints = ["Enter keep", "Esc cancel"]
    case .tag:
        hints = ["Enter add", "Esc cancel", "↑↓ choose", "type to narrow"]
    case nil:
        if let message = state.message {
            used = screen.put(TextLayout.truncate(message, width: rect.width), row: rect.y, column: rect.x,
                              width: rect.width, style: state.messageIsError ? .error : .bold)
        } else if let progress = state.progress {
            used = screen.put(TextLayout.truncate(progress, width: rect.width), row: rect.y, column: rect.x,
                              width: rect.width, style: .dim)
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
    // The hints give way to what the user is typing or being told: keep the most important
    // ones (listed first) that fit.
    let room = rect.width - (used > 0 ? used + 3 : 0)
    var kept: [String] = []
    for hint in hints where DisplayWidth.of((kept + [hint]).joined(separator: " · ")) <= room {
        kept.append(hint)
    }
    let hintText = kept.joined(separator: " · ")
    let hintWidth = DisplayWidth.of(hintText)
    if hintWidth > 0 {
        screen.put(hintText, row: rect.y, column: rect.maxX - hintWidth, width: hintWidth, style: .dim)
    }
}

/// A prompt's label, its input (the end of it when it is too long to show whole) and a
/// block cursor; returns the columns used.
func drawInput(_ label: String, _ input: String, into screen: inout Screen, rect: Rect, widest: Int? = nil) -> Int {
    let labelWidth = screen.put(label, row: rect.y, column: rect.x, width: rect.width, style: .bold)
    let room = max(0, min(widest ?? rect.width, rect.width) - labelWidth - 1)
    // Only the end shows: a pasted megabyte is not cleaned and measured on every frame.
    var shown = Sanitizer.clean(String(input.suffix(room * 4 + 16)))
    if DisplayWidth.of(shown) > room {
        var tail = ""
        var width = 1
        for character in shown.reversed() {
            let w = DisplayWidth.of(character)
            if width + w > room { break }
            tail.insert(character, at: tail.startIndex)
            width += w
        }
        shown = "…" + tail
    }
    let inputWidth = screen.put(shown, row: rect.y, column: rect.x + labelWidth, width: room)
    screen.put(" ", row: rect.y, column: rect.x + labelWidth + inputWidth, width: 1, style: .reverse)
    return labelWidth + inputWidth + 1
}
