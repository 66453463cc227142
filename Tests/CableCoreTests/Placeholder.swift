import XCTest
// PLACEHOLDER: removed once real tests exist in this target.
