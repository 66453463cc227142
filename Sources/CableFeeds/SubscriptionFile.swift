import CableCore
import Foundation

/// The user's subscriptions: `$XDG_CONFIG_HOME/cable/feeds.opml`, plain OPML 2.0 to edit by
/// hand, back up, or take to another reader. Read whole and written whole, atomically (a
/// temporary file renamed over it), so a reader never sees half of it. A file that does not
/// read is reported with its line and never written over.
public struct SubscriptionFile: Sendable {
    public let url: URL

    public init(url: URL) {
        self.url = url
    }

    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> SubscriptionFile {
        SubscriptionFile(url: XDG.configHome(environment).appendingPathComponent("cable/feeds.opml"))
    }

    /// The subscriptions; none when the file does not exist yet.
    public func load() throws -> SubscriptionList {
        guard FileManager.default.fileExists(atPath: url.path) else { return SubscriptionList() }
        do {
            return try OPML.read(try Data(contentsOf: url))
        } catch let error as FeedError {
            throw SubscriptionFileError(path: url.path, reason: error.description)
        }
    }

    public func save(_ list: SubscriptionList) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try OPML.write(list).write(to: url, options: .atomic)
    }
}

/// A subscription file that cannot be read, and why.
public struct SubscriptionFileError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "\(path): \(reason) (fix or move the file; Cable will not write over it)" }
}
