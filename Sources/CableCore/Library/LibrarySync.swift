import Foundation
import GRDB
#if canImport(CMalloc)
import CMalloc
#endif

extension Library {
    /// From this many files to read, a sync is a bulk load: FTS5 merges once at the end
    /// instead of after every batch.
    static let bulkLoadThreshold = 2_000

    /// Brings the index up to date with the files (see `SyncCheck` for what each check
    /// looks at): reads new and changed files, forgets removed ones, and keeps the user's
    /// state with the content (an edited file carries its marks over to its new id).
    ///
    /// The steps: survey (which folders to list), apply (list them, forget what went, read
    /// and store what is new, on every core beside one writer), carry state kept under old
    /// ids (`LegacyState`), settle (articles whose file went), carry edited state, recount
    /// tags, word statistics, resolve links, and with the full check, rebuild the full-text
    /// index when removed articles' words pile up.
    @discardableResult
    public func sync(_ check: SyncCheck = .files, progress: ((SyncProgress) -> Void)? = nil) throws -> SyncReport {
        do {
            return try syncAll(check, progress: progress)
        } catch {
            throw explainIndexWrite(error)
        }
    }

    private func syncAll(_ check: SyncCheck, progress: ((SyncProgress) -> Void)?) throws -> SyncReport {
        var clock = PhaseClock()
        let survey = try pool.read { db in try FolderSurvey(check, root: root, db) }
        let surveyed = clock.lap()
        var report = try run(survey, rebuildingFullText: check == .files, progress: progress)
        report.unchanged += survey.unchanged
        report.phases.insert(("survey", surveyed.seconds, surveyed.cpuSeconds), at: 0)
        report.seconds += surveyed.seconds
        return report
    }

    /// Syncs some files alone (paths relative to the library, new, changed or gone), whatever
    /// their folders' times say: a file the article view found rewritten in place, or the
    /// files a watcher saw change. Their folders keep their recorded times (their other files
    /// were not looked at).
    @discardableResult
    public func sync(files paths: [String]) throws -> SyncReport {
        do {
            return try run(FolderSurvey(files: paths, root: root), rebuildingFullText: false, progress: nil)
        } catch {
            throw explainIndexWrite(error)
        }
    }

    /// A sync that failed because the index cannot be written (a read-only or full disk) is
    /// said as such (`indexNotWritable`); what it stored before is kept, nothing else changed.
    func explainIndexWrite(_ error: any Error) -> any Error {
        guard !Library.isDamage(error), !(error is LibraryError),
              let problem = StorageProblem.diagnose(locations.index, error: error) else { return error }
        return LibraryError.indexNotWritable(path: locations.index.path, problem: problem, exists: true)
    }

    /// Applies a survey, then the steps after.
    @discardableResult
    private func run(_ survey: FolderSurvey, rebuildingFullText: Bool,
                     progress: ((SyncProgress) -> Void)?) throws -> SyncReport {
        var clock = PhaseClock()
        var started = Stopwatch()
        var report = SyncReport()
        let (existing, interrupted) = try pool.read { db in
            (try IndexMeta.int(IndexMeta.articles, db) ?? 0, try Library.hasUnfinishedSync(db))
        }
        let load = LoadKind(toRead: survey.toRead, existing: existing)
        if load.isBulk { try setBulkLoad(true) }
        defer { if load.isBulk { try? setBulkLoad(false) } }
        if load.resolvesEveryGroup { try setGroupIndexes(false) }
        // (Made again below; this is for a sync that stops early. Made twice, the second
        // time does nothing.)
        defer { if load.resolvesEveryGroup { try? setGroupIndexes(true) } }
        var changes = try apply(survey, load: load, report: &report, progress: progress)
        // Before the unfinished-sync marker is cleared: a sync stopped before this carries
        // everything the next time.
        try carryLegacyState(changes.legacyIDs, everything: interrupted)
        report.phases.append(phase("index files", clock.lap()))
        if load.resolvesEveryGroup {
            try setGroupIndexes(true)
            report.phases.append(phase("group indexes", clock.lap()))
        }
        let changed = changes.added > 0 || !changes.orphans.isEmpty
        if changed || interrupted {
            // A sync stopped after storing files left the steps after undone, and what it
            // kept in memory for them is lost: they look at the whole index instead.
            if interrupted { try prepareToFinishInterrupted(&changes) }
            try finish(&changes, everyTag: load.resolvesEveryGroup || interrupted, report: &report)
            report.phases.append(phase("settle, tags, word statistics", clock.lap()))
            try resolveLinks(all: load.resolvesEveryGroup || interrupted)
            try write { db in try Library.clearUnfinishedSync(db) }
            report.phases.append(phase("resolve links", clock.lap()))
        }
        if rebuildingFullText, try rebuildFullTextIfWorthIt() {
            report.phases.append(phase("rebuild full text", clock.lap()))
        }
        try summarise(&report, changes: changes)
        if load.isBulk { Library.returnFreedMemory() }
        report.seconds = started.lap()
        return report
    }

