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
        let bytes = withoutRevealedConditionals(bytes)
        let document: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(clamping: chars.count), nil, "UTF-8", options)
            }
        }
        guard let document else { return HTMLDocument(nodes: [], jsonLD: []) }
        defer { xmlFreeDoc(document) }
        return build(from: document)
    }

    /// Without the markers of Word's and old Internet Explorer's "downlevel-revealed"
    /// conditional comments (`<![if !supportLists]>· <![endif]>`): every browser but those shows
    /// what is between them, and libxml2 would read the markers as text.
    static func withoutRevealedConditionals(_ bytes: [UInt8]) -> [UInt8] {
        let markers = bytes.indices.lazy.filter { bytes[$0] == UInt8(ascii: "<") }.compactMap { start in
            revealedConditionalEnd(bytes, at: start).map { start..<$0 }
        }
        guard markers.first != nil else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var copied = 0
        for marker in markers where marker.lowerBound >= copied {
            result += bytes[copied..<marker.lowerBound]
            copied = marker.upperBound
        }
        return result + bytes[copied...]
    }

    /// Where a `<![if …]>` or `<![endif]>` marker starting at `index` ends (after its `]>`). The
    /// end of a hidden conditional comment (`<![endif]-->`) is no such marker.
    private static func revealedConditionalEnd(_ bytes: [UInt8], at index: Int) -> Int? {
        guard bytes[index...].starts(with: "<![".utf8) else { return nil }
        let word = bytes[(index + 3)...].prefix(6).map { $0 | 0x20 }
        // (`<![if` may be followed by a line break: Word wraps its markup.)
        let opensIf = word.starts(with: "if".utf8) && index + 5 < bytes.count && [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index + 5])
        guard opensIf || word.starts(with: "endif".utf8),
            let close = bytes[index...].prefix(200).firstIndex(of: UInt8(ascii: ">")),
            bytes[close - 1] == UInt8(ascii: "]") else { return nil }
        return close + 1
    }

    /// Walks libxml2's tree without recursion (pages can nest thousands deep) and records
    /// each element and text node in preorder.
    private static func build(from document: htmlDocPtr) -> HTMLDocument {
        var result = HTMLDocument(nodes: [], jsonLD: [])
        // (libxml2 node, index of its parent in `nodes`), next to visit last.
        var stack: [(xmlNodePtr, Int)] = []
        var open: [Int] = []  // elements whose `end` is not yet known, outermost first
        var slots: [xmlNodePtr: [xmlNodePtr]] = [:]  // a shadow tree's slots, filled by their host
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
                } else if let shadow = shadowRoot(of: node) {
                    open.append(index)
                    slots.merge(slotAssignments(host: node, shadow: shadow)) { $1 }
                    pushChildren(of: shadow, parent: index, onto: &stack)
                } else if name == "slot", let assigned = slots[node] {
                    open.append(index)
                    stack += assigned.reversed().map { ($0, index) }
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

    /// A host's declarative shadow root (`<template shadowrootmode="open">`, or the older
    /// `shadowroot`, as its first element child): the page shows the template's content in the
    /// host's place.
    private static func shadowRoot(of node: xmlNodePtr) -> xmlNodePtr? {
        var child = node.pointee.children
        while let current = child, current.pointee.type != XML_ELEMENT_NODE { child = current.pointee.next }
        guard let first = child, first.pointee.name.map({ String(cString: $0) }) == "template",
            attribute("shadowrootmode", of: first) != nil || attribute("shadowroot", of: first) != nil else { return nil }
        return first
    }

    /// What fills each `<slot>` of a host's shadow tree: the host's children that name it
    /// (`slot="headline"`), or for an unnamed slot those that name none. A slot nothing is
    /// assigned to shows its own content; slots of shadow trees nested inside belong to their
    /// own hosts.
    private static func slotAssignments(host: xmlNodePtr, shadow: xmlNodePtr) -> [xmlNodePtr: [xmlNodePtr]] {
        var named: [String: [xmlNodePtr]] = [:]
        var child = host.pointee.children
        while let current = child {
            if current != shadow {
                named[attribute("slot", of: current) ?? "", default: []].append(current)
            }
            child = current.pointee.next
        }
        var result: [xmlNodePtr: [xmlNodePtr]] = [:]
        var pending = [shadow]
        while let node = pending.popLast() {
            var inner = node.pointee.children
            while let current = inner {
                let name = current.pointee.type == XML_ELEMENT_NODE ? current.pointee.name.map { String(cString: $0) } : nil
                if name == "slot", let assigned = named[attribute("name", of: current) ?? ""] {
                    result[current] = assigned
                } else if name != nil, name != "template" {
                    pending.append(current)
                }
                inner = current.pointee.next
            }
        }
        return result
    }

    /// The value of an element's attribute (libxml2 gives attribute names in lower case).
    private static func attribute(_ wanted: String, of node: xmlNodePtr) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if current.pointee.name.map({ String(cString: $0) }) == wanted { return value(of: current) }
            attribute = current.pointee.next
        }
        return nil
    }

    private static func value(of attribute: xmlAttrPtr) -> String {
        contents(from: attribute.pointee.children)
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
                found.append((name, value(of: current)))
            }
            attribute = current.pointee.next
        }
        return found
    }

    private static func textContent(of node: xmlNodePtr) -> String {
        contents(from: node.pointee.children)
    }

    /// The text of `first` and the siblings after it, one after another.
    private static func contents(from first: xmlNodePtr?) -> String {
        var text = ""
        var child = first
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
