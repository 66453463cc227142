import CableCore
import Foundation

/// Narrowing a tag list as the user types: prefix matches first, then substring matches,
/// each in the library's order (most used first); tags already taken are left out.
public enum TagMatcher {
    public static func candidates(_ tags: [TagCount], input: String, excluding: [String]) -> [TagCount] {
        let needle = input.lowercased().trimmingCharacters(in: .whitespaces)
        let taken = Set(excluding.map { $0.lowercased() })
        var prefix: [TagCount] = []
        var substring: [TagCount] = []
        for tag in tags {
            let name = tag.tag.lowercased()
            if taken.contains(name) { continue }
            if needle.isEmpty || name.hasPrefix(needle) {
                prefix.append(tag)
            } else if name.contains(needle) {
                substring.append(tag)
            }
        }
        return prefix + substring
    }
}

extension AppState {
    /// The choices the open picker shows for what has been typed.
    public var tagFilterCandidates: [TagCount] {
        guard case .tag(let prompt) = prompt else { return [] }
        return TagMatcher.candidates(browse.filterTags, input: prompt.input, excluding: browse.tags)
    }

    public var userTagCandidates: [TagCount] {
        guard case .userTag(let prompt) = prompt else { return [] }
        if prompt.adding {
            return TagMatcher.candidates(browse.allTags ?? [], input: prompt.input,
                                         excluding: prompt.pageTags + prompt.userTags)
        }
        return TagMatcher.candidates(prompt.userTags.map { TagCount(tag: $0, count: 0) }, input: prompt.input,
                                     excluding: [])
    }

    public var savedSearchCandidates: [SavedSearch] {
        guard case .savedSearch(let prompt) = prompt else { return [] }
        let needle = prompt.input.lowercased()
        return settings.savedSearches.filter {
            needle.isEmpty || $0.name.lowercased().contains(needle) || $0.query.lowercased().contains(needle)
        }
    }
}

extension Reducer {
    mutating func handlePromptKey(_ key: Key) {
        guard let prompt = state.prompt else { return }
        if key == .control("c") {
            cancelPrompt(prompt)
            quit()
            return
        }
        if key == .escape {
            cancelPrompt(prompt)
            return
        }
        switch prompt {
        case .tag(var picker):
            handleTagFilterKey(key, &picker)
        case .search(var search):
            handleSearchKey(key, &search)
        case .speaker(var speaker):
            handleSpeakerKey(key, &speaker)
        case .userTag(var tagging):
            handleUserTagKey(key, &tagging)
        case .savedSearch(var picker):
            handleSavedSearchKey(key, &picker)
        }
    }

