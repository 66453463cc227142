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

/// A box of choices narrowed by typing: the input line, then the choices (name and a dim
/// note on the right), the selected one reversed; `empty` when there are none.
func drawPicker(_ title: String, label: String, input: String, choices: [(String, String)], selection: Int?,
                empty: String, into screen: inout Screen, area: Rect) {
    let height = min(area.height, max(6, min(choices.count + 4, 18)))
    let width = min(area.width, 56)
    let inside = drawBox(title, width: width, height: height, into: &screen, area: area)
    let used = screen.put(TextLayout.truncate(label + input, width: inside.width - 1), row: inside.y,
                          column: inside.x, width: inside.width - 1, style: .bold)
    screen.put(" ", row: inside.y, column: inside.x + used, width: 1, style: .reverse)
    let listRows = inside.height - 1
    guard !choices.isEmpty else {
        screen.put(TextLayout.truncate(empty, width: inside.width), row: inside.y + 1, column: inside.x,
                   width: inside.width, style: .dim)
        return
    }
    // Keep the selection in view.
    let first = max(0, (selection ?? 0) - listRows + 1)
    for line in 0..<listRows {
        let index = first + line
        guard index < choices.count else { break }
        let row = inside.y + 1 + line
        let (name, note) = choices[index]
        let noteWidth = min(DisplayWidth.of(note), inside.width / 2)
        let nameWidth = max(0, inside.width - noteWidth - 1)
        screen.put(TextLayout.truncate(Sanitizer.clean(name), width: nameWidth), row: row, column: inside.x,
                   width: nameWidth)
        screen.put(TextLayout.truncate(Sanitizer.clean(note), width: noteWidth), row: row,
                   column: inside.x + inside.width - noteWidth, width: noteWidth, style: .dim)
        if index == selection {
            screen.restyle(row: row, from: inside.x, width: inside.width) {
                $0.reverse = true
                $0.dim = false
            }
        }
    }
}

/// The tag filter: what was typed, and the matching tags with their counts.
func drawTagFilterPrompt(_ state: AppState, _ prompt: TagPrompt, into screen: inout Screen, area: Rect) {
    let browse = state.browse
    let empty = browse.filterTagsFor != browse.query ? "counting tags…"
        : browse.filterTags.isEmpty ? "(no tags in this filter)" : "(no tag matches)"
    drawPicker(browse.tags.isEmpty ? "Filter by tag" : "Add a tag (all must match)", label: "tag: ",
               input: prompt.input,
               choices: state.tagFilterCandidates.map { ($0.tag, NumberText.grouped($0.count)) },
               selection: prompt.selection, empty: empty, into: &screen, area: area)
}

/// Adding or removing one of the user's own tags: the library's tags complete what is typed.
func drawUserTagPrompt(_ state: AppState, _ prompt: UserTagPrompt, into screen: inout Screen, area: Rect) {
    let title = (prompt.adding ? "Tag: " : "Remove your tag: ") + Sanitizer.clean(prompt.title)
    let choices = state.userTagCandidates.map { ($0.tag, prompt.adding ? NumberText.grouped($0.count) : "") }
    let typed = prompt.input.trimmingCharacters(in: .whitespaces)
    var empty = prompt.adding ? (state.browse.allTags == nil ? "reading the library's tags…" : "(a new tag)")
        : "(no tag of yours matches)"
    if prompt.adding, !typed.isEmpty { empty = "Enter adds the new tag '\(typed)'" }
    drawPicker(title, label: prompt.adding ? "add: " : "remove: ", input: prompt.input, choices: choices,
               selection: prompt.selection, empty: empty, into: &screen, area: area)
}

/// Choosing one of the config's saved searches.
func drawSavedSearchPrompt(_ state: AppState, _ prompt: PickerPrompt, into screen: inout Screen, area: Rect) {
    drawPicker("Saved searches", label: "search: ", input: prompt.input,
               choices: state.savedSearchCandidates.map { ($0.name, $0.query) },
               selection: prompt.selection, empty: "(no saved search matches)", into: &screen, area: area)
}

