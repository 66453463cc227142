import CableFetch
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Why a feed (or an OPML file) could not be had, as the user is told.
public enum FeedError: Error, Equatable, CustomStringConvertible, Sendable {
    case fetch(FetchError)
    case malformed(XMLProblem)
    case notAFeed(String)
    case notOPML(String)
    case noFeedFound(String)

    public var description: String {
        switch self {
        case .fetch(let error): return error.description
        case .malformed(let problem): return problem.description
        case .notAFeed(let what): return "not a feed: \(what)"
        case .notOPML(let what): return "not an OPML file: \(what)"
        case .noFeedFound(let address): return "no feed found: \(address) is a web page that names no RSS or Atom feed"
        }
    }
}

/// A place in an XML document the parser could not get past, and why.
public struct XMLProblem: Equatable, CustomStringConvertible, Sendable {
    public var message: String
    public var line: Int
    public var column: Int

    public init(message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    /// From the parser's error; nil for what libxml2 reports but reads past (a namespace
    /// prefix never declared, as sloppy feeds have: XML errors 200-299).
    init?(parser: XMLParser, error: Error?) {
        let code = (error as NSError?)?.code ?? 0
        if (200..<300).contains(code) { return nil }
        self.init(message: Self.explain(code), line: parser.lineNumber, column: parser.columnNumber)
    }

    public var description: String { "malformed XML at line \(line), column \(column): \(message)" }

    /// libxml2's error numbers (`xmlParserErrors`) for what malformed feeds most often do.
    static func explain(_ code: Int) -> String {
        switch code {
        case 4: return "the document is empty"
        case 5: return "the document ends too soon, or goes on after its end"
        case 9: return "a character XML does not allow"
        case 23, 68: return "an & that starts no entity (write &amp;)"
        case 26: return "an entity XML does not define (such as &nbsp;)"
        case 39, 40, 41: return "a broken attribute"
        case 73, 76: return "an element closed by the wrong end tag, or never closed"
        case 77: return "the document ends inside an element"
        default: return "XML error \(code)"
        }
    }
}
