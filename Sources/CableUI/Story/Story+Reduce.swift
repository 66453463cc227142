import CableCore

extension Reducer {
    /// Each entry takes three rows: date, source and title; its telling quote; a blank row.
    static let storyRows = 3

    var storyPage: Int { max(1, (Layout.contentHeight(layout.main) + 1) / Self.storyRows) }

    mutating func apply(_ action: StoryAction) {
        switch action {
        case .storyLoaded(let story):
            guard story.id == state.story.seed else { return }
            let kept = state.story.story?.id == story.id
                ? state.story.story?.entries[safe: state.story.cursor]?.id : nil
            state.story.story = story
            // The cursor starts on the article the story was asked for.
            let target = kept ?? story.id
            state.story.cursor = story.entries.firstIndex { $0.id == target } ?? 0
            keepStoryCursorVisible()
        }
    }

    /// `S`: the story of the article on screen (or selected).
    mutating func openStory() {
        guard let id = state.reader.open?.article.id ?? state.browse.list.selected?.id else {
            show("Nothing selected: the story timeline is of the article shown")
            return
        }
        state.view = .story
        guard state.story.seed != id || state.story.story == nil else { return }
        state.story = StoryState()
        state.story.seed = id
        effects.append(.loadStory(id))
    }

    mutating func handleStory(_ command: Command) {
        let count = state.story.story?.entries.count ?? 0
        switch command {
        case .down: moveStoryCursor(by: 1)
        case .up: moveStoryCursor(by: -1)
        case .top: moveStoryCursor(by: -count)
        case .bottom: moveStoryCursor(by: count)
        case .pageDown: moveStoryCursor(by: storyPage)
        case .pageUp: moveStoryCursor(by: -storyPage)
        case .open:
            guard let entry = state.story.story?.entries[safe: state.story.cursor] else { return }
            state.view = .panes
            open(entry.id)
        case .close, .story:
            state.view = .panes
        default: handleCommon(command)
        }
    }

    mutating func moveStoryCursor(by step: Int) {
        let count = state.story.story?.entries.count ?? 0
        guard count > 0 else { return }
        state.story.cursor = max(0, min(count - 1, state.story.cursor + step))
        keepStoryCursorVisible()
    }

    mutating func keepStoryCursorVisible() {
        let count = state.story.story?.entries.count ?? 0
        if state.story.cursor < state.story.top { state.story.top = state.story.cursor }
        if state.story.cursor >= state.story.top + storyPage { state.story.top = state.story.cursor - storyPage + 1 }
        state.story.top = max(0, min(state.story.top, count - storyPage))
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