/// Every key in force (the config's bindings included), from the same table that drives
/// them; in two columns when one is too tall.
func drawHelp(_ state: AppState, into screen: inout Screen, area: Rect) {
    let keymap = state.settings.keymap
    let context = state.view.keyContext
    var entries = context.commands.compactMap { command -> (label: String, help: String)? in
        let label = keymap.label(for: command)
        return label.isEmpty ? nil : (label, command.help)
    }
    if context == .browse { entries.insert(("1-9", "related headline N"), at: min(entries.count, 12)) }
    let labelWidth = min(14, entries.map { DisplayWidth.of($0.label) }.max() ?? 0)
    let textWidth = entries.map { DisplayWidth.of($0.help) }.max() ?? 0
    let entryWidth = labelWidth + 2 + textWidth
    let roomRows = max(1, area.height - 3)
    let columns = entries.count > roomRows && area.width >= 2 * (labelWidth + 14) + 7 ? 2 : 1
    let rowsNeeded = (entries.count + columns - 1) / columns
    let width = min(area.width, columns * entryWidth + (columns - 1) * 3 + 4)
    let height = min(area.height, rowsNeeded + 3)
    let title: String
    switch state.view {
    case .panes: title = "Keys"
    case .quotes: title = "Keys: quote view"
    case .story: title = "Keys: story timeline"
    }
    let inside = drawBox(title, width: width, height: height, into: &screen, area: area)
    let rows = max(0, inside.height - 1)
    let columnWidth = columns == 1 ? inside.width : (inside.width - 3) / 2
    for (index, entry) in entries.enumerated() {
        let column = index / max(1, rowsNeeded)
        let row = index % max(1, rowsNeeded)
        guard row < rows else { continue }
        let x = inside.x + column * (columnWidth + 3)
        let descriptionWidth = max(0, columnWidth - labelWidth - 2)
        screen.put(TextLayout.truncate(entry.label, width: labelWidth), row: inside.y + row, column: x,
                   width: labelWidth, style: .bold)
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
        used = drawInput("/", prompt.input, selected: prompt.replacing, into: &screen, rect: rect,
                         widest: prompt.error == nil ? nil : rect.width * 2 / 3)
        if let error = prompt.error {
            let room = rect.width - used - 2
            if room > 3 {
                used += 2 + screen.put(TextLayout.truncate(error, width: room), row: rect.y,
                                       column: rect.x + used + 2, width: room, style: .error)
            }
            hints = []
        } else {
            hints = prompt.replacing ? ["type to replace", "→ edit", "Enter keep", "Esc cancel"]
                : ["Enter keep", "Esc cancel"]
        }
    case .speaker(let prompt):
        used = drawInput("speaker: ", prompt.input, into: &screen, rect: rect)
        hints = ["Enter keep", "Esc cancel"]
    case .tag, .savedSearch:
        hints = ["Enter choose", "Esc cancel", "↑↓ choose", "type to narrow"]
    case .userTag(let prompt):
        // What Enter will do: the tag picked with the arrows, else exactly what was typed.
        let typed = prompt.input.trimmingCharacters(in: .whitespaces)
        let chosen = prompt.selection.flatMap { state.userTagCandidates[safe: $0]?.tag }
        let enter = chosen.map { "Enter: '\($0)'" } ?? (typed.isEmpty ? "type a tag" : "Enter: '\(typed)'")
        hints = prompt.adding ? [enter, "Esc cancel", "↑↓ pick an existing tag"]
            : ["Enter remove", "Esc cancel", "↑↓ choose"]
    case nil:
        used = drawStatusText(statusParts(state.status), into: &screen, rect: rect)
        hints = state.showHelp ? ["any key closes the help"] : statusHints(state)
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

/// What the status line says, in order: a message, a feed fetch (running, or how the last one
/// went), and background progress when there is no message.
func statusParts(_ status: StatusLine) -> [(text: String, style: Style)] {
    var parts: [(text: String, style: Style)] = []
    if let message = status.message { parts.append((message, status.isError ? .error : .bold)) }
    if let fetching = status.fetching {
        parts.append((fetching, .dim))
    } else if let outcome = status.fetchOutcome {
        parts.append((outcome, status.fetchFailed ? .error : .bold))
    }
    if status.message == nil, let progress = status.progress { parts.append((progress, .dim)) }
    return parts
}

/// Draws the parts from the left, ` · ` between them, as far as they fit; returns the
/// columns used.
func drawStatusText(_ parts: [(text: String, style: Style)], into screen: inout Screen, rect: Rect) -> Int {
    var used = 0
    for (index, part) in parts.enumerated() {
        let text = (index == 0 ? "" : " · ") + part.text
        let room = rect.width - used
        guard room > 0 else { break }
        used += screen.put(TextLayout.truncate(text, width: room), row: rect.y, column: rect.x + used, width: room,
                           style: part.style)
    }
    return used
}

/// The keys worth knowing on this screen, most important first, as they are bound now.
func statusHints(_ state: AppState) -> [String] {
    let keymap = state.settings.keymap
    func hint(_ command: Command, _ word: String) -> String? {
        keymap.keys(for: command).first.map { $0.label + " " + word }
    }
    switch state.view {
    case .quotes:
        return [hint(.open, "open"), hint(.speakerFilter, "speaker"), hint(.close, "close"), hint(.help, "help"),
                hint(.down, "move")].compactMap { $0 }
    case .story:
        return [hint(.open, "open"), hint(.close, "close"), hint(.help, "help"), hint(.down, "move")]
            .compactMap { $0 }
    case .panes:
        var hints = [hint(.help, "help"), hint(.quit, "quit"), hint(.tagFilter, "tag"), hint(.search, "search"),
                     "1-9 related"]
        let back = [keymap.keys(for: .back).first, keymap.keys(for: .forward).first].compactMap { $0?.label }
        if back.count == 2 { hints.append(back.joined(separator: " ") + " back/fwd") }
        hints += [hint(.story, "story"), hint(.quotes, "quotes"), hint(.open, "open")]
        return hints.compactMap { $0 }
    }
}

/// A prompt's label, its input (the end of it when it is too long to show whole) and a
/// block cursor; returns the columns used.
func drawInput(_ label: String, _ input: String, selected: Bool = false, into screen: inout Screen,
               rect: Rect, widest: Int? = nil) -> Int {
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
    // Selected (about to be replaced by what is typed): reversed, like a selection.
    let inputWidth = screen.put(shown, row: rect.y, column: rect.x + labelWidth, width: room,
                                style: selected ? .reverse : .plain)
    screen.put(" ", row: rect.y, column: rect.x + labelWidth + inputWidth, width: 1, style: .reverse)
    return labelWidth + inputWidth + 1
}