    /// Characters that came together: key by key until a prompt is open, then the rest into
    /// the prompt at once.
    mutating func handleText(_ text: String) {
        var rest = Substring(text)
        while let first = rest.first, !state.quitting, !promptTakesText {
            handle(.character(first))
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty, !state.quitting, let prompt = state.prompt else { return }
        switch prompt {
        case .tag(var picker):
            picker.input += rest
            picker.selection = 0
            state.prompt = .tag(picker)
        case .search(var search):
            // While the old search is selected, typing replaces it.
            search.input = (search.replacing ? "" : search.input) + rest
            search.replacing = false
            searchEdited(&search)
        case .speaker(var speaker):
            speaker.input += rest
            speakerEdited(speaker)
        case .userTag(var tagging):
            tagging.input += rest
            tagging.selection = tagging.adding ? nil : 0
            state.prompt = .userTag(tagging)
        case .savedSearch(var picker):
            picker.input += rest
            picker.selection = 0
            state.prompt = .savedSearch(picker)
        }
    }

    /// Whether typed characters go into a prompt now (as `handle` decides for a key).
    var promptTakesText: Bool { state.prompt != nil && !layout.tooSmall && !state.showHelp }

    /// Edits a prompt's input; returns whether the key was an edit.
    func edit(_ input: inout String, _ key: Key) -> Bool {
        switch key {
        case .character(let c):
            input.append(c)
        case .backspace, .delete:
            guard !input.isEmpty else { return true }
            input.removeLast()
        case .control("u"):
            input = ""
        case .control("w"):
            while input.last == " " { input.removeLast() }
            while let last = input.last, last != " " { input.removeLast() }
        default:
            return false
        }
        return true
    }

    /// Moves a picker's selection with the arrows (and Tab, Ctrl-N, Ctrl-P); returns
    /// whether the key was one of those.
    func choose(_ selection: inout Int, _ key: Key, count: Int) -> Bool {
        switch key {
        case .down, .tab, .control("n"): selection = min(selection + 1, max(0, count - 1))
        case .up, .backTab, .control("p"): selection = max(0, selection - 1)
        default: return false
        }
        return true
    }

    mutating func cancelPrompt(_ prompt: Prompt) {
        state.prompt = nil
        switch prompt {
        case .search(let search):
            if state.browse.search != search.previous { applySearch(search.previous) }
        case .speaker(let speaker):
            if state.quotes.speaker != speaker.previous {
                state.quotes.speaker = speaker.previous
                resetQuotes()
            }
        case .tag, .userTag, .savedSearch:
            break
        }
    }

    // MARK: Tag filter

    mutating func openTagFilterPrompt() {
        state.prompt = .tag(TagPrompt())
        if state.browse.filterTagsFor != state.browse.query { effects.append(.loadTags(state.browse.query)) }
    }

    mutating func handleTagFilterKey(_ key: Key, _ prompt: inout TagPrompt) {
        let candidates = state.tagFilterCandidates
        if key == .enter {
            state.prompt = nil
            guard candidates.indices.contains(prompt.selection) else {
                show(prompt.input.isEmpty ? "No tags in this filter" : "No tag matches '\(prompt.input)'",
                     error: !prompt.input.isEmpty)
                return
            }
            addTagFilter(candidates[prompt.selection].tag)
        } else if choose(&prompt.selection, key, count: candidates.count) {
            state.prompt = .tag(prompt)
        } else if edit(&prompt.input, key) {
            prompt.selection = 0
            state.prompt = .tag(prompt)
        }
    }

    // MARK: Search

    /// `/`: the search line opens with the current search selected, so typing replaces it.
    mutating func openSearchPrompt() {
        let search = state.browse.search
        state.prompt = .search(SearchPrompt(input: search, previous: search, replacing: !search.isEmpty))
    }

    mutating func handleSearchKey(_ key: Key, _ prompt: inout SearchPrompt) {
        switch key {
        case .enter:
            if let error = prompt.error {
                show(error, error: true)
                return
            }
            state.prompt = nil
            if !state.browse.search.isEmpty {
                let count = state.browse.list.count
                show("\(NumberText.grouped(count)) match\(count == 1 ? "" : "es")")
            }
            return
        case .right, .end, .left, .home:
            // Keep the old search to edit it.
            prompt.replacing = false
            state.prompt = .search(prompt)
            return
        default:
            break
        }
        // While the old search is selected, typing replaces it and erasing erases it whole.
        let erasing = [Key.backspace, .delete, .control("u"), .control("w")].contains(key)
        var input = prompt.replacing ? "" : prompt.input
        if !(prompt.replacing && erasing) {
            guard edit(&input, key) else { return }
        }
        prompt.input = input
        prompt.replacing = false
        searchEdited(&prompt)
    }

    /// Live: every edit that parses becomes the filter. One that does not brings back the
    /// filter from before the prompt (a prefix that parsed, `is` of `is:bogus`, would show
    /// results for a different query) and says what is wrong.
    mutating func searchEdited(_ prompt: inout SearchPrompt) {
        do {
            let query = try Query.parse(prompt.input)
            prompt.error = nil
            state.prompt = .search(prompt)
            applySearch(prompt.input, parsed: query)
        } catch let error as QueryError {
            prompt.error = "column \(error.column): \(error.message)"
            state.prompt = .search(prompt)
            applySearch(prompt.previous)
        } catch {
            prompt.error = "\(error)"
            state.prompt = .search(prompt)
            applySearch(prompt.previous)
        }
    }

    // MARK: Saved searches

    mutating func openSavedSearchPrompt() {
        guard !state.settings.savedSearches.isEmpty else {
            show("No saved searches: add them to the config file's [searches] table")
            return
        }
        state.prompt = .savedSearch(PickerPrompt())
    }

    mutating func handleSavedSearchKey(_ key: Key, _ prompt: inout PickerPrompt) {
        let candidates = state.savedSearchCandidates
        if key == .enter {
            state.prompt = nil
            guard let saved = candidates[safe: prompt.selection] else { return }
            applySavedSearch(saved)
        } else if choose(&prompt.selection, key, count: candidates.count) {
            state.prompt = .savedSearch(prompt)
        } else if edit(&prompt.input, key) {
            prompt.selection = 0
            state.prompt = .savedSearch(prompt)
        }
    }

    /// A saved search becomes the whole filter (tag filters cleared).
    mutating func applySavedSearch(_ saved: SavedSearch) {
        do {
            let query = try Query.parse(saved.query)
            state.browse.tags = []
            state.browse.search = ""
            state.focus = .list
            applySearch(saved.query, parsed: query)
            show("\(saved.name): \(saved.query)")
        } catch {
            show("The saved search '\(saved.name)' does not parse: \(error)", error: true)
        }
    }

    // MARK: Speaker (quote view)

    mutating func handleSpeakerKey(_ key: Key, _ prompt: inout SpeakerPrompt) {
        if key == .enter {
            state.prompt = nil
            return
        }
        guard edit(&prompt.input, key) else { return }
        speakerEdited(prompt)
    }

    mutating func speakerEdited(_ prompt: SpeakerPrompt) {
        state.prompt = .speaker(prompt)
        let speaker = prompt.input.trimmingCharacters(in: .whitespaces)
        if speaker != state.quotes.speaker {
            state.quotes.speaker = speaker
            resetQuotes()
        }
    }

    // MARK: The user's own tags

    /// `+` and `-`: on the selected article in the list, else the one on screen.
    mutating func openUserTagPrompt(adding: Bool) {
        guard let target = markTarget else { return }
        let open = state.reader.open?.article.id == target.id ? state.reader.open : nil
        let row = state.browse.list.rows.first { $0.id == target.id }
        let userTags = open?.userTags ?? row?.userTags ?? []
        let pageTags = open?.article.tags ?? row?.tags ?? []
        if !adding && userTags.isEmpty {
            show(pageTags.isEmpty ? "No tags on this article" : "None of its tags are yours (the page's tags stay)")
            return
        }
        state.prompt = .userTag(UserTagPrompt(adding: adding, article: target.id, title: target.title,
                                              pageTags: pageTags, userTags: userTags,
                                              selection: adding ? nil : 0))
        if adding && state.browse.allTags == nil { effects.append(.loadAllTags) }
    }

    mutating func handleUserTagKey(_ key: Key, _ prompt: inout UserTagPrompt) {
        let candidates = state.userTagCandidates
        if key == .enter {
            let chosen = prompt.selection.flatMap { candidates[safe: $0]?.tag }
            let tag = (chosen ?? prompt.input).trimmingCharacters(in: .whitespaces)
            state.prompt = nil
            guard !tag.isEmpty, !(prompt.adding && tag.contains(",")) else {
                if !tag.isEmpty { show("A tag cannot hold a comma", error: true) }
                return
            }
            changeUserTag(prompt, tag)
        } else if key == .down || key == .tab || key == .control("n") || key == .up || key == .backTab
                    || key == .control("p") {
            guard !candidates.isEmpty else { return }
            var selection = prompt.selection ?? -1
            if !choose(&selection, key, count: candidates.count) { return }
            prompt.selection = max(0, selection)
            state.prompt = .userTag(prompt)
        } else if edit(&prompt.input, key) {
            prompt.selection = prompt.adding ? nil : 0
            state.prompt = .userTag(prompt)
        }
    }

    mutating func changeUserTag(_ prompt: UserTagPrompt, _ tag: String) {
        let id = prompt.article
        if prompt.adding {
            if prompt.userTags.contains(where: { $0.caseInsensitiveCompare(tag) == .orderedSame }) {
                show("Already tagged \(tag)")
                return
            }
            effects.append(.changeUserTags([id], adding: [tag], removing: []))
            remember("tagging \(tag)", undo: [.changeUserTags([id], adding: [], removing: [tag])])
            show("Tagged \(tag)")
        } else {
            guard prompt.userTags.contains(where: { $0.caseInsensitiveCompare(tag) == .orderedSame }) else {
                show("No tag of yours called \(tag)", error: true)
                return
            }
            effects.append(.changeUserTags([id], adding: [], removing: [tag]))
            remember("removing the tag \(tag)", undo: [.changeUserTags([id], adding: [tag], removing: [])])
            show("Removed the tag \(tag)")
        }
    }
}
