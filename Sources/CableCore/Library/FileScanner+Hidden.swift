import Foundation

extension FileScanner {
    /// The hidden files and folders (names starting with a dot) under a folder, as paths
    /// relative to it; a hidden folder is one entry, its contents are not looked at.
    static func hiddenNames(under root: URL) -> [String] {
        var hidden: [String] = []
        var folders = [""]
        while let relative = folders.popLast() {
            let folder = relative.isEmpty ? root : root.appendingPathComponent(relative, isDirectory: true)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            for name in names.sorted() {
                let path = relative.isEmpty ? name : relative + "/" + name
                if name.hasPrefix(".") {
                    hidden.append(path)
                    continue
                }
                var isFolder = ObjCBool(false)
                if FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder),
                   isFolder.boolValue {
                    folders.append(path)
                }
            }
        }
        return hidden.sorted()
    }
}
