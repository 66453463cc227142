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

    mutating func cycleFocus(by step: Int) {
        var panes = Pane.allCases
        // With the sidebar hidden on a wide screen, Tab still reaches it (it takes the
        // reading pane's place while focused).
        if state.reader.open == nil { panes.removeAll { $0 == .reader } }
        let index = panes.firstIndex(of: state.focus) ?? 0
        focus(panes[(index + step + panes.count) % panes.count])
    }

    /// `i`: on a wide screen hides or shows the sidebar; where it shares a place with the
    /// reading pane, swaps the two. Either way the focus never stays on a pane that left the
    /// screen, and the key always changes what is shown.
    mutating func toggleSidebar() {
        let fallback: Pane = state.reader.open == nil ? .list : .reader
        if state.size.width >= Layout.threePaneWidth {
            state.sidebarToggled.toggle()
            if state.sidebarToggled && state.focus == .sidebar { focus(fallback) }
        } else if layout.sidebar != nil {
            state.sidebarToggled = false
            if state.focus == .sidebar { focus(state.focusBeforeSidebar ?? fallback) }
            state.focusBeforeSidebar = nil
        } else {
            state.sidebarToggled = true
            if state.focus != .list || layout.sidebar == nil {
                // Where the sidebar takes the whole screen, `i` again goes back to this pane.
                state.focusBeforeSidebar = state.focus
                focus(.sidebar)
            }
        }
        clampReaderScroll()
    }
}
