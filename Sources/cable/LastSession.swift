import CableCore
import CableUI
import Foundation

/// Where the reader was when Cable last quit, per library: the filter, the order, the
/// list's place and the article open. Saved in `$XDG_STATE_HOME/cable/sessions.json` and
/// restored on the next start unless `--clean` is given.
struct LastSession: Codable, Equatable {
    var tags: [String]
    var search: String
    var order: ListOrder
    var cursor: Int
    var top: Int
    var open: String?
    var scroll: Int

    init(_ state: AppState) {
        tags = state.browse.tags
        search = state.browse.search
        order = state.browse.order
        cursor = state.browse.list.cursor
        top = state.browse.list.top
        open = (state.reader.open?.article.id ?? state.reader.opening)?.rawValue
        scroll = state.reader.scroll
    }

    /// The state to start from: `state` with this session's filter, place and article.
    func applied(to state: AppState) -> AppState {
        var state = state
        state.browse.tags = tags
        if let query = try? Query.parse(search) {
            state.browse.search = search
            state.browse.searchQuery = query
        }
        state.browse.order = order
        state.browse.list.cursor = max(0, cursor)
        state.browse.list.top = max(0, min(top, cursor))
        if let open {
            state.reader.opening = ArticleID(rawValue: open)
            state.reader.scroll = max(0, scroll)
        }
        return state
    }

    static func file(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        XDG.stateHome(environment).appendingPathComponent("cable/sessions.json")
    }

    static func load(for library: URL) -> LastSession? {
        guard let data = try? Data(contentsOf: file()),
              let all = try? JSONDecoder().decode([String: LastSession].self, from: data) else { return nil }
        return all[library.path]
    }

    /// Saves it beside the other libraries' sessions; a failure only costs the next start its
    /// place, so it is logged, not raised.
    func save(for library: URL) {
        let url = Self.file()
        var all = (try? Data(contentsOf: url)).flatMap { try? JSONDecoder().decode([String: LastSession].self, from: $0) } ?? [:]
        all[library.path] = self
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(all).write(to: url, options: .atomic)
        } catch {
            Console.note("could not save the session to \(url.path): \(error.localizedDescription)")
        }
    }
}
