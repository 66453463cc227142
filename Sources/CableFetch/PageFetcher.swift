import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A page as the server sent it (content encodings such as gzip undone, nothing else).
public struct FetchedPage: Sendable {
    /// The address asked for, and the one the page finally came from after redirects.
    public var requested: URL
    public var final: URL
    public var body: Data
    public var contentType: String?
    /// 200 and the like, or 304 when a conditional request found the copy on hand current
    /// (the body is then empty).
    public var status = 200
    /// The validators to send next time (`If-None-Match`, `If-Modified-Since`).
    public var validators = Validators()

    public var notModified: Bool { status == 304 }
}

/// What a server said identifies its copy of a resource: sent back on the next request, they
/// let it answer 304 Not Modified instead of the whole body.
public struct Validators: Hashable, Codable, Sendable {
    public var etag: String?
    public var lastModified: String?

    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }

    public var isEmpty: Bool { etag == nil && lastModified == nil }
}

/// One fetch: the address, what is accepted, and the validators of a copy already held.
public struct FetchRequest: Sendable {
    public enum Accepts: Sendable {
        /// Web pages only (`text/html`, XHTML, or an untyped body that starts like HTML).
        case webPages
        /// Any type: the caller reads the body and decides (feeds are served under many types).
        case anything
    }

    public var url: URL
    public var accepts: Accepts
    public var validators: Validators

    public init(url: URL, accepts: Accepts = .webPages, validators: Validators = Validators()) {
        self.url = url
        self.accepts = accepts
        self.validators = validators
    }
}

/// Fetches web pages over HTTP(S) with URLSession, within a `FetchPolicy`: http and https
/// only, a bounded number of redirects (and none in a loop), time-outs, a size limit checked
/// as the bytes arrive, and web pages only.
public struct PageFetcher: Sendable {
    public var policy: FetchPolicy

    public init(policy: FetchPolicy = FetchPolicy()) {
        self.policy = policy
    }

    /// Checks that `text` is an http(s) address before anything is fetched.
    public static func webAddress(_ text: String) -> Result<URL, FetchError> {
        guard let url = URL(string: text.trimmingCharacters(in: .whitespaces)), let scheme = url.scheme?.lowercased() else {
            return .failure(.notAWebAddress(text))
        }
        guard FetchPolicy.schemes.contains(scheme) else { return .failure(.unsupportedScheme(scheme)) }
        guard url.host?.isEmpty == false else { return .failure(.notAWebAddress(text)) }
        return .success(url)
    }

    /// Fetches one page; blocks until it has arrived or failed.
    public func fetch(_ url: URL) -> Result<FetchedPage, FetchError> {
        fetch(FetchRequest(url: url))
    }

    /// Fetches what `request` asks for; blocks until it has arrived or failed. With
    /// validators, a 304 answer is a success whose page is `notModified`.
    public func fetch(_ request: FetchRequest) -> Result<FetchedPage, FetchError> {
        let url = request.url
        let transfer = Transfer(request: request, policy: policy)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = policy.idleTimeout
        configuration.timeoutIntervalForResource = policy.totalTimeout
        configuration.httpAdditionalHeaders = [
            "User-Agent": policy.userAgent,
            "Accept": request.accepts == .webPages ? FetchPolicy.pageAccept : FetchPolicy.feedAccept,
        ]
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        let session = URLSession(configuration: configuration, delegate: transfer, delegateQueue: queue)
        defer { session.finishTasksAndInvalidate() }
        var urlRequest = URLRequest(url: url)
        if let etag = request.validators.etag { urlRequest.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let date = request.validators.lastModified {
            urlRequest.setValue(date, forHTTPHeaderField: "If-Modified-Since")
        }
        session.dataTask(with: urlRequest).resume()
        return transfer.wait()
    }
}

/// One fetch's state, driven by URLSession's delegate calls (on one serial queue) and waited
/// for by the caller.
private final class Transfer: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let requested: URL
    let request: FetchRequest
    let policy: FetchPolicy
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var body = Data()
    private var visited: Set<String>
    private var redirects = 0
    private var refusal: FetchError?
    private var response: HTTPURLResponse?
    private var outcome: Result<FetchedPage, FetchError>?

    init(request: FetchRequest, policy: FetchPolicy) {
        self.requested = request.url
        self.request = request
        self.policy = policy
        self.visited = [request.url.absoluteString]
    }

    func wait() -> Result<FetchedPage, FetchError> {
        done.wait()
        return lock.withLock { outcome ?? .failure(.network("the fetch ended without an answer")) }
    }

