import CableCore

/// One screen line of the sidebar: its content, and the selectable item it belongs to.
struct SidebarLine {
    var item: Int?
    var draw: (inout Screen, _ row: Int, _ x: Int, _ width: Int) -> Void
}

func drawSidebar(_ state: AppState, into screen: inout Screen, rect: Rect) {
    let focused = state.focus == .sidebar
    drawTitle("Related & tags", focused: focused, into: &screen, rect: rect)
    let body = Rect(x: rect.x + 1, y: rect.y + 1, width: max(1, rect.width - 1), height: rect.height - 1)
    let model = SidebarModel(state)
    guard !model.rows.isEmpty else {
        drawCentered("Related stories and tags appear here", into: &screen, rect: body)
        return
    }
    let lines = sidebarLines(model, width: body.width)
    // Keep the selected item in view: scroll so its last line is on screen.
    var top = 0
    if focused, let last = lines.lastIndex(where: { $0.item == state.reader.sidebarCursor }), last >= body.height {
        top = last - body.height + 1
    }
    for offset in 0..<body.height {
        let index = top + offset
        guard index < lines.count else { break }
        let row = body.y + offset
        lines[index].draw(&screen, row, body.x, body.width)
        if focused, let item = lines[index].item, item == state.reader.sidebarCursor {
            screen.restyle(row: row, from: body.x, width: body.width - 1) {
                $0.reverse = true
                $0.dim = false
            }
        }
    }
}

/// The model's rows as screen lines: headlines take up to two lines, the rest one.
func sidebarLines(_ model: SidebarModel, width: Int) -> [SidebarLine] {
    var lines: [SidebarLine] = []
    let textWidth = max(1, width - 3)
    func headline(_ text: String, marker: String, markerStyle: Style, style: Style, item: Int) {
        var wrapped = TextLayout.wrap(Sanitizer.clean(text), width: textWidth)
        if wrapped.count > 2 {
            wrapped = [wrapped[0], TextLayout.truncate(wrapped[1...].joined(separator: " "), width: textWidth)]
        }
        for (index, line) in wrapped.enumerated() {
            lines.append(SidebarLine(item: item) { screen, row, x, _ in
                if index == 0 { screen.put(marker, row: row, column: x, width: 1, style: markerStyle) }
                screen.put(line, row: row, column: x + 2, width: textWidth, style: style)
            })
        }
    }
    for row in model.rows {
        switch row {
        case .heading(let text):
            lines.append(SidebarLine(item: nil) { screen, row, x, width in
                screen.put(TextLayout.truncate(text, width: width), row: row, column: x, width: width,
                           style: .title)
            })
        case .note(let text):
            lines.append(SidebarLine(item: nil) { screen, row, x, width in
                screen.put(TextLayout.truncate(text, width: width - 2), row: row, column: x + 2,
                           width: width - 2, style: .dim)
            })
        case .item(.link(let number, let link), let index):
            headline(link.headline, marker: number <= 9 ? "\(number)" : " ", markerStyle: .bold,
                     style: link.match == nil ? .dim : .plain, item: index)
        case .item(.article(let ref), let index):
            headline(ref.title, marker: "·", markerStyle: .dim, style: .plain, item: index)
        case .item(.search(let saved), let index):
            lines.append(SidebarLine(item: index) { screen, row, x, _ in
                screen.put("/", row: row, column: x, width: 1, style: .dim)
                screen.put(TextLayout.truncate(Sanitizer.clean(saved.name), width: textWidth), row: row,
                           column: x + 2, width: textWidth, style: .plain)
            })
        case .item(.tag(let tag), let index):
            lines.append(SidebarLine(item: index) { screen, row, x, _ in
                screen.put(TextLayout.truncate(Sanitizer.clean(tag), width: textWidth), row: row,
                           column: x + 2, width: textWidth, style: .tag)
            })
        case .tagCount(let count, let index):
            lines.append(SidebarLine(item: index) { screen, row, x, width in
                let number = NumberText.grouped(count.count)
                let numberWidth = DisplayWidth.of(number)
                let nameWidth = max(0, width - numberWidth - 4)
                screen.put(TextLayout.truncate(Sanitizer.clean(count.tag), width: nameWidth), row: row,
                           column: x + 2, width: nameWidth, style: .tag)
                screen.put(number, row: row, column: x + width - numberWidth - 1, width: numberWidth,
                           style: .dim)
            })
        }
    }
    return lines
}
