import Foundation
import LocalHTTPServer

/// A news site for the fetch tests, served on 127.0.0.1: feeds and pages set per path (and
/// changed while a test runs), ETag validation for the paths that have one, and a count of
/// what was asked for.
final class FeedSite: @unchecked Sendable {
    private let lock = NSLock()
    private var routes: [String: LocalHTTPServer.Response] = [:]
    /// Responses to give, in turn, before the route's own (a server failing, then well).
    private var sequences: [String: [LocalHTTPServer.Response]] = [:]
    private var etags: [String: String] = [:]
    private var latency: TimeInterval
    private(set) var server: LocalHTTPServer!

    init(address: String = "127.0.0.1", latency: TimeInterval = 0) throws {
        self.latency = latency
        server = try LocalHTTPServer(address: address) { [unowned self] request in self.answer(request) }
    }

    deinit { server.stop() }

    var base: String { server.base }

    func url(_ path: String) -> String { base + path }

    func set(_ path: String, _ response: LocalHTTPServer.Response, etag: String? = nil) {
        lock.withLock {
            routes[path] = response
            etags[path] = etag
        }
    }

    func feed(_ path: String, _ xml: String, etag: String? = nil) {
        set(path, LocalHTTPServer.Response(headers: [("Content-Type", "application/rss+xml; charset=utf-8")],
                                           body: Data(xml.utf8)), etag: etag)
    }

    func page(_ path: String, title: String, body: String = "") {
        set(path, .html(Self.page(title: title, body: body)))
    }

    func failFirst(_ path: String, with responses: [LocalHTTPServer.Response]) {
        lock.withLock { sequences[path] = responses }
    }

    /// How many requests asked for `path`.
    func requests(_ path: String) -> Int {
        server.requestedPaths.filter { $0 == path }.count
    }

    var pageRequests: Int {
        server.requestedPaths.filter { $0.hasPrefix("/story") }.count
    }

    private func answer(_ request: LocalHTTPServer.Request) -> LocalHTTPServer.Response {
        let (response, etag): (LocalHTTPServer.Response?, String?) = lock.withLock {
            if var queued = sequences[request.path], !queued.isEmpty {
                let first = queued.removeFirst()
                sequences[request.path] = queued
                return (first, nil)
            }
            return (routes[request.path], etags[request.path])
        }
        var answer = response ?? LocalHTTPServer.Response(status: 404, body: Data("<h1>Not found</h1>".utf8))
        if let etag {
            if request.headers["if-none-match"] == etag {
                answer = LocalHTTPServer.Response(status: 304, headers: [("ETag", etag)], body: Data())
            } else {
                answer.headers.append(("ETag", etag))
            }
        }
        answer.delay = max(answer.delay, latency)
        return answer
    }

    static func page(title: String, body: String = "") -> String {
        """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>\(title)</title></head>
        <body><article><h1>\(title)</h1>
        <p>\(body.isEmpty ? "Officials met on Tuesday to discuss \(title.lowercased()), the latest round of talks that began in the spring, and agreed to meet again." : body)</p>
        </article></body></html>
        """
    }

    /// An RSS 2.0 feed of items `(guid, path, title)`; a nil guid leaves it out.
    static func rss(title: String, items: [(guid: String?, path: String, title: String)], base: String,
                    extra: String = "") -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>\(title)</title>"
            + "<link>\(base)/</link>"
        for item in items {
            xml += "<item><title>\(item.title)</title><link>\(base)\(item.path)</link>"
            if let guid = item.guid { xml += "<guid isPermaLink=\"false\">\(guid)</guid>" }
            xml += "<pubDate>Tue, 10 Jun 2003 04:00:00 +0200</pubDate><category>Ports</category>\(extra)</item>"
        }
        return xml + "</channel></rss>"
    }
}
