import CableConfig
@testable import CableUI
import CableCore
import XCTest

/// The config file: each setting read, each mistake named with its line, and the defaults
/// kept for whatever is wrong.
final class ConfigFileTests: XCTestCase {
    func testEverySettingIsRead() {
        let (config, problems) = ConfigFile.parse("""
            library = "/srv/news"
            list-width = 50
            mark-read-delay = 0.5
            sort = "unread"
            theme = "no-colour"

            [colours]
            quote = "magenta"

            [keys]
            quit = "x"
            down = ["j", "C-n"]

            [searches]
            "Zebra last" = "tag:Arctic"
            "Alpha second" = "is:unread"
            """)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(config.library, "/srv/news")
        XCTAssertEqual(config.settings.listWidth, 50)
        XCTAssertEqual(config.settings.markReadDelay, 0.5)
        XCTAssertEqual(config.settings.order, .unread)
        XCTAssertFalse(config.theme.usesColour)
        XCTAssertEqual(config.theme.colours[.quote], .magenta)
        XCTAssertEqual(config.settings.keymap.keys(for: .quit), [.character("x")])
        XCTAssertEqual(config.settings.keymap.keys(for: .down), [.character("j"), .control("n")])
        XCTAssertEqual(config.settings.savedSearches.map(\.name), ["Zebra last", "Alpha second"], "in file order")
    }

    func testEachMistakeIsNamedWithItsLineAndTheRestStillApplies() {
        let (config, problems) = ConfigFile.parse("""
            sort = "sideways"
            mark-read-delay = false

            [keys]
            quite = "x"
            quit = "Ctrl-Q"
            help = "NoSuchKey"

            [colours]
            quote = "plaid"
            """)
        XCTAssertEqual(problems.map(\.line), [1, 5, 7, 10])
        XCTAssertTrue(problems[0].message.hasPrefix("sort must be one of newest, oldest"), problems[0].message)
        XCTAssertEqual(problems[1].description, "line 5: [keys] quite: no such action (the help screen, ?, lists them)")
        XCTAssertNil(config.settings.markReadDelay, "false: never")
        XCTAssertEqual(config.settings.order, .newest, "the default for what is wrong")
        XCTAssertEqual(config.settings.keymap.keys(for: .quit), [.control("q")])
        XCTAssertEqual(config.settings.keymap.keys(for: .help), Keymap.defaults.keys(for: .help))
    }

    func testAFileThatDoesNotParseIsOneProblemAndTheDefaults() {
        let (config, problems) = ConfigFile.parse("[keys]\nquit = \n")
        XCTAssertEqual(problems.count, 1)
        XCTAssertEqual(problems.first?.line, 2)
        XCTAssertEqual(config.settings.keymap, Keymap.defaults)
    }

    func testKeyNamesReadAsTheHelpShowsThem() {
        XCTAssertEqual(Key(name: "Enter"), .enter)
        XCTAssertEqual(Key(name: "pgdn"), .pageDown)
        XCTAssertEqual(Key(name: "^f"), .control("f"))
        XCTAssertEqual(Key(name: "Space"), .character(" "))
        XCTAssertNil(Key(name: "Hyper-x"))
        XCTAssertEqual(Key.control("f").label, "^F")
        XCTAssertEqual(Key.down.label, "↓")
    }
}
