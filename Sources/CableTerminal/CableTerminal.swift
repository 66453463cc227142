import CableUI
import CNcursesw
// PLACEHOLDER: the TUI work replaces this file.
