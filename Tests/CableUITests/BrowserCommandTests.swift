@testable import CableUI
import Foundation
import XCTest

/// `o`'s browser: `$BROWSER` read as an argument vector, never a shell (issue 13, item 4).
/// A fake browser script records the arguments it was given, one a line.
final class BrowserCommandTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cable-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    /// A script that writes each argument as one NUL-terminated record to `argv.out`.
    func fakeBrowser(_ name: String = "fakebrowser") throws -> URL {
        let script = folder.appendingPathComponent(name)
        let out = folder.appendingPathComponent("argv.out").path
        try Data("#!/bin/sh\nfor a in \"$@\"; do printf '%s\\0' \"$a\"; done > '\(out)'\n".utf8).write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return script
    }

    func recordedArguments() throws -> [String] {
        let data = try Data(contentsOf: folder.appendingPathComponent("argv.out"))
        return String(decoding: data, as: UTF8.self).split(separator: "\0", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
    }

    func run(_ address: String, environment: [String: String]) throws -> BrowserCommand {
        let command = try BrowserCommand.resolve(address, environment: environment).get()
        let process = try command.start()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return command
    }

    /// An address as a hostile page could give it: every character a shell would act on.
    static let hostile = "https://example.test/a b?q=1;touch PWNED&x=$(touch PWNED2)`id`'\"|>out #frag"

    func testAHostileAddressArrivesAsOneArgumentUnchanged() throws {
        let browser = try fakeBrowser()
        _ = try run(Self.hostile, environment: ["BROWSER": browser.path, "PATH": "/usr/bin:/bin"])
        XCTAssertEqual(try recordedArguments(), [Self.hostile])
        let made = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertFalse(made.contains("PWNED") || made.contains("PWNED2") || made.contains("out"), "\(made)")
    }

    func testPercentSIsReplacedWithinItsWordAndACommandNameIsFoundOnPath() throws {
        _ = try fakeBrowser()
        let command = try run(Self.hostile, environment: [
            "BROWSER": "nosuchbrowser %s:fakebrowser --new-tab --url=%s 100%%", "PATH": folder.path + ":/usr/bin:/bin"])
        XCTAssertEqual(command.name, "fakebrowser", "the first command found wins")
        XCTAssertEqual(try recordedArguments(), ["--new-tab", "--url=" + Self.hostile, "100%"])
    }

    func testTerminalBrowsersAndDisplaylessSessionsWaitAndGUIOnesDoNot() throws {
        let lynx = try fakeBrowser("lynx")
        let gui = try fakeBrowser("firefox")
        let display = ["DISPLAY": ":0"]
        func inTerminal(_ browser: URL, _ environment: [String: String]) throws -> Bool {
            try BrowserCommand.resolve("https://a.test/", environment: environment.merging(["BROWSER": browser.path]) { $1 })
                .get().inTerminal
        }
        XCTAssertTrue(try inTerminal(lynx, display))
        XCTAssertFalse(try inTerminal(gui, display))
        XCTAssertFalse(try inTerminal(gui, ["WAYLAND_DISPLAY": "wayland-0"]))
        XCTAssertTrue(try inTerminal(gui, [:]), "no display: whatever it is, it has only the terminal")
    }

    func testNoBrowserSaysWhy() {
        XCTAssertEqual(BrowserCommand.resolve("https://a.test/", environment: ["PATH": folder.path]),
                       .failure(.noOpener))
        XCTAssertEqual(BrowserCommand.resolve("https://a.test/", environment: ["PATH": folder.path, "BROWSER": "nope"]),
                       .failure(.notFound("nope")))
        XCTAssertEqual(BrowserError.noOpener.description, "No browser: set $BROWSER (xdg-open is not installed)")
    }

    func testOnlyWebAddressesAreOpenedSoNoneIsReadAsAnOption() throws {
        let browser = try fakeBrowser()
        for address in ["-dump", "--new-window=file:///etc/passwd", "file:///etc/passwd", "javascript:alert(1)", ""] {
            XCTAssertEqual(BrowserCommand.resolve(address, environment: ["BROWSER": browser.path]), .failure(.notWebAddress),
                           address)
        }
        _ = try run("HTTP://example.test/", environment: ["BROWSER": browser.path])
        XCTAssertEqual(try recordedArguments(), ["HTTP://example.test/"])
    }
}
