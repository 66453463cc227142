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

    /// Parses an HTML page with libxml2's forgiving HTML parser (tag soup, unclosed and
    /// misnested tags, entities) and copies what is needed into plain values; the libxml2
    /// document is freed before this returns. `encoding` is the charset of `bytes` (see
    /// `PageEncoding`); libxml2 is told to ignore what the page declares about it.
    static func parse(_ bytes: [UInt8], encoding: String) -> HTMLDocument {
        _ = initialised
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
            | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        let document: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(clamping: chars.count), nil, encoding, options)
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
        pushChildren(of: UnsafeMutablePointer(OpaquePointer(document)), parent: -1, onto: &stack)
        while let (node, parent) = stack.popLast() {
            // `open` is the path from the root to the node last opened; the parent is on it.
            // Close the elements this node is not inside.
            while let last = open.last, last != parent {
                result.nodes[last].end = result.nodes.count
                open.removeLast()
            }
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                let name = lowercased(node.pointee.name)
                let index = result.nodes.count
                result.nodes.append(Node(name: name, text: "", attributes: attributes(of: node),
                                         parent: parent, end: index + 1))
                if name == "script" {
                    if isJSONLD(result.nodes[index]) { result.jsonLD.append(textContent(of: node)) }
                } else if !unreadElements.contains(name) {
                    open.append(index)
                    pushChildren(of: node, parent: index, onto: &stack)
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard let content = node.pointee.content else { continue }
                result.nodes.append(Node(name: "", text: String(cString: content), attributes: [],
                                         parent: parent, end: result.nodes.count + 1))
            default:
                continue  // comments, processing instructions, the doctype
            }
        }
        for index in open { result.nodes[index].end = result.nodes.count }
        return result
    }

    private static func pushChildren(of node: xmlNodePtr, parent: Int, onto stack: inout [(xmlNodePtr, Int)]) {
        var children: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            children.append(current)
            child = current.pointee.next
        }
        for current in children.reversed() { stack.append((current, parent)) }
    }

    private static func attributes(of node: xmlNodePtr) -> [(name: String, value: String)] {
        var found: [(name: String, value: String)] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = lowercased(current.pointee.name)
            if keptAttributes.contains(name) {
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

    private static func lowercased(_ name: UnsafePointer<xmlChar>?) -> String {
        guard let name else { return "" }
        return String(cString: name).lowercased()
    }
}
