import CableCore

/// Draws the whole state into a screen. Pure: the same state gives the same screen.
public func render(_ state: AppState) -> Screen {
    var screen = Screen(size: state.size)
    let layout = Layout(state)
    if layout.tooSmall {
        drawTooSmall(&screen)
        return screen
    }
    switch state.view {
    case .quotes:
        drawQuotes(state, into: &screen, rect: layout.main)
    case .story:
        drawStory(state, into: &screen, rect: layout.main)
    case .panes:
        if let rect = layout.list { drawList(state, into: &screen, rect: rect) }
        if let rect = layout.reader { drawReader(state, into: &screen, rect: rect) }
        if let rect = layout.sidebar { drawSidebar(state, into: &screen, rect: rect) }
        drawSeparators(layout, into: &screen)
    }
    switch state.prompt {
    case .tag(let prompt): drawTagFilterPrompt(state, prompt, into: &screen, area: layout.main)
    case .userTag(let prompt): drawUserTagPrompt(state, prompt, into: &screen, area: layout.main)
    case .savedSearch(let prompt): drawSavedSearchPrompt(state, prompt, into: &screen, area: layout.main)
    case .search, .speaker, nil: break
    }
    if state.showHelp { drawHelp(state, into: &screen, area: layout.main) }
    drawStatus(state, into: &screen, rect: layout.status)
    return screen
}

func drawTooSmall(_ screen: inout Screen) {
    let need = "\(Layout.minimum.width)x\(Layout.minimum.height)"
    let words = TextLayout.wrap("Terminal too small (need \(need))", width: screen.size.width)
    let top = max(0, (screen.size.height - words.count) / 2)
    for (index, line) in words.enumerated() {
        let width = DisplayWidth.of(line)
        screen.put(line, row: top + index, column: max(0, (screen.size.width - width) / 2),
                   width: screen.size.width, style: .bold)
    }
}

/// A pane's title bar: the title on the left, optional text on the right.
func drawTitle(_ title: String, right: String = "", focused: Bool, into screen: inout Screen, rect: Rect) {
    let style: Style = focused ? .titleFocused : .title
    screen.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: style)
    let rightWidth = min(DisplayWidth.of(right), max(0, rect.width - 2))
    let titleSpace = rect.width - 1 - (rightWidth > 0 ? rightWidth + 2 : 0)
    screen.put(TextLayout.truncate(title, width: max(0, titleSpace)), row: rect.y, column: rect.x + 1,
               width: max(0, titleSpace), style: style)
    if rightWidth > 0 {
        screen.put(TextLayout.truncate(right, width: rightWidth), row: rect.y,
                   column: rect.maxX - rightWidth - 1, width: rightWidth, style: style)
    }
}

func drawSeparators(_ layout: Layout, into screen: inout Screen) {
    let panes = [layout.list, layout.reader, layout.sidebar].compactMap { $0 }
    for pane in panes where pane.maxX < screen.size.width {
        // Only where another pane starts one column later.
        guard panes.contains(where: { $0.x == pane.maxX + 1 }) else { continue }
        for row in pane.y..<pane.maxY {
            screen.put("│", row: row, column: pane.maxX, width: 1, style: .dim)
        }
    }
}

/// Draws `text` centred in a rect (empty panes).
func drawCentered(_ text: String, into screen: inout Screen, rect: Rect, style: Style = .dim) {
    let lines = TextLayout.wrap(text, width: max(1, rect.width - 2))
    let top = rect.y + max(0, (rect.height - lines.count) / 2)
    for (index, line) in lines.enumerated() where top + index < rect.maxY {
        let width = DisplayWidth.of(line)
        screen.put(line, row: top + index, column: rect.x + max(0, (rect.width - width) / 2),
                   width: rect.width, style: style)
    }
}
