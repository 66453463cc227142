import Foundation

/// The JSON encoder of the command line's `--json` output: any `Encodable` (the model types'
/// own `Codable` form) written as Foundation's `JSONEncoder` writes it with sorted keys, no
/// escaped slashes and dates in ISO 8601 (UTC, to the second), byte for byte (pretty: two-space
/// indents and `" : "`; compact: no spaces), but for one thing: an absent optional is written
/// as `null`, not left out, so that scripts always find every key. `JSONEncoder` cost some 20 µs a row of
/// `cable list --json`, most of the listing's time; this builds a small tree of the value and
/// writes it into one buffer.
public struct JSONWriter: Sendable {
    public var pretty: Bool

    public init(pretty: Bool) { self.pretty = pretty }

    /// Appends `value`'s JSON to `out`; `indent` is the depth it starts at (for the elements of
    /// an array written one at a time).
    public func write(_ value: some Encodable, into out: inout [UInt8], indent: Int = 0) throws {
        let encoder = NodeEncoder()
        try value.encode(to: encoder)
        write(encoder.node, into: &out, indent: indent)
    }

    public func data(_ value: some Encodable) throws -> Data {
        var out: [UInt8] = []
        try write(value, into: &out)
        return Data(out)
    }

    private func write(_ node: JSONNode, into out: inout [UInt8], indent: Int) {
        switch node {
        case .null: out += "null".utf8
        case .bool(let value): out += (value ? "true" : "false").utf8
        case .number(let text): out += text.utf8
        case .string(let text): JSONWriter.string(text, into: &out)
        case .array(let box):
            out.append(UInt8(ascii: "["))
            for (index, item) in box.items.enumerated() {
                startItem(index, into: &out, indent: indent)
                write(item, into: &out, indent: indent + 1)
            }
            endList("]", into: &out, indent: indent)
        case .object(let box):
            out.append(UInt8(ascii: "{"))
            for (index, member) in box.members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) })
                .enumerated() {
                startItem(index, into: &out, indent: indent)
                JSONWriter.string(member.key, into: &out)
                out += (pretty ? " : " : ":").utf8
                write(member.value, into: &out, indent: indent + 1)
            }
            endList("}", into: &out, indent: indent)
        }
    }

    /// What goes before an element of an array or object at depth `indent`.
    private func startItem(_ index: Int, into out: inout [UInt8], indent: Int) {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        if pretty {
            out.append(UInt8(ascii: "\n"))
            out += repeatElement(UInt8(ascii: " "), count: 2 * (indent + 1))
        }
    }

    /// An array's or object's end (an empty one has an empty line, as `JSONEncoder` writes it).
    private func endList(_ close: Unicode.Scalar, into out: inout [UInt8], indent: Int) {
        if pretty {
            if out.last == UInt8(ascii: "[") || out.last == UInt8(ascii: "{") { out.append(UInt8(ascii: "\n")) }
            out.append(UInt8(ascii: "\n"))
            out += repeatElement(UInt8(ascii: " "), count: 2 * indent)
        }
        out.append(UInt8(close.value))
    }

    /// `2021-05-18T12:29:00Z`: the instant in UTC, to the second.
    public static func iso8601(_ date: Date) -> String { date.formatted(.iso8601) }

    /// A JSON string: UTF-8 as is, with what JSON requires escaped (quote, backslash and the
    /// controls below U+0020) and, unlike `JSONEncoder`, what a terminal could act on if the
    /// output is read on one (`isTerminalControl`: DEL, the C1 controls, the line and
    /// paragraph separators, the bidi controls) as `\uXXXX`, the same text to a JSON reader;
    /// runs of plain bytes copied whole.
    static func string(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            let hex = Array("0123456789abcdef".utf8)
            func escape(_ value: UInt32) {
                out += "\\u".utf8
                for shift in stride(from: 12, through: 0, by: -4) { out.append(hex[Int((value >> UInt32(shift)) & 0xF)]) }
            }
            var plain = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                // The lead bytes of the terminal controls past ASCII: C1 is C2 80-9F, the
                // separators and bidi controls E2 80 A8-AE and E2 81 A6-A9.
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xC2 || byte == 0xE2 else {
                    index += 1
                    continue
                }
                var length = 1
                var scalar = UInt32(byte)
                if byte == 0xC2 || byte == 0xE2 {
                    length = byte == 0xC2 ? 2 : 3
                    guard index + length <= bytes.count else { index += 1; continue }
                    scalar = byte == 0xC2 ? UInt32(bytes[index + 1] & 0x3F) | 0x80
                        : 0x2000 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                    guard let unicode = Unicode.Scalar(scalar), isTerminalControl(unicode) else {
                        index += 1
                        continue
                    }
                }
                out += bytes[plain..<index]
                switch byte {
                case 0x22: out += "\\\"".utf8
                case 0x5C: out += "\\\\".utf8
                case 0x08: out += "\\b".utf8
                case 0x09: out += "\\t".utf8
                case 0x0A: out += "\\n".utf8
                case 0x0C: out += "\\f".utf8
                case 0x0D: out += "\\r".utf8
                default: escape(scalar)
                }
                index += length
                plain = index
            }
            out += bytes[plain...]
        }
        out.append(UInt8(ascii: "\""))
    }

    /// What JSON may hold raw but a terminal could act on: DEL, the C1 controls (U+009B is a
    /// CSI to some terminals), the line and paragraph separators, the bidi controls.
    public static func isTerminalControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}

