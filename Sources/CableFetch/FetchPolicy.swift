import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The limits of one fetch: what `cable add` will follow, wait for and accept.
public struct FetchPolicy: Sendable {
    /// Redirects followed before giving up.
    public var maximumRedirects = 5
    /// Seconds without a byte before the fetch is given up (connecting included).
    public var idleTimeout: TimeInterval = 20
    /// Seconds for the whole fetch.
    public var totalTimeout: TimeInterval = 60
    /// Bytes of body accepted; a larger page is refused, not cut.
    public var maximumBytes = 10 * 1_048_576
    public var userAgent = "Cable/1.0 (terminal news reader)"

    public init() {}

    /// Content types taken as a web page. A response without one is sniffed instead.
    static let pageTypes: Set<String> = ["text/html", "application/xhtml+xml"]

    /// The `Accept` headers for a page and for a feed.
    static let pageAccept = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
    static let feedAccept = "application/rss+xml,application/atom+xml,application/rdf+xml;q=0.9,"
        + "application/xml;q=0.8,text/xml;q=0.8,*/*;q=0.1"

    /// Schemes `cable add` fetches; anything else (file:, ftp:, javascript:) is refused.
    static let schemes: Set<String> = ["http", "https"]
}

/// Why a page could not be fetched, as the user is told.
public enum FetchError: Error, Equatable, CustomStringConvertible, Sendable {
    case notAWebAddress(String)
    case unsupportedScheme(String)
    case httpStatus(Int)
    case tooManyRedirects(Int)
    case redirectLoop(String)
    case redirectToUnsupportedScheme(String)
    case timedOut(idle: TimeInterval, total: TimeInterval)
    case tooLarge(limit: Int)
    case notAPage(contentType: String)
    case network(String)

    public var description: String {
        switch self {
        case .notAWebAddress(let text): return "not a web address: \(text)"
        case .unsupportedScheme(let scheme): return "only http and https addresses are fetched, not \(scheme):"
        case .httpStatus(let status):
            return "the server answered \(status) \(HTTPURLResponse.localizedString(forStatusCode: status))"
        case .tooManyRedirects(let limit): return "more than \(limit) redirects"
        case .redirectLoop(let address): return "redirect loop (back to \(address))"
        case .redirectToUnsupportedScheme(let address): return "redirected to a non-web address: \(address)"
        case .timedOut(let idle, let total):
            return "timed out (nothing for \(Int(idle)) s, or longer than \(Int(total)) s in all)"
        case .tooLarge(let limit): return "larger than \(limit / 1_048_576) MB"
        case .notAPage(let type): return "not a web page (content type \(type))"
        case .network(let reason): return reason
        }
    }

    /// Whether trying again later may succeed: a time-out, a server error (5xx), or a server
    /// asking to be left alone for a while (429).
    public var isTransient: Bool {
        switch self {
        case .timedOut: return true
        case .httpStatus(let status): return status == 429 || (500..<600).contains(status)
        default: return false
        }
    }
}
