import Foundation
import LocalHTTPServer
import XCTest

/// `cable add` end to end: the real binary fetching from a server the test starts on
/// 127.0.0.1, into a temporary library.
final class CLIAddTests: XCTestCase {
    /// A page of the kind news sites serve, numbered so that each is a different article.
    static func page(_ number: Int) -> String {
        """
        <!DOCTYPE html><html><head><meta charset="utf-8">
        <title>Port Talks Resume for the \(number)th Time | Harbour Gazette</title>
        <meta property="og:site_name" content="Harbour Gazette">
        <link rel="canonical" href="https://harbourgazette.example/ports/talks-\(number)">
        <meta property="article:published_time" content="2024-05-\(String(format: "%02d", number % 28 + 1))T08:00:00Z">
        </head><body><nav><a href="/">Home</a> <a href="/ports">Ports</a></nav>
        <article><h1>Port Talks Resume for the \(number)th Time</h1>
        <p>Negotiators from the two port authorities met again on Tuesday, round \(number) of talks that began in the spring, to settle how berths at the shared terminal are allocated.</p>
        <p>"We are closer than we were, but closer is not a deal," said Harbour Commissioner Ilse Brandt after the meeting, adding that both sides had agreed to publish their traffic figures.</p>
        </article><footer>&copy; Harbour Gazette</footer></body></html>
        """
    }

    private var server: LocalHTTPServer!

    override func setUpWithError() throws {
        server = try LocalHTTPServer { path in
            if path.hasPrefix("/story/"), let number = Int(path.dropFirst(7)) { return .html(Self.page(number)) }
            switch path {
            case "/moved": return .redirect(to: "/story/1")
            case "/missing": return LocalHTTPServer.Response(status: 404)
            case "/photo.jpg": return LocalHTTPServer.Response(headers: [("Content-Type", "image/jpeg")], body: Data([0xFF, 0xD8]))
            default: return LocalHTTPServer.Response(status: 404)
            }
        }
    }

    override func tearDown() {
        server.stop()
    }

    private func libraryFiles(_ cli: CLIHarness) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: cli.library.path).sorted()
    }

    func testAddSavesPagesWithTheirAddressAndSaysWhyOthersFailed() throws {
        let cli = try CLIHarness()
        let base = server.base
        let result = try cli.run(["add", base + "/story/1", base + "/missing", base + "/photo.jpg", "ftp://example.org/x"])
        XCTAssertEqual(result.status, 1, "an address failed: status 1")
        XCTAssertTrue(result.stdout.contains("added \(base)/story/1 -> Port Talks Resume for the 1th Time.html"), result.stdout)
        XCTAssertTrue(result.stderr.contains("failed \(base)/missing: the server answered 404"), result.stderr)
        XCTAssertTrue(result.stderr.contains("failed \(base)/photo.jpg: not a web page (content type image/jpeg)"), result.stderr)
        XCTAssertTrue(result.stderr.contains("failed ftp://example.org/x: only http and https"), result.stderr)
        XCTAssertEqual(try libraryFiles(cli), ["Port Talks Resume for the 1th Time.html"], "nothing half-written or hidden left")

        let saved = try String(contentsOf: cli.library.appendingPathComponent("Port Talks Resume for the 1th Time.html"), encoding: .utf8)
        let address = "\(base)/story/1"
        XCTAssertEqual(saved, "<!-- saved from url=(\(String(format: "%04d", address.utf8.count)))\(address) -->\n" + Self.page(1),
                       "the page is kept as it arrived, after the saved-from line")

        let listed = try cli.json(["list"]) as? [[String: Any]]
        XCTAssertEqual(listed?.first?["title"] as? String, "Port Talks Resume for the 1th Time")
    }

    func testASecondAddOfTheSameAddressAddsNothing() throws {
        let cli = try CLIHarness()
        XCTAssertEqual(try cli.run(["add", server.base + "/story/2"]).status, 0)
        let again = try cli.run(["add", server.base + "/story/2", server.base + "/story/2"])
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(again.stderr.contains("already in the library: \(server.base)/story/2"), again.stderr)
        XCTAssertTrue(again.stderr.contains("0 added, 2 already in the library, 0 failed"), again.stderr)
        XCTAssertEqual(try libraryFiles(cli).count, 1)
    }

    func testARedirectedAddressIsRecordedAsWhereThePageCameFrom() throws {
        let cli = try CLIHarness()
        XCTAssertEqual(try cli.run(["add", server.base + "/moved"]).status, 0)
        let again = try cli.run(["add", server.base + "/story/1"])
        XCTAssertTrue(again.stderr.contains("already in the library"), "the page behind the redirect is known: \(again.stderr)")
        let saved = try String(contentsOf: cli.library.appendingPathComponent(try libraryFiles(cli)[0]), encoding: .utf8)
        XCTAssertTrue(saved.hasPrefix("<!-- saved from url=("), saved)
        XCTAssertTrue(saved.components(separatedBy: "\n")[0].hasSuffix("\(server.base)/story/1 -->"))
    }

    /// Issue 13's bar: 200 pages from a local server, all saved and listed with outlet and
    /// address; a second add of the same addresses adds nothing.
    func testTwoHundredPages() throws {
        let cli = try CLIHarness()
        let addresses = (1...200).map { "\(server.base)/story/\($0)" }
        let first = try cli.run(["add"] + addresses)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stderr.contains("200 added, 0 already in the library, 0 failed"), first.stderr)
        let count = try cli.run(["list", "--count"])
        XCTAssertEqual(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "200")

        let files = try libraryFiles(cli)
        XCTAssertEqual(files.count, 200)
        let output = try cli.run(["parse", "--json"] + files.map { cli.library.appendingPathComponent($0).path },
                                 useLibraryOption: false)
        let parsed = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]]
        XCTAssertEqual(parsed?.count, 200)
        for article in parsed ?? [] {
            XCTAssertEqual(article["source"] as? String, "Harbour Gazette")
            XCTAssertTrue((article["url"] as? String)?.hasPrefix("https://harbourgazette.example/ports/talks-") ?? false)
        }

        let second = try cli.run(["add"] + addresses)
        XCTAssertEqual(second.status, 0)
        XCTAssertTrue(second.stderr.contains("0 added, 200 already in the library, 0 failed"), second.stderr)
        XCTAssertEqual(try libraryFiles(cli).count, 200)
    }
}
