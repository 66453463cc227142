/// What the status line says when a background sync changed the library, with numbers
/// grouped like the list title's (`2,520`).
public enum SyncNotice {
    public static func changed(added: Int, updated: Int, removed: Int) -> String {
        "Synced: \(NumberText.grouped(added)) new, \(NumberText.grouped(updated)) changed, "
            + "\(NumberText.grouped(removed)) removed"
    }
}
