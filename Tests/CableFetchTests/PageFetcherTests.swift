import CableCore
@testable import CableFetch
import Foundation
import LocalHTTPServer
import XCTest

/// `PageFetcher` against a server started on 127.0.0.1: every behaviour `cable add` relies
/// on, including the bad ones a real server shows (slow, missing, failing, redirecting in
/// circles, compressed, huge, mislabelled, not a page).
final class PageFetcherTests: XCTestCase {
    static let page = """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>Grain Convoy Reaches Constanța | Riverside Dispatch</title></head>
        <body><h1>Grain Convoy Reaches Constanța</h1><p>A convoy of eleven barges reached Constanța on Sunday, the first at that scale since the autumn.</p></body></html>
        """

    private var server: LocalHTTPServer!

    override func setUpWithError() throws {
        let page = Data(Self.page.utf8)
        let gzipped = try Self.gzip(page)
        server = try LocalHTTPServer { path in
            switch path {
            case "/page.html": return .html(Self.page)
            case "/missing": return LocalHTTPServer.Response(status: 404, body: Data("<h1>Not found</h1>".utf8))
            case "/broken": return LocalHTTPServer.Response(status: 500, body: Data("<h1>Oops</h1>".utf8))
            case "/moved": return .redirect(to: "/page.html")
            case "/loop-a": return .redirect(to: "/loop-b")
            case "/loop-b": return .redirect(to: "/loop-a")
            case "/to-file": return .redirect(to: "file:///etc/passwd")
            case "/slow":
                var response = LocalHTTPServer.Response.html(Self.page)
                response.delay = 3
                return response
            case "/gzip":
                return LocalHTTPServer.Response(
                    headers: [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")], body: gzipped)
            case "/declared-huge":
                var response = LocalHTTPServer.Response.html("")
                response.headers.append(("Content-Length", "104857600"))
                response.declaresLength = false
                return response
            case "/streamed-huge":
                var response = LocalHTTPServer.Response.html("")
                response.streamedBytes = 3 * 1_048_576
                return response
            case "/image.png":
                return LocalHTTPServer.Response(headers: [("Content-Type", "image/png")], body: Data([0x89, 0x50, 0x4E, 0x47]))
            case "/untyped-page": return LocalHTTPServer.Response(headers: [], body: page)
            case "/untyped-text": return LocalHTTPServer.Response(headers: [], body: Data("just some words".utf8))
            case "/wrong-charset":
                // The header and the page both say Latin-1; the bytes are UTF-8.
                let text = Self.page.replacingOccurrences(of: "charset=\"utf-8\"", with: "charset=\"iso-8859-1\"")
                return LocalHTTPServer.Response(headers: [("Content-Type", "text/html; charset=iso-8859-1")], body: Data(text.utf8))
            default:
                if path.hasPrefix("/chain/"), let step = Int(path.dropFirst(7)) {
                    return step == 0 ? .html(Self.page) : .redirect(to: "/chain/\(step - 1)")
                }
                return LocalHTTPServer.Response(status: 404)
            }
        }
    }

    override func tearDown() {
        server.stop()
    }

    private func fetch(_ path: String, policy: FetchPolicy = FetchPolicy()) -> Result<FetchedPage, FetchError> {
        PageFetcher(policy: policy).fetch(URL(string: server.base + path)!)
    }

    private func failure(_ result: Result<FetchedPage, FetchError>) -> FetchError? {
        if case .failure(let error) = result { return error }
        return nil
    }

    func testAPageArrivesAsSent() throws {
        let page = try fetch("/page.html").get()
        XCTAssertEqual(page.body, Data(Self.page.utf8))
        XCTAssertEqual(page.final.path, "/page.html")
        XCTAssertEqual(page.contentType, "text/html; charset=utf-8")
    }

    func testErrorStatusesAreRefusedWithTheStatus() {
        XCTAssertEqual(failure(fetch("/missing")), .httpStatus(404))
        XCTAssertEqual(failure(fetch("/broken")), .httpStatus(500))
        XCTAssertTrue(FetchError.httpStatus(404).description.hasPrefix("the server answered 404"))
    }

    func testRedirectsAreFollowedToThePage() throws {
        let page = try fetch("/moved").get()
        XCTAssertEqual(page.final.path, "/page.html")
        XCTAssertEqual(page.requested.path, "/moved")
        XCTAssertEqual(try fetch("/chain/5").get().final.path, "/chain/0")
    }

    func testRedirectLoopsAndLongChainsAreRefused() {
        guard case .redirectLoop = failure(fetch("/loop-a")) else { return XCTFail("a loop must be refused as one") }
        XCTAssertEqual(failure(fetch("/chain/6")), .tooManyRedirects(5))
        XCTAssertNotNil(failure(fetch("/to-file")), "a redirect to a file: address must not be followed")
    }

    func testASlowServerTimesOut() {
        var policy = FetchPolicy()
        policy.idleTimeout = 1
        let started = Date()
        guard case .timedOut = failure(fetch("/slow", policy: policy)) else { return XCTFail("expected a time-out") }
        XCTAssertLessThan(Date().timeIntervalSince(started), 2.9, "gave up before the server answered")
    }

    func testGzipIsUndone() throws {
        XCTAssertEqual(try fetch("/gzip").get().body, Data(Self.page.utf8))
    }

    func testHugeBodiesAreRefusedNotCut() {
        var policy = FetchPolicy()
        policy.maximumBytes = 1_048_576
        XCTAssertEqual(failure(fetch("/declared-huge", policy: policy)), .tooLarge(limit: 1_048_576))
        XCTAssertEqual(failure(fetch("/streamed-huge", policy: policy)), .tooLarge(limit: 1_048_576))
    }

    func testOnlyWebPagesAreTaken() throws {
        XCTAssertEqual(failure(fetch("/image.png")), .notAPage(contentType: "image/png"))
        XCTAssertEqual(try fetch("/untyped-page").get().body, Data(Self.page.utf8))
        guard case .notAPage = failure(fetch("/untyped-text")) else { return XCTFail("untyped text is not a page") }
    }

    func testAMislabelledCharsetIsReadByItsBytes() throws {
        let page = try fetch("/wrong-charset").get()
        let article = HTMLArticleReader.parse(data: SavedPageFile.contents(of: page), file: "page.html")
        XCTAssertEqual(article.title, "Grain Convoy Reaches Constanța")
        XCTAssertEqual(article.source, "Riverside Dispatch")
        XCTAssertEqual(article.url, page.final.absoluteString, "the saved-from line gives the address")
    }

    func testOnlyHTTPAndHTTPSAddressesAreFetched() {
        XCTAssertEqual(PageFetcher.webAddress("ftp://example.org/a.html").failure, .unsupportedScheme("ftp"))
        XCTAssertEqual(PageFetcher.webAddress("file:///etc/passwd").failure, .unsupportedScheme("file"))
        XCTAssertEqual(PageFetcher.webAddress("javascript:alert(1)").failure, .unsupportedScheme("javascript"))
        XCTAssertEqual(PageFetcher.webAddress("not an address").failure, .notAWebAddress("not an address"))
        XCTAssertNil(PageFetcher.webAddress("https://example.org/a").failure)
    }

    static func gzip(_ data: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-c", "-n"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(data)
        try input.fileHandleForWriting.close()
        let compressed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return compressed
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
