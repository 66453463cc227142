import CableCore
import Foundation

/// Narrowing the tag list as the user types: prefix matches first, then substring matches,
/// each in the library's order (most used first); tags already in the filter are left out.
public enum TagMatcher {
    public static func candidates(_ tags: [TagCount], input: String, excluding: [String]) -> [TagCount] {
        let needle = input.lowercased()
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

extension Reducer {
    mutating func handlePromptKey(_ key: Key) {
        guard let prompt = state.prompt else { return }
        if key == .control("c") {
            cancelPrompt(prompt)
            quit()
            return
        }
        switch prompt {
        case .tag(var tagPrompt):
            handleTagPromptKey(key, &tagPrompt)
        case .search(var search):
            handleSearchKey(key, &search)
        case .speaker(var speaker):
            handleSpeakerKey(key, &speaker)
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
        case .tag(var tagPrompt):
            tagPrompt.input += rest
            tagPrompt.selection = 0
            state.prompt = .tag(tagPrompt)
        case .search(var search):
            search.input += rest
            searchEdited(&search)
        case .speaker(var speaker):
            speaker.input += rest
            speakerEdited(speaker)
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

    mutating func cancelPrompt(_ prompt: Prompt) {
        state.prompt = nil
        switch prompt {
        case .tag:
            break
        case .search(let search):
            if state.search != search.previous { applySearch(search.previous) }
        case .speaker(let speaker):
            if state.speaker != speaker.previous {
                state.speaker = speaker.previous
                resetQuotes()
            }
        }
    }

    // MARK: Tag prompt

    var tagCandidates: [TagCount] {
        guard case .tag(let prompt) = state.prompt else { return [] }
        return TagMatcher.candidates(state.filterTags, input: prompt.input, excluding: state.tags)
    }

    mutating func handleTagPromptKey(_ key: Key, _ prompt: inout TagPrompt) {
        switch key {
        case .escape:
            state.prompt = nil
        case .enter:
            let candidates = tagCandidates
            guard candidates.indices.contains(prompt.selection) else {
                state.prompt = nil
                show(prompt.input.isEmpty ? "No tags in this filter" : "No tag matches '\(prompt.input)'",
                     error: !prompt.input.isEmpty)
                return
            }
            state.prompt = nil
            addTag(candidates[prompt.selection].tag)
        case .down, .tab, .control("n"):
            prompt.selection = min(prompt.selection + 1, max(0, tagCandidates.count - 1))
            state.prompt = .tag(prompt)
        case .up, .backTab, .control("p"):
            prompt.selection = max(0, prompt.selection - 1)
            state.prompt = .tag(prompt)
        default:
            if edit(&prompt.input, key) {
                prompt.selection = 0
                state.prompt = .tag(prompt)
            }
        }
    }

    // MARK: Search prompt

    mutating func handleSearchKey(_ key: Key, _ prompt: inout SearchPrompt) {
        switch key {
        case .escape:
            cancelPrompt(.search(prompt))
        case .enter:
            if let error = prompt.error {
                show(error, error: true)
                return
            }
            state.prompt = nil
            if !state.search.isEmpty {
                show("\(NumberText.grouped(state.list.count)) match\(state.list.count == 1 ? "" : "es")")
            }
        default:
            guard edit(&prompt.input, key) else { return }
            searchEdited(&prompt)
        }
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

    mutating func applySearch(_ text: String, parsed: Query? = nil) {
        let query = parsed ?? (try? Query.parse(text)) ?? .all
        guard text != state.search || query != state.searchQuery else { return }
        state.search = text
        state.searchQuery = query
        reloadFilter()
    }

    // MARK: Speaker prompt (quote view)

    mutating func handleSpeakerKey(_ key: Key, _ prompt: inout SpeakerPrompt) {
        switch key {
        case .escape:
            cancelPrompt(.speaker(prompt))
        case .enter:
            state.prompt = nil
        default:
            guard edit(&prompt.input, key) else { return }
            speakerEdited(prompt)
        }
    }

    mutating func speakerEdited(_ prompt: SpeakerPrompt) {
        state.prompt = .speaker(prompt)
        let speaker = prompt.input.trimmingCharacters(in: .whitespaces)
        if speaker != state.speaker {
            state.speaker = speaker
            resetQuotes()
        }
    }
}
