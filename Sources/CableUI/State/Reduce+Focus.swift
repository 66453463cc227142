extension Reducer {
    /// Whether the sidebar and the reading pane share one place beside the list (medium
    /// widths): then only the focused one of the two, or the toggled one, is on screen.
    var sidebarSharesReaderPlace: Bool {
        state.size.width >= Layout.twoPaneWidth && state.size.width < Layout.threePaneWidth
    }

    /// Moves the focus to a pane and makes sure it is on screen: where the sidebar and the
    /// reading pane share a place, the toggle follows the pane focused last, so the one the
    /// user went to stays beside the list after Tab back to it.
    mutating func focus(_ pane: Pane) {
        state.focus = pane
        if sidebarSharesReaderPlace && pane != .list { state.sidebarToggled = pane == .sidebar }
        clampReaderScroll()
    }

    /// `i`: on a wide screen hides or shows the sidebar; where it shares a place with the
    /// reading pane, swaps the two. Either way the focus never stays on a pane that left the
    /// screen, and the key always changes what is shown.
    mutating func toggleSidebar() {
        let fallback: Pane = state.open == nil ? .list : .reader
        if state.size.width >= Layout.threePaneWidth {
            state.sidebarToggled.toggle()
            if state.sidebarToggled && state.focus == .sidebar { focus(fallback) }
        } else if layout.sidebar != nil {
            state.sidebarToggled = false
            if state.focus == .sidebar { focus(fallback) }
        } else {
            state.sidebarToggled = true
            if state.focus != .list || layout.sidebar == nil { focus(.sidebar) }
        }
        clampReaderScroll()
    }
}

extension Reducer {
    /// Where the open article is in the list, when it is among the rows on hand.
    var openPositionInList: Int? {
        guard let id = state.open?.article.id,
              let index = state.list.rows.firstIndex(where: { $0.id == id }) else { return nil }
        return state.list.offset + index
    }

    /// An article opened by a jump (1-9, history, the quote view, the sidebar) takes the list
    /// cursor along when it is in the rows on hand, so the list shows what is being read and
    /// `n` goes on from there.
    mutating func followOpenInList() {
        guard let position = openPositionInList, position != state.list.cursor else { return }
        state.list.cursor = position
        keepListCursorVisible()
        ensureListWindow()
    }
}
