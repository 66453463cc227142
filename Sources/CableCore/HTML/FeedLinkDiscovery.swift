import Foundation

/// The feeds a web page names for itself: `<link rel="alternate" type="application/rss+xml"
/// href="…">` (or Atom's, or RDF's) in its head, as browsers and feed readers find them.
public enum FeedLinkDiscovery {
    static let feedTypes: Set<String> = ["application/rss+xml", "application/atom+xml", "application/rdf+xml"]

    /// The absolute http(s) addresses of the page's feeds, in page order, without repeats;
    /// relative ones resolved against `<base href>`, else `address`.
    public static func feeds(inPage data: Data, address: URL) -> [URL] {
        let raw = [UInt8](data)
        let encoding = PageEncoding.decide(raw)
        let document = HTMLDocument.parse(encoding.bytes)
        let base = document.elements(named: "base").lazy.compactMap { document.nodes[$0].attribute("href") }.first
            .flatMap { WebAddress.absolute($0, base: address.absoluteString) } ?? address.absoluteString
        var found: [URL] = []
        for index in document.elements(named: "link") {
            let node = document.nodes[index]
            let rel = node.attribute("rel")?.lowercased().split(separator: " ") ?? []
            let type = node.attribute("type").map { $0.lowercased().split(separator: ";").first.map(String.init) ?? "" }
            guard rel.contains("alternate"), let type, feedTypes.contains(type.trimmingCharacters(in: .whitespaces)),
                  let href = node.attribute("href"), let absolute = WebAddress.absolute(href, base: base),
                  let url = URL(string: absolute), !found.contains(url) else { continue }
            found.append(url)
        }
        return found
    }
}