/// A value as JSON holds it. Arrays and objects are boxes so that containers handed out by
/// the encoder can fill them in place.
enum JSONNode {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array(ArrayBox)
    case object(ObjectBox)

    final class ArrayBox {
        var items: [JSONNode] = []
    }

    final class ObjectBox {
        var members: [(key: String, value: JSONNode)] = []
    }

    /// A floating-point number as `JSONEncoder` writes it: the shortest text that reads back
    /// the same, with no `.0` on a whole number.
    static func number(_ value: some BinaryFloatingPoint & CustomStringConvertible) -> JSONNode {
        let text = value.description
        return .number(text.hasSuffix(".0") ? String(text.dropLast(2)) : text)
    }
}

/// The `Encoder` behind `JSONWriter`: records what a value encodes as a `JSONNode`. It keeps
/// no coding path (only errors use one, and the types it writes throw none): building one
/// for every value was an allocation each.
final class NodeEncoder: Encoder {
    let codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    private(set) var node = JSONNode.null

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        // Asking again (an encoder that adds keys to a value's own) adds to the same object.
        let box: JSONNode.ObjectBox
        if case .object(let existing) = node { box = existing } else { box = JSONNode.ObjectBox(); node = .object(box) }
        return KeyedEncodingContainer(KeyedContainer<Key>(box: box))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box: JSONNode.ArrayBox
        if case .array(let existing) = node { box = existing } else { box = JSONNode.ArrayBox(); node = .array(box) }
        return UnkeyedContainer(box: box)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(encoder: self) }

    fileprivate func set(_ value: JSONNode) { node = value }

    /// Any value as a node, through its `encode(to:)`; a date as its ISO 8601 text. (Leaves
    /// come through the containers' own methods for each type: no cast is tried on them.)
    static func node(_ value: some Encodable) throws -> JSONNode {
        if let date = value as? Date { return .string(JSONWriter.iso8601(date)) }
        let encoder = NodeEncoder()
        try value.encode(to: encoder)
        return encoder.node
    }

    private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: JSONNode.ObjectBox
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws { box.members.append((key.stringValue, .null)) }
        mutating func encode(_ value: String, forKey key: Key) throws { box.members.append((key.stringValue, .string(value))) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { box.members.append((key.stringValue, .bool(value))) }
        mutating func encode(_ value: Int, forKey key: Key) throws {
            box.members.append((key.stringValue, .number(String(value))))
        }
        mutating func encode(_ value: Double, forKey key: Key) throws {
            box.members.append((key.stringValue, JSONNode.number(value)))
        }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            box.members.append((key.stringValue, try NodeEncoder.node(value)))
        }

        // An absent optional is `null` (the standard library's defaults leave the key out).
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try present(value, key) }

        private mutating func present<T: Encodable>(_ value: T?, _ key: Key) throws {
            try encodeIfPresent(value, forKey: key)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                            forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let nested = JSONNode.ObjectBox()
            box.members.append((key.stringValue, .object(nested)))
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let nested = JSONNode.ArrayBox()
            box.members.append((key.stringValue, .array(nested)))
            return UnkeyedContainer(box: nested)
        }

        mutating func superEncoder() -> any Encoder { superEncoder(named: "super") }

        mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue) }

        /// A nested object that a class's superclass would fill (Cable's types do not use it).
        private func superEncoder(named name: String) -> any Encoder {
            let encoder = NodeEncoder()
            let nested = JSONNode.ObjectBox()
            box.members.append((name, .object(nested)))
            encoder.node = .object(nested)
            return encoder
        }
    }

    private struct UnkeyedContainer: UnkeyedEncodingContainer {
        let box: JSONNode.ArrayBox
        var codingPath: [any CodingKey] { [] }
        var count: Int { box.items.count }

        mutating func encodeNil() throws { box.items.append(.null) }
        mutating func encode(_ value: String) throws { box.items.append(.string(value)) }
        mutating func encode(_ value: Bool) throws { box.items.append(.bool(value)) }
        mutating func encode(_ value: Int) throws { box.items.append(.number(String(value))) }
        mutating func encode(_ value: Double) throws { box.items.append(JSONNode.number(value)) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            box.items.append(try NodeEncoder.node(value))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
            -> KeyedEncodingContainer<NestedKey> {
            let nested = JSONNode.ObjectBox()
            box.items.append(.object(nested))
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let nested = JSONNode.ArrayBox()
            box.items.append(.array(nested))
            return UnkeyedContainer(box: nested)
        }

        mutating func superEncoder() -> any Encoder {
            let encoder = NodeEncoder()
            let nested = JSONNode.ObjectBox()
            box.items.append(.object(nested))
            encoder.node = .object(nested)
            return encoder
        }
    }

    /// Every leaf type has its own method here: the standard library's defaults would send
    /// them to the generic `encode`, whose `encode(to:)` comes back here, without end.
    private struct SingleContainer: SingleValueEncodingContainer {
        let encoder: NodeEncoder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { encoder.set(.null) }
        mutating func encode(_ value: Bool) throws { encoder.set(.bool(value)) }
        mutating func encode(_ value: String) throws { encoder.set(.string(value)) }
        mutating func encode(_ value: Double) throws { encoder.set(JSONNode.number(value)) }
        mutating func encode(_ value: Float) throws { encoder.set(JSONNode.number(value)) }
        mutating func encode(_ value: Int) throws { integer(value) }
        mutating func encode(_ value: Int8) throws { integer(value) }
        mutating func encode(_ value: Int16) throws { integer(value) }
        mutating func encode(_ value: Int32) throws { integer(value) }
        mutating func encode(_ value: Int64) throws { integer(value) }
        mutating func encode(_ value: UInt) throws { integer(value) }
        mutating func encode(_ value: UInt8) throws { integer(value) }
        mutating func encode(_ value: UInt16) throws { integer(value) }
        mutating func encode(_ value: UInt32) throws { integer(value) }
        mutating func encode(_ value: UInt64) throws { integer(value) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            encoder.set(try NodeEncoder.node(value))
        }

        private func integer(_ value: some BinaryInteger) { encoder.set(.number(String(value))) }
    }
}