    private func refuse(_ error: FetchError, _ task: URLSessionTask) {
        record(error)
        task.cancel()
    }

    /// The first reason to refuse the page is the one reported.
    private func record(_ error: FetchError) {
        lock.withLock { if refusal == nil { refusal = error } }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        guard let next = request.url else { return completionHandler(nil) }
        let problem: FetchError? = lock.withLock {
            redirects += 1
            if !FetchPolicy.schemes.contains(next.scheme?.lowercased() ?? "") {
                return .redirectToUnsupportedScheme(next.absoluteString)
            }
            if !visited.insert(next.absoluteString).inserted { return .redirectLoop(next.absoluteString) }
            if redirects > policy.maximumRedirects { return .tooManyRedirects(policy.maximumRedirects) }
            return nil
        }
        if let problem {
            // Declining the redirect ends the task with the redirect response itself
            // (cancelling here as well would answer the redirect twice).
            record(problem)
            completionHandler(nil)
        } else {
            completionHandler(request)
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        // A refused response is declined through the handler alone (the task then ends by
        // itself); cancelling the task as well would end it twice.
        guard let http = response as? HTTPURLResponse else {
            record(.network("not an HTTP response"))
            return completionHandler(.cancel)
        }
        lock.withLock { self.response = http }
        if let problem = problem(with: http) {
            record(problem)
            return completionHandler(.cancel)
        }
        completionHandler(.allow)
    }

    /// Why a response's head already rules the page out: an error status (a 304 is fine when
    /// it was asked for), a type that is not a web page, a declared length over the limit.
    private func problem(with http: HTTPURLResponse) -> FetchError? {
        if http.statusCode == 304, !request.validators.isEmpty { return nil }
        if !(200..<300).contains(http.statusCode) { return .httpStatus(http.statusCode) }
        if request.accepts == .webPages, let type = http.value(forHTTPHeaderField: "Content-Type").map(Self.mediaType),
           !FetchPolicy.pageTypes.contains(type) {
            return .notAPage(contentType: type)
        }
        if http.expectedContentLength > policy.maximumBytes { return .tooLarge(limit: policy.maximumBytes) }
        return nil
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let tooLarge: Bool = lock.withLock {
            body.append(data)
            return body.count > policy.maximumBytes
        }
        if tooLarge { refuse(.tooLarge(limit: policy.maximumBytes), dataTask) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        lock.withLock {
            if let refusal {
                outcome = .failure(refusal)
            } else if let error {
                outcome = .failure(Self.describe(error, policy: policy))
            } else if let response {
                let contentType = response.value(forHTTPHeaderField: "Content-Type")
                if request.accepts == .webPages, response.statusCode != 304, contentType == nil, !Self.looksLikeHTML(body) {
                    outcome = .failure(.notAPage(contentType: "none, and the body is not HTML"))
                } else {
                    let validators = Validators(etag: response.value(forHTTPHeaderField: "ETag"),
                                                lastModified: response.value(forHTTPHeaderField: "Last-Modified"))
                    outcome = .success(FetchedPage(requested: requested, final: response.url ?? requested,
                                                   body: body, contentType: contentType,
                                                   status: response.statusCode, validators: validators))
                }
            } else {
                outcome = .failure(.network("no response"))
            }
        }
        done.signal()
    }

    /// `text/html; charset=utf-8` → `text/html`.
    static func mediaType(_ header: String) -> String {
        header.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    }

    /// A body with no content type is taken as a page when it starts like one.
    static func looksLikeHTML(_ body: Data) -> Bool {
        let head = String(decoding: body.prefix(1024), as: UTF8.self).lowercased()
        return head.contains("<!doctype html") || head.contains("<html") || head.contains("<head") || head.contains("<body")
    }

    static func describe(_ error: Error, policy: FetchPolicy) -> FetchError {
        let nsError = error as NSError
        if nsError.domain == NSURLErrorDomain {
            switch nsError.code {
            case NSURLErrorTimedOut: return .timedOut(idle: policy.idleTimeout, total: policy.totalTimeout)
            case NSURLErrorHTTPTooManyRedirects: return .tooManyRedirects(policy.maximumRedirects)
            case NSURLErrorCannotFindHost: return .network("cannot find the server (no such host)")
            case NSURLErrorCannotConnectToHost: return .network("cannot connect to the server")
            default: break
            }
        }
        return .network(nsError.localizedDescription)
    }
}
