import CLibXML2
import Foundation

extension HTMLDocument {
    /// Elements whose content is never read as page text: their subtrees are left out of the
    /// tree (JSON-LD scripts keep their text aside, in `jsonLD`).
    static let unreadElements: Set<String> = [
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
        "canvas", "video", "audio", "select", "textarea", "button",
    ]

    /// libxml2 is set up once for the process before any thread parses (it is thread-safe
    /// per document after that).
    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// libxml2 reports some problems on standard error whatever the parse options say (bytes
    /// that do not fit the page's charset: "encoding error : input conversion failed"); none of
    /// it may reach the user's terminal, or the reader's screen during a background sync. Its
    /// handler is per thread, so it is set before each parse.
    private static let ignoreError: xmlStructuredErrorFunc = { _, _ in }

    /// Parses an HTML page with libxml2's forgiving HTML parser (tag soup, unclosed and
    /// misnested tags, entities) and copies what is needed into plain values; the libxml2
    /// document is freed before this returns. `bytes` are UTF-8 (`PageEncoding` makes them so);
    /// libxml2 is told to ignore what the page declares about its charset.
    static func parse(_ bytes: [UInt8]) -> HTMLDocument {
        _ = initialised
        xmlSetStructuredErrorFunc(nil, ignoreError)
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
            | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        let document: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(clamping: chars.count), nil, "UTF-8", options)
            }
        }
        guard let document else { return HTMLDocument(nodes: [], jsonLD: []) }
        defer { xmlFreeDoc(document) }
        return build(from: document)
    }

    /// Walks libxml2's tree without recursion (pages can nest thousands deep) and records
    /// each element and text node in preorder.
    private static func build(from document: htmlDocPtr) -> HTMLDocument {
        var result = HTMLDocument(nodes: [], jsonLD: [])
        // (libxml2 node, index of its parent in `nodes`), next to visit last.
        var stack: [(xmlNodePtr, Int)] = []
        var open: [Int] = []  // elements whose `end` is not yet known, outermost first
        // The page is its root element (comments and the doctype beside it are not read).
        if let root = xmlDocGetRootElement(document) { stack.append((root, -1)) }
        while let (node, parent) = stack.popLast() {
            // `open` is the path from the root to the node last opened; the parent is on it.
            // Close the elements this node is not inside.
            while let last = open.last, last != parent {
                result.nodes[last].end = result.nodes.count
                open.removeLast()
            }
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                // (libxml2's HTML parser gives element names in lower case.)
                let name = node.pointee.name.map { String(cString: $0) } ?? ""
                let index = result.nodes.count
                var element = Node(name: name, text: "", attributes: attributes(of: node, element: name), parent: parent, end: index + 1)
                element.hintWords = PageHints.splitWords(of: element)
                result.nodes.append(element)
                if name == "script" {
                    if isJSONLD(result.nodes[index]) { result.jsonLD.append(textContent(of: node)) }
                } else if !unreadElements.contains(name) {
                    open.append(index)
                    pushChildren(of: node, parent: index, onto: &stack)
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard let content = node.pointee.content else { continue }
                // Indentation between tags is most text nodes: one space stands for it (a
                // small string, no allocation), as it reads the same.
                let text = isBlank(content) ? " " : String(cString: content)
                result.nodes.append(Node(name: "", text: text, attributes: [], parent: parent, end: result.nodes.count + 1))
            default:
                continue  // comments, processing instructions, the doctype
            }
        }
        for index in open { result.nodes[index].end = result.nodes.count }
        return result
    }

    /// Pushes the children last first, so the first is visited next.
    private static func pushChildren(of node: xmlNodePtr, parent: Int, onto stack: inout [(xmlNodePtr, Int)]) {
        var child = node.pointee.last
        while let current = child {
            stack.append((current, parent))
            child = current.pointee.prev
        }
    }

    /// An `<abbr>`'s `title` is kept as well: the full value behind its short text (see
    /// `PageMetadata.machineValue`); elsewhere a title is a tooltip, never read.
    private static func attributes(of node: xmlNodePtr, element: String) -> [(name: String, value: String)] {
        var found: [(name: String, value: String)] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            // (libxml2's HTML parser gives attribute names in lower case.)
            let name = current.pointee.name.map { String(cString: $0) } ?? ""
            if keptAttributes.contains(name) || name == "title" && element == "abbr" {
                var value = ""
                var part = current.pointee.children
                while let text = part {
                    if let content = text.pointee.content { value += String(cString: content) }
                    part = text.pointee.next
                }
                found.append((name, value))
            }
            attribute = current.pointee.next
        }
        return found
    }

    private static func textContent(of node: xmlNodePtr) -> String {
        var text = ""
        var child = node.pointee.children
        while let current = child {
            if let content = current.pointee.content { text += String(cString: content) }
            child = current.pointee.next
        }
        return text
    }

    private static func isJSONLD(_ node: Node) -> Bool {
        node.attribute("type")?.lowercased().contains("ld+json") ?? false
    }

    private static func isBlank(_ text: UnsafePointer<xmlChar>) -> Bool {
        var pointer = text
        while pointer.pointee != 0 {
            switch pointer.pointee {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C: pointer += 1
            default: return false
            }
        }
        return true
    }
}
