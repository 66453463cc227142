import CableCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// OPML 2.0 subscription lists, read and written (the one codec for the format). Reading
/// takes any outline with an `xmlUrl` as a feed, whatever its `type`, and the outlines
/// around it as its folder; writing gives each feed `type="rss"`, `text` and `title`,
/// `xmlUrl`, `htmlUrl` and `category` when known, inside outlines for its folders.
public enum OPML {
    public static func read(_ data: Data) throws -> SubscriptionList {
        let reader = Reader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        parser.shouldResolveExternalEntities = false
        let finished = parser.parse()
        if let problem = reader.problem ?? (finished ? nil : XMLProblem(parser: parser, error: parser.parserError)) {
            throw FeedError.malformed(problem)
        }
        guard reader.sawRoot else { throw FeedError.notOPML("the file is empty") }
        return SubscriptionList(title: reader.title, subscriptions: reader.subscriptions)
    }

    public static func write(_ list: SubscriptionList) -> Data {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n"
        out += "    <title>\(escaped(list.title ?? "Cable subscriptions"))</title>\n  </head>\n  <body>\n"
        out += outlines(Folder.tree(of: list.subscriptions), depth: 2)
        out += "  </body>\n</opml>\n"
        return Data(out.utf8)
    }

    // MARK: Writing

    /// Feeds and folders in the order they first appear.
    private indirect enum Folder {
        case feed(Subscription)
        case folder(String, [Folder])

        static func tree(of subscriptions: [Subscription], level: Int = 0) -> [Folder] {
            var entries: [Folder] = []
            var folderNames: [String] = []
            var members: [String: [Subscription]] = [:]
            for subscription in subscriptions {
                guard level < subscription.folder.count else {
                    entries.append(.feed(subscription))
                    continue
                }
                let name = subscription.folder[level]
                if members[name] == nil {
                    folderNames.append(name)
                    entries.append(.folder(name, []))
                }
                members[name, default: []].append(subscription)
            }
            return entries.map { entry in
                guard case .folder(let name, _) = entry else { return entry }
                return .folder(name, tree(of: members[name] ?? [], level: level + 1))
            }
        }
    }

    private static func outlines(_ entries: [Folder], depth: Int) -> String {
        let indent = String(repeating: "  ", count: depth)
        var out = ""
        for entry in entries {
            switch entry {
            case .feed(let feed):
                var attributes = [("type", "rss"), ("text", feed.displayTitle)]
                if let title = feed.title { attributes.append(("title", title)) }
                attributes.append(("xmlUrl", feed.url))
                if let site = feed.siteURL { attributes.append(("htmlUrl", site)) }
                if let categories = feed.categories { attributes.append(("category", categories)) }
                out += indent + "<outline" + attributes.map { " \($0.0)=\"\(escaped($0.1))\"" }.joined() + "/>\n"
            case .folder(let name, let children):
                out += indent + "<outline text=\"\(escaped(name))\" title=\"\(escaped(name))\">\n"
                out += outlines(children, depth: depth + 1)
                out += indent + "</outline>\n"
            }
        }
        return out
    }

    /// Text for an attribute or element: markup escaped, line breaks and tabs as character
    /// references (an attribute value's own would be read back as spaces), other control
    /// characters (which XML 1.0 cannot carry) left out, as `SafeHTML.escaped` does.
    static func escaped(_ text: String) -> String {
        SafeHTML.escaped(text).replacingOccurrences(of: "\n", with: "&#10;").replacingOccurrences(of: "\t", with: "&#9;")
    }

    // MARK: Reading

    private final class Reader: NSObject, XMLParserDelegate {
        var subscriptions: [Subscription] = []
        var title: String?
        var sawRoot = false
        var problem: XMLProblem?
        /// The open outlines: a folder's title, or nil for a feed (outlines inside a feed are
        /// not in a folder of it).
        private var outlines: [String?] = []
        private var path: [String] = []
        private var text = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            if !sawRoot {
                sawRoot = true
                if name.lowercased() != "opml" {
                    problem = XMLProblem(message: "not an OPML file (it starts with <\(name)>)", line: parser.lineNumber,
                                         column: parser.columnNumber)
                    parser.abortParsing()
                }
            }
            path.append(name)
            text = ""
            guard name == "outline" else { return }
            let value = { (key: String) -> String? in
                let found = attributes[key] ?? attributes.first { $0.key.lowercased() == key.lowercased() }?.value
                let clean = found.map(PageText.clean) ?? ""
                return clean.isEmpty ? nil : clean
            }
            let label = value("title") ?? value("text")
            if let url = value("xmlUrl") {
                let folder = outlines.compactMap { $0 }
                subscriptions.append(Subscription(url: url, title: label, siteURL: value("htmlUrl"), folder: folder,
                                                  categories: value("category")))
                outlines.append(nil)
            } else {
                outlines.append(label)
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "outline" { _ = outlines.popLast() }
            if name == "title", path.suffix(2) == ["head", "title"] {
                let clean = PageText.clean(text)
                title = clean.isEmpty ? nil : clean
            }
            _ = path.popLast()
        }

        func parser(_ parser: XMLParser, parseErrorOccurred error: Error) {
            if problem == nil, let found = XMLProblem(parser: parser, error: error) { problem = found }
        }
    }
}
