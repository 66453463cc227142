import CableCore

/// Everything that can change the state: keys, the terminal, the clock, and the results of
/// effects, each feature's under its own case.
public enum Action: Sendable {
    case key(Key)
    /// Characters that arrived together (a paste): typed into an open prompt as one edit,
    /// so a pasted query is parsed and searched once, not once per character; otherwise
    /// each is a key.
    case text(String)
    case resize(Size)
    case browse(BrowseAction)
    case reader(ReaderAction)
    case quotes(QuotesAction)
    case story(StoryAction)
    case library(LibraryEvent)
    /// A timer asked for with `Effect.startTimer` has run out.
    case timer(TimerID)
}

/// What happens to the library outside the UI's own requests.
public enum LibraryEvent: Sendable {
    /// Articles were added, changed or removed (a sync, another process): reload what is
    /// shown, keeping the place.
    case changed
    /// Read marks, stars or the user's tags changed (here or in another process).
    case marksChanged
    /// Background work (sync) reports progress; nil when it is done.
    case progress(String?)
    /// A feed fetch in the background reports progress.
    case fetchProgress(String)
    /// The feed fetch is over: what it did (or why it could not), shown until the next key.
    case fetchFinished(String, failed: Bool)
    /// Something worth telling the user (a sync's outcome); shown in the status line.
    case notice(String)
    /// Something went wrong outside the UI; shown in the status line.
    case failed(String)
    /// A query or the sync met a damaged index: said in the status line; the index is set
    /// aside when the reader quits, and the next start rebuilds it from the files.
    case indexDamaged
}

/// Timers the UI asks the loop to run; their end comes back as `Action.timer`.
public enum TimerID: Hashable, Sendable {
    /// The preview of this article has been on screen for the mark-read delay.
    case previewRead(ArticleID)
}