    private func phase(_ name: String, _ time: (seconds: Double, cpuSeconds: Double))
        -> (name: String, seconds: Double, cpuSeconds: Double) {
        (name, time.seconds, time.cpuSeconds)
    }

    /// How much a sync changes, which decides how it writes.
    struct LoadKind {
        /// Many files: FTS5's incremental merges are off while they are stored, and it
        /// merges once at the end (each batch would otherwise merge segments that the next
        /// batches merge again).
        var isBulk: Bool
        /// Most of the library is new (a first sync, a rebuild): every link group is resolved
        /// and every tag counted, instead of keeping track of the groups and tags touched.
        var resolvesEveryGroup: Bool

        init(toRead: Int, existing: Int) {
            isBulk = toRead >= Library.bulkLoadThreshold
            resolvesEveryGroup = isBulk && toRead >= existing
        }
    }

    /// Lists the surveyed folders again and acts on what is there now: forgets gone files
    /// and folders, reads and stores new and changed files, and records each folder's time.
    /// Takes the survey; gives what was stored, for the steps after.
    private func apply(_ survey: FolderSurvey, load: LoadKind, report: inout SyncReport,
                       progress: ((SyncProgress) -> Void)?) throws -> StoreOutcome {
        var changes = StoreOutcome()
        for folder in survey.gone {
            let forgotten = try write { db in try Library.forget(folder: folder, db) }
            changes.orphans.formUnion(forgotten.orphans)
            report.removed += forgotten.files
        }
        let reader = BatchReader(library: self, trackGroups: !load.resolvesEveryGroup) { done in
            progress?(SyncProgress(done: done, total: survey.toRead))
        }
        var listed: [(id: Int64, mtime: Int64)] = []
        for planned in survey.planned {
            if let time = try apply(planned, at: survey.fullPath(planned.path), reader: reader,
                                    changes: &changes, report: &report) {
                listed.append(time)
            }
        }
        try reader.finish(into: &changes)
        if load.isBulk { try write { db in try db.execute(sql: "INSERT INTO fts(fts) VALUES ('optimize')") } }
        try recordListed(listed)
        return changes
    }

    /// One folder: lists it, forgets the files gone from it, and queues the new and changed
    /// ones on `reader`. Gives the folder's time to record, or nil when it must not be
    /// recorded: the folder was seen only in part (its other files were not looked at), or it
    /// is gone (its files are forgotten now, the folder itself by the next check).
    private func apply(_ planned: FolderSurvey.Planned, at path: String, reader: BatchReader,
                       changes: inout StoreOutcome, report: inout SyncReport) throws -> (id: Int64, mtime: Int64)? {
        let folder = FolderRecord(id: try folderID(planned.path), path: planned.path, mtime: nil)
        let found = FolderListing.read(path)
        var listing = found ?? FolderListing(mtime: 0)
        var known = try pool.read { db in try Library.files(inFolder: folder.id, db) }
        if let names = planned.only {
            listing.files = listing.files.filter { names.contains($0.name) }
            listing.badNames = []
            known = known.filter { names.contains($0.name) }
        }
        let diff = FolderDiff(listing, known: known)
        if !diff.removed.isEmpty {
            changes.orphans.formUnion(try write { db in try Library.forget(diff.removed, db) })
            report.removed += diff.removed.count
        }
        report.unchanged += diff.unchanged
        report.skipped += listing.badNames.sorted().map {
            SkippedFile(file: folder.path(of: $0), reason: "file name is not valid UTF-8")
        }
        for change in diff.toRead { try reader.add(folder: folder, change, into: &changes) }
        guard planned.only == nil, found != nil else { return nil }
        return (folder.id, listing.mtime)
    }

