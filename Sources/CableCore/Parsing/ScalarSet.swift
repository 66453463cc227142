/// A small fixed set of Unicode scalars (quote marks, closers, separators) that the parser asks
/// about once per character of a page. A `Set` hashes the character on every question; this
/// answers from a bit mask for ASCII and a short list for the rest.
struct ScalarSet: ExpressibleByArrayLiteral, Sendable {
    /// Bit `v` of `ascii.low` (v < 64) or bit `v - 64` of `ascii.high` is set for each ASCII member.
    private var ascii: (low: UInt64, high: UInt64) = (0, 0)
    private var others: [Unicode.Scalar] = []

    init(_ scalars: some Sequence<Unicode.Scalar>) {
        for scalar in scalars {
            switch scalar.value {
            case 0..<64: ascii.low |= 1 << UInt64(scalar.value)
            case 64..<128: ascii.high |= 1 << UInt64(scalar.value - 64)
            default: if !others.contains(scalar) { others.append(scalar) }
            }
        }
    }

    init(arrayLiteral scalars: Unicode.Scalar...) { self.init(scalars) }

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<64: return ascii.low & (1 << UInt64(scalar.value)) != 0
        case 64..<128: return ascii.high & (1 << UInt64(scalar.value - 64)) != 0
        default: return others.contains(scalar)
        }
    }
}
