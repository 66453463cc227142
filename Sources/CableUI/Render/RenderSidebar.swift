import CableCore

func drawSidebar(_ state: AppState, into screen: inout Screen, rect: Rect) {
    let focused = state.focus == .sidebar
    drawTitle("Related & tags", focused: focused, into: &screen, rect: rect)
    let body = Rect(x: rect.x + 1, y: rect.y + 1, width: max(1, rect.width - 1), height: rect.height - 1)
    let model = SidebarModel(state)
    guard !model.rows.isEmpty else {
        drawCentered("Related stories and tags appear here", into: &screen, rect: body)
        return
    }
    // Keep the selected item in view: scroll so its row is on screen.
    var top = 0
    if focused, let selectedRow = model.rowIndex(ofItem: state.sidebarCursor), selectedRow >= body.height {
        top = selectedRow - body.height + 1
    }
    for line in 0..<body.height {
        let index = top + line
        guard index < model.rows.count else { break }
        let row = body.y + line
        var selected = false
        switch model.rows[index] {
        case .heading(let text):
            screen.put(TextLayout.truncate(text, width: body.width), row: row, column: body.x,
                       width: body.width, style: .title)
        case .note(let text):
            screen.put(TextLayout.truncate(text, width: body.width - 2), row: row, column: body.x + 2,
                       width: body.width - 2, style: .dim)
        case .item(let item, let itemIndex):
            selected = itemIndex == state.sidebarCursor
            drawSidebarItem(item, into: &screen, row: row, x: body.x, width: body.width)
        case .tagCount(let count, let itemIndex):
            selected = itemIndex == state.sidebarCursor
            let number = NumberText.grouped(count.count)
            let numberWidth = DisplayWidth.of(number)
            let nameWidth = max(0, body.width - numberWidth - 4)
            screen.put(TextLayout.truncate(Sanitizer.clean(count.tag), width: nameWidth), row: row,
                       column: body.x + 2, width: nameWidth, style: .tag)
            screen.put(number, row: row, column: body.x + body.width - numberWidth - 1,
                       width: numberWidth, style: .dim)
        }
        if selected && focused {
            screen.restyle(row: row, from: body.x, width: body.width - 1) {
                $0.reverse = true
                $0.dim = false
            }
        }
    }
}

func drawSidebarItem(_ item: SidebarModel.Item, into screen: inout Screen, row: Int, x: Int, width: Int) {
    switch item {
    case .link(let number, let link):
        let label = number <= 9 ? "\(number)" : " "
        screen.put(label, row: row, column: x, width: 1, style: .bold)
        let style: Style = link.match == nil ? .dim : .plain
        let text = Sanitizer.clean(link.headline)
        screen.put(TextLayout.truncate(text, width: width - 3), row: row, column: x + 2,
                   width: width - 3, style: style)
    case .article(let ref):
        screen.put("·", row: row, column: x, width: 1, style: .dim)
        screen.put(TextLayout.truncate(Sanitizer.clean(ref.title), width: width - 3), row: row,
                   column: x + 2, width: width - 3)
    case .tag(let tag):
        screen.put(TextLayout.truncate(Sanitizer.clean(tag), width: width - 3), row: row,
                   column: x + 2, width: width - 3, style: .tag)
    }
}
