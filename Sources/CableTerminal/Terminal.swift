import CableUI
import CNcursesw
import Glibc

/// What the terminal says happened.
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    case resize(Size)
}

public struct TerminalError: Error, CustomStringConvertible {
    public var description: String
}

/// The ncurses screen. The only type that talks to curses; everything it draws comes in as
/// a `Screen` from `render`. Use it from one thread (curses is not thread-safe).
public final class Terminal {
    private var previous: Screen?
    private let palette: Palette
    private var stopped = false

    /// Starts curses on the process's terminal. Throws with a message to print (after
    /// nothing was drawn) when standard input/output is not a terminal or TERM is unusable.
    /// Standard error goes to `logPath` while curses owns the screen. `theme` gives each
    /// role its colour; `NO_COLOR` (or a terminal without colours) turns colours off.
    public init(logPath: String?, environment: [String: String], theme: Theme = .standard) throws {
        let term = try Self.checkUsable(environment: environment)
        Self.setUTF8Locale()
        // newterm, unlike initscr, returns nil for an unknown TERM instead of exiting.
        guard let screen = newterm(term, cable_stdout(), cable_stdin()) else {
            throw TerminalError(description: "the terminal type TERM=\(term) is not known to ncurses "
                + "(no terminfo entry); try TERM=xterm-256color")
        }
        // A terminal that cannot place the cursor (TERM=dumb) would show only a status line.
        guard cable_has_capability("cup") != 0, cable_has_capability("clear") != 0 else {
            endwin()
            delscreen(screen)
            throw TerminalError(description: "the terminal type TERM=\(term) cannot move the cursor to any place "
                + "on the screen, which the full-screen UI needs; run cable in a terminal that can "
                + "(TERM=xterm-256color, say), or use subcommands such as `cable list`")
        }
        _ = set_term(screen)
        TerminalGuard.activate(logPath: logPath)
        raw()
        noecho()
        nonl()
        _ = keypad(cable_stdscr(), true)
        _ = set_escdelay(25)
        _ = curs_set(0)
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        var theme = theme
        if noColor || !has_colors() { theme.usesColour = false }
        palette = Palette(theme: theme)
        if theme.usesColour {
            _ = start_color()
            // -1 keeps the terminal's own background (and foreground for `default`).
            _ = use_default_colors()
            palette.install()
        }
    }

    /// Whether the full-screen UI can start here: standard input and output are a terminal
    /// and TERM names its type. Cheap and without side effects, so it can run before
    /// anything else is opened. Returns TERM.
    @discardableResult
    public static func checkUsable(environment: [String: String]) throws -> String {
        guard isatty(0) == 1, isatty(1) == 1 else {
            throw TerminalError(description: "cable needs a terminal for the full-screen UI; "
                + "use subcommands such as `cable list` in scripts and pipes")
        }
        guard let term = environment["TERM"], !term.isEmpty else {
            throw TerminalError(description: "TERM is not set, so the terminal type is unknown; "
                + "set it (for example TERM=xterm-256color) and run cable again")
        }
        return term
    }

    /// Restores the terminal: cursor, echo, the normal screen, standard error.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        TerminalGuard.restore()
    }

    deinit { stop() }

    public var size: Size { Size(width: Int(cable_cols()), height: Int(cable_lines())) }

    /// Waits up to `timeout` milliseconds for a key; nil when none came.
    public func nextEvent(timeout: Int32) -> TerminalEvent? {
        wtimeout(cable_stdscr(), timeout)
        var value: wint_t = 0
        let status = wget_wch(cable_stdscr(), &value)
        if status == cable_err() { return nil }
        if status == cable_key_code_yes() && Int32(value) == cable_key_resize() {
            previous = nil
            return .resize(size)
        }
        return KeyDecoder.decode(isFunctionKey: status == cable_key_code_yes(), value: UInt32(value))
            .map(TerminalEvent.key)
    }

    /// Draws `screen`, touching only the cells that differ from the last one presented.
    public func present(_ screen: Screen) {
        let window = cable_stdscr()
        if previous?.size != screen.size {
            _ = werase(window)
            previous = nil
        }
        let width = screen.size.width
        for row in 0..<screen.size.height {
            for column in 0..<width {
                let cell = screen[row, column]
                if cell.isContinuation { continue }
                if let old = previous, old[row, column] == cell,
                   cell.width < 2 || old[row, column + 1] == screen[row, column + 1] {
                    continue
                }
                draw(cell, row: row, column: column, window: window)
            }
        }
        previous = screen
        _ = wnoutrefresh(window)
        _ = doupdate()
    }

    private func draw(_ cell: Cell, row: Int, column: Int, window: UnsafeMutablePointer<WINDOW>?) {
        let (attributes, pair) = palette.attributes(for: cell.style)
        _ = wattr_set(window, attributes, pair, nil)
        _ = wmove(window, Int32(row), Int32(column))
        _ = waddstr(window, cell.text)
        // When the C library thinks a glyph is narrower than we do, blank the cell we
        // reserved for it so nothing stale shows through.
        if cell.width == 2 && getcurx(window) == Int32(column + 1) {
            _ = waddstr(window, " ")
        }
    }

    /// Ctrl-Z: gives the terminal back to the shell and stops the process (as the shell's
    /// job control expects), until `fg` continues it; then takes the screen again, redraws
    /// it whole at its new size, and returns that size.
    public func suspend() -> Size {
        runOutside { cable_stop_self() }
    }

    /// Leaves curses mode (the terminal as the shell had it) while `body` runs, as Ctrl-Z
    /// does, then takes the screen again, redraws it whole at its new size, and returns that
    /// size: for a program that needs the terminal (a browser such as lynx) or the shell's
    /// job control.
    public func runOutside(_ body: () -> Void) -> Size {
        _ = def_prog_mode()
        _ = endwin()
        body()
        _ = reset_prog_mode()
        cable_update_size()
        previous = nil
        _ = clearok(cable_curscr(), true)
        _ = curs_set(0)
        return size
    }

    /// ncursesw needs a UTF-8 locale to read and draw wide characters: take the user's, or
    /// C.UTF-8 when theirs is not UTF-8.
    static func setUTF8Locale() {
        _ = setlocale(LC_ALL, "")
        if let codeset = nl_langinfo(Int32(CODESET)), String(cString: codeset) == "UTF-8" { return }
        _ = setlocale(LC_ALL, "C.UTF-8")
    }
}
