import CableCore
// PLACEHOLDER: the TUI work replaces this file.