    /// The folder's number in the index, adding the folder when new.
    private func folderID(_ path: String) throws -> Int64 {
        try write { db in
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO folder(path, mtime) VALUES (?, NULL)")
                .execute(arguments: [path])
            guard let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM folder WHERE path = ?"),
                                              arguments: [path]) else {
                throw LibraryError.indexUnusable(path: locations.index.path, reason: "a folder could not be recorded")
            }
            return id
        }
    }

    /// Records each listed folder's time, so that the next folder check passes over it until
    /// it changes. A time within `recentFolderTime` of now is not recorded: a file system
    /// with coarse times could give a change made just after the listing the same time, and
    /// the folder is listed again at the next check instead.
    private func recordListed(_ listed: [(id: Int64, mtime: Int64)]) throws {
        let now = Int64(Date().timeIntervalSince1970 * 1e9)
        for chunk in listed.chunked(500) {
            try write { db in
                let update = try db.cachedStatement(sql: "UPDATE folder SET mtime = ? WHERE id = ?")
                for (id, mtime) in chunk {
                    let settled = now - mtime > Library.recentFolderTime
                    try update.execute(arguments: [settled ? mtime : nil, id])
                }
            }
        }
    }

    /// Drops the indexes by group (`IndexSchema.groupIndexes`) for a load, or makes them again.
    private func setGroupIndexes(_ on: Bool) throws {
        try write { db in
            for (name, sql) in IndexSchema.groupIndexes {
                try db.execute(sql: on ? sql : "DROP INDEX IF EXISTS \(name)")
            }
        }
    }

    /// Nanoseconds: folder times closer than this to the moment of listing are not trusted.
    static let recentFolderTime: Int64 = 2_000_000_000

    /// Sets the index up for a bulk load (`on`), or back. During one, FTS5 does not merge its
    /// segments after every batch (they are merged once at the end), and the write-ahead log
    /// is checkpointed every 64 MB instead of 4 MB (each checkpoint is an fsync, and an initial
    /// sync of 100,000 articles would otherwise wait on hundreds of them). Afterwards the log
    /// is emptied, so that it does not keep its 64 MB on disk.
    private func setBulkLoad(_ on: Bool) throws {
        try writer.pool().writeWithoutTransaction { db in
            try db.execute(sql: "INSERT INTO fts(fts, rank) VALUES ('automerge', \(on ? 0 : 4))")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(on ? 16384 : 1000)")
            if !on { try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        }
    }

    /// The steps after the files are stored: settle orphaned articles, carry edited state,
    /// recount tags, refresh word statistics, settle speakers.
    /// `everyTag`: recount every tag, not only those of `changes.tagKeys`.
    private func finish(_ changes: inout StoreOutcome, everyTag: Bool, report: inout SyncReport) throws {
        for chunk in Array(changes.orphans).sorted().chunked(500) {
            let settled = try write { db in try Library.settle(chunk, db) }
            changes.added += settled.movedTo
            changes.tagKeys.formUnion(settled.tagKeys)
        }
        // A state that cannot be written keeps the marks under the old text's id.
        if !changes.replaced.isEmpty, stateAccess.isWritable {
            let carried = try write { db in try Library.carryEditedState(changes.replaced, db) }
            report.updated += carried
            changes.added -= carried
        }
        try write { db in
            try Library.recountTags(everyTag ? nil : changes.tagKeys, db)
            try Library.refreshTermStats(db)
            try Library.settleSpeakers(db)
        }
    }

    /// Before finishing a sync that was stopped: its orphans are found again (articles no
    /// file holds), and a bulk load's settings are put back (automerge, checkpoints).
    private func prepareToFinishInterrupted(_ changes: inout StoreOutcome) throws {
        changes.orphans.formUnion(try pool.read { db in try Library.unheldArticles(db) })
        try setBulkLoad(false)
    }

    /// Fills in the report's counts and the files that are skipped.
    private func summarise(_ report: inout SyncReport, changes: StoreOutcome) throws {
        report.added += changes.added
        report.unchanged += changes.unchanged
        report.work.add(changes.work)
        try pool.read { db in
            report.articles = try IndexMeta.int(IndexMeta.articles, db) ?? 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT d.path, f.name, f.skip FROM file f JOIN folder d ON d.id = f.folder WHERE f.skip IS NOT NULL
                """)
            report.skipped += rows.map {
                SkippedFile(file: FolderRecord(id: 0, path: $0["path"], mtime: nil).path(of: $0["name"]),
                            reason: $0["skip"])
            }
        }
        report.skipped.sort { $0.file < $1.file }
    }

    /// After a bulk load, hands the heap the sync freed (parsed batches, the headline matcher)
    /// back to the system: the allocator keeps it otherwise, and the TUI runs on for hours
    /// after its first sync. (glibc only; elsewhere the allocator decides.)
    static func returnFreedMemory() {
        #if canImport(CMalloc)
        _ = malloc_trim(0)
        #endif
    }
}
