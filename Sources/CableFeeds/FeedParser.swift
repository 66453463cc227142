import CableCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads RSS 2.0 (and the 0.9x it grew from), RSS 1.0 (RDF) and Atom 1.0 with an XML parser
/// (FoundationXML's `XMLParser`, libxml2 underneath): namespaces resolved, `xml:base`
/// applied to links, external entities never fetched. A document that is not well-formed
/// is refused with the place it breaks; an undeclared namespace prefix (a common slip) is
/// read past, the usual prefixes standing for their usual namespaces.
public enum FeedParser {
    /// Items read from one feed; the rest are left with a warning.
    public static let maximumItems = 10_000

    /// `address` is where the feed came from: relative links resolve against it.
    public static func parse(_ data: Data, address: URL) throws -> Feed {
        // Whitespace before the XML declaration is a fatal error to libxml2 and a common slip.
        let start = data.firstIndex { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } ?? data.endIndex
        let reader = FeedReader(address: address)
        let parser = XMLParser(data: data[start...])
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        let finished = parser.parse()
        if let refusal = reader.refusal { throw refusal }
        if let problem = reader.problem { throw FeedError.malformed(problem) }
        if !finished, let problem = XMLProblem(parser: parser, error: parser.parserError) {
            throw FeedError.malformed(problem)
        }
        guard let feed = reader.feed else { throw FeedError.notAFeed("the document is empty") }
        return feed
    }
}

/// An element's name: its namespace, as one of the vocabularies read, and its local name.
struct XMLName: Equatable {
    enum Vocabulary: Equatable {
        /// RSS 0.9x/2.0 elements are in no namespace.
        case none, rss1, atom, rdf, dublinCore, content, other
    }

    var vocabulary: Vocabulary
    var local: String

    static let namespaces: [String: Vocabulary] = [
        "http://purl.org/rss/1.0/": .rss1, "http://www.w3.org/2005/Atom": .atom,
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#": .rdf, "http://purl.org/dc/elements/1.1/": .dublinCore,
        "http://purl.org/rss/1.0/modules/content/": .content,
    ]
    /// What an undeclared prefix is taken to mean.
    static let usualPrefixes: [String: Vocabulary] = [
        "atom": .atom, "rdf": .rdf, "dc": .dublinCore, "content": .content,
    ]

    init(_ vocabulary: Vocabulary, _ local: String) {
        self.vocabulary = vocabulary
        self.local = local
    }

    init(local: String, namespace: String?, qualified: String?) {
        self.local = local
        if let namespace, !namespace.isEmpty {
            vocabulary = Self.namespaces[namespace] ?? .other
        } else if let qualified, let colon = qualified.firstIndex(of: ":") {
            vocabulary = Self.usualPrefixes[String(qualified[..<colon])] ?? .other
        } else {
            vocabulary = .none
        }
    }
}
