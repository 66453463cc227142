/// One cell of the terminal: a grapheme, how many columns it takes, and its style.
/// The cell after a two-column glyph is a continuation (empty text, width 0) and is never
/// drawn on its own.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var width: UInt8
    public var style: Style

    public init(text: String, width: UInt8, style: Style) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell(text: " ", width: 1, style: .plain)
    public var isContinuation: Bool { width == 0 }
}

public struct Size: Hashable, Sendable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
}

/// What the UI wants on the terminal: a grid of cells. `render` draws into it; the terminal
/// backend presents it; tests read it back as plain text.
public struct Screen: Hashable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        cells = Array(repeating: .blank, count: self.size.width * self.size.height)
    }

    public subscript(row: Int, column: Int) -> Cell {
        cells[row * size.width + column]
    }

    /// Paints blanks of `style` over `rect` (clipped to the screen).
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        let blank = Cell(text: " ", width: 1, style: style)
        for row in max(0, rect.y)..<min(size.height, rect.maxY) {
            for column in max(0, rect.x)..<min(size.width, rect.maxX) {
                set(row, column, blank)
            }
        }
    }

    /// Draws `text` from (`row`, `column`) within `width` columns and returns the columns
    /// used. Text is sanitised here too, so nothing that reaches the grid can drive the
    /// terminal. A wide glyph that would straddle the right edge is replaced by a blank
    /// and ends the run: it is never split.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, width: Int,
                             style: Style = .plain) -> Int {
        // Off the screen (a pane asked for more columns than there are): nothing drawn,
        // and never a negative width for the caller to add.
        guard row >= 0, row < size.height, column >= 0, column < size.width else { return 0 }
        let limit = min(column + max(0, width), size.width)
        var x = column
        for character in Sanitizer.clean(text) {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if x + w > limit {
                if x < limit { set(row, x, Cell(text: " ", width: 1, style: style)) }
                return limit - column
            }
            set(row, x, Cell(text: String(character), width: UInt8(w), style: style))
            if w == 2 { set(row, x + 1, Cell(text: "", width: 0, style: style)) }
            x += w
        }
        return x - column
    }

    /// Draws spans one after another; returns the columns used.
    @discardableResult
    public mutating func put(_ line: StyledLine, row: Int, column: Int, width: Int) -> Int {
        var used = 0
        for span in line where used < width {
            used += put(span.text, row: row, column: column + used, width: width - used,
                        style: span.style)
        }
        return used
    }

    /// Changes the style of existing cells (for highlighting a selected row).
    public mutating func restyle(row: Int, from column: Int, width: Int, _ change: (inout Style) -> Void) {
        guard row >= 0, row < size.height else { return }
        for x in max(0, column)..<min(size.width, column + width) {
            change(&cells[row * size.width + x].style)
        }
    }

    private mutating func set(_ row: Int, _ column: Int, _ cell: Cell) {
        let index = row * size.width + column
        // Overwriting half of a wide glyph would leave the other half orphaned: blank it.
        let old = cells[index]
        if old.isContinuation, column > 0 {
            cells[index - 1] = Cell(text: " ", width: 1, style: cells[index - 1].style)
        } else if old.width == 2, column + 1 < size.width, cell.width != 2 {
            cells[index + 1] = Cell(text: " ", width: 1, style: cells[index + 1].style)
        }
        cells[index] = cell
    }

    /// The screen as plain text, one string per row, trailing spaces removed.
    public var lines: [String] {
        (0..<size.height).map { row in
            var line = ""
            for column in 0..<size.width {
                let cell = self[row, column]
                if !cell.isContinuation { line += cell.text }
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    public var text: String { lines.joined(separator: "\n") }
}
