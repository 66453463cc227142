/// A parsed HTML page as plain values: its elements and text in document order (preorder),
/// each node knowing where its subtree ends, so "inside", "children" and "the text under"
/// are index arithmetic rather than pointer chasing. libxml2 builds it (`HTMLDocument.parse`)
/// and is done with the page before any reading starts.
struct HTMLDocument: Sendable {
    struct Node: Sendable {
        /// Lower-case tag name for an element; empty for a text node.
        var name: String
        /// A text node's text (entities decoded, not yet cleaned); empty for an element.
        var text: String
        /// The attributes the readers look at (`HTMLDocument.keptAttributes`), names lower-case.
        var attributes: [(name: String, value: String)]
        var parent: Int
        /// One past the last node of this node's subtree: the subtree is `index..<end`.
        var end: Int
        /// The words of its class and id (`PageHints.words`), split once when the tree is built.
        var hintWords: [String] = []

        var isText: Bool { name.isEmpty }

        func attribute(_ wanted: String) -> String? {
            attributes.first { $0.name == wanted }?.value
        }
    }

    var nodes: [Node]
    /// The text of every `<script type="application/ld+json">`, in page order (their
    /// elements are kept, their text is not part of the tree).
    var jsonLD: [String]

    /// The attributes anything here reads; the rest (styles, data-*, event handlers) are
    /// dropped while the tree is built.
    static let keptAttributes: Set<String> = [
        "class", "id", "role", "href", "rel", "property", "name", "content", "datetime", "itemprop",
        "itemtype", "type", "hidden", "aria-hidden", "aria-label", "pubdate", "style",
    ]

    /// The children of `index` (elements and text), in order.
    func children(of index: Int) -> [Int] {
        var found: [Int] = []
        var child = index + 1
        while child < nodes[index].end {
            found.append(child)
            child = nodes[child].end
        }
        return found
    }

    /// Whether `index` lies inside the subtree of `ancestor` (itself included).
    func contains(_ ancestor: Int, _ index: Int) -> Bool {
        ancestor <= index && index < nodes[ancestor].end
    }

    /// The elements named `name`, in document order.
    func elements(named name: String) -> [Int] {
        nodes.indices.filter { nodes[$0].name == name }
    }

    /// Ancestors of `index`, nearest first.
    func ancestors(of index: Int) -> [Int] {
        var found: [Int] = []
        var current = nodes[index].parent
        while current >= 0 {
            found.append(current)
            current = nodes[current].parent
        }
        return found
    }
}
