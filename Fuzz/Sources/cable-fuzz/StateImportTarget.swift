import CableCore
import Foundation

/// Any bytes as a state file: `state import` reads them or refuses them (a whole file that
/// is not UTF-8 or from a newer Cable; bad lines) without any other error, and what it
/// imported survives a round trip: export, import the export with --replace, export again,
/// byte for byte; an export never holds a raw character that does not print.
final class StateImportTarget: FuzzTarget {
    let scratch: ScratchFolder
    let locations: LibraryLocations
    var library: Library
    var runs = 0

    init() throws {
        scratch = try ScratchFolder("state-import")
        locations = try scratch.sampleLibrary()
        library = try Library.open(locations)
        try library.sync()
    }

    func run(_ data: Data) {
        runs += 1
        guard let text = try? StateText.decode(data) else { return }
        do {
            do {
                _ = try library.importState(text, replacing: data.count % 2 == 0, skippingBadLines: true)
            } catch is StateText.UnknownFormat {
                return
            }
            let first = try library.exportState()
            if first.unicodeScalars.contains(where: { !PrintableText.isPrintable($0) && $0 != "\n" }) {
                FuzzFailure.report("the export holds a raw character that does not print", data)
            }
            let again = try library.importState(first, replacing: true)
            if !again.problems.isEmpty { FuzzFailure.report("its own export has bad lines: \(again.problems)", data) }
            let second = try library.exportState()
            if first != second { FuzzFailure.report("export → import --replace → export differs", data) }
            // A fresh state now and then keeps each run's cost the same.
            if runs % 1_000 == 0 || first.utf8.count > 200_000 { try restart() }
        } catch {
            FuzzFailure.report("state import failed: \(error)", data)
        }
    }

    private func restart() throws {
        try library.close()
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: locations.state.path + suffix)
        }
        library = try Library.open(locations)
    }
}
