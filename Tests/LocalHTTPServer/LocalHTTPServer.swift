import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small HTTP/1.1 server on 127.0.0.1 (a port the system picks) for the fetching tests:
/// each connection gets one response from the handler, then is closed. Only this machine
/// is ever reached. Blocking sockets, a thread per connection; every wait is bounded.
public final class LocalHTTPServer: @unchecked Sendable {
    public struct Response: Sendable {
        public var status: Int
        public var headers: [(String, String)]
        public var body: Data
        /// Seconds to wait before answering (a slow server).
        public var delay: TimeInterval = 0
        /// Send this many bytes of filler as the body, without a length (a huge page).
        public var streamedBytes: Int?
        /// Whether to declare `Content-Length` (false for a body that ends when the connection does).
        public var declaresLength = true

        public init(status: Int = 200, headers: [(String, String)] = [("Content-Type", "text/html; charset=utf-8")],
                    body: Data = Data()) {
            self.status = status
            self.headers = headers
            self.body = body
        }

        public static func html(_ text: String) -> Response { Response(body: Data(text.utf8)) }

        public static func redirect(to location: String, status: Int = 302) -> Response {
            Response(status: status, headers: [("Location", location)], body: Data())
        }
    }

    /// A request as the handler sees it: the path (with its query) and the headers, names
    /// in lower case.
    public struct Request: Sendable {
        public var path: String
        public var headers: [String: String]
    }

    public typealias Handler = @Sendable (_ path: String) -> Response
    public typealias RequestHandler = @Sendable (_ request: Request) -> Response

    public let port: UInt16
    /// The loopback address it listens on (127.0.0.1, or another of 127/8 to stand for a
    /// second host).
    public let address: String
    public var base: String { "http://\(address):\(port)" }
    private let listener: Int32
    private let handler: RequestHandler
    private let lock = NSLock()
    private var stopped = false
    private var served = 0
    private var inFlight = 0
    private var peakInFlight = 0
    private var paths: [String] = []

    public convenience init(handler: @escaping Handler) throws {
        try self.init(address: "127.0.0.1") { request in handler(request.path) }
    }

    public init(address: String = "127.0.0.1", requestHandler: @escaping RequestHandler) throws {
        precondition(address.hasPrefix("127."), "the test server listens on the loopback only")
        self.address = address
        self.handler = requestHandler
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError.socket(errno) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr(self.address)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            close(fd)
            throw ServerError.socket(errno)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    /// How many requests were answered.
    public var requests: Int { lock.withLock { served } }

    /// The paths asked for, in order of arrival.
    public var requestedPaths: [String] { lock.withLock { paths } }

    /// The most requests received and not yet being answered at once (each waits out its delay).
    public var peakConcurrentRequests: Int { lock.withLock { peakInFlight } }

    public func stop() {
        let wasRunning: Bool = lock.withLock {
            defer { stopped = true }
            return !stopped
        }
        guard wasRunning else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    public enum ServerError: Error { case socket(Int32) }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if lock.withLock({ stopped }) { return }
                if errno == EINTR { continue }
                return
            }
            let thread = Thread { [self] in serve(connection) }
            thread.start()
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let request = readRequest(connection) else { return }
        lock.withLock {
            served += 1
            inFlight += 1
            peakInFlight = max(peakInFlight, inFlight)
            paths.append(request.path)
        }
        let response = handler(request)
        if response.delay > 0 { Thread.sleep(forTimeInterval: response.delay) }
        // A request is in flight until its answer begins: once the last byte is sent the client
        // may start its next request before this thread runs again, and counting to the end of
        // the answer would then see one request too many on a loaded machine.
        lock.withLock { inFlight -= 1 }
        var head = "HTTP/1.1 \(response.status) \(reason(response.status))\r\nConnection: close\r\n"
        for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
        if response.streamedBytes == nil, response.declaresLength { head += "Content-Length: \(response.body.count)\r\n" }
        head += "\r\n"
        guard send(connection, Data(head.utf8)) else { return }
        if let total = response.streamedBytes {
            let filler = Data(repeating: UInt8(ascii: "x"), count: 65_536)
            var sent = 0
            while sent < total, send(connection, filler) { sent += filler.count }
        } else {
            _ = send(connection, response.body)
        }
    }

    private func readRequest(_ connection: Int32) -> Request? {
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while received.count < 65_536 {
            let count = recv(connection, &buffer, buffer.count, 0)
            if count <= 0 { return nil }
            received.append(contentsOf: buffer[0..<count])
            if received.range(of: Data("\r\n\r\n".utf8)) != nil { break }
        }
        let lines = String(decoding: received, as: UTF8.self).components(separatedBy: "\r\n")
        let parts = (lines.first ?? "").split(separator: " ")
        guard parts.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Request(path: String(parts[1]), headers: headers)
    }

    private func send(_ connection: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                #if canImport(Glibc)
                let written = Glibc.send(connection, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                #else
                let written = Darwin.send(connection, raw.baseAddress! + offset, raw.count - offset, 0)
                #endif
                if written <= 0 { return false }
                offset += written
            }
            return true
        }
    }

    private func reason(_ status: Int) -> String {
        [200: "OK", 301: "Moved Permanently", 302: "Found", 304: "Not Modified", 307: "Temporary Redirect",
         404: "Not Found", 500: "Internal Server Error", 503: "Service Unavailable"][status] ?? "Status"
    }
}
