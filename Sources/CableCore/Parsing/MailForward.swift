/// An e-mail that forwards another (`---------- Forwarded message ---------`, `Begin forwarded
/// message:`): the page is the forwarded message. What stands above the marker is the
/// forwarder's own note, signature and headers, and the header block right under the marker
/// (`From:`, `Date:`, `Subject:`) dates and names the mail, not the article: neither is read.
enum MailForward {
    /// The lines of the forwarded message (all of `lines` when the page forwards none).
    static func forwardedPart(of lines: [LogicalLine]) -> [LogicalLine] {
        guard let marker = lines.lastIndex(where: isForwardMarker) else { return lines }
        var start = marker + 1
        if start < lines.count, isMailHeader(lines[start].text) {
            let headers = lines[start].block
            while start < lines.count, lines[start].block == headers { start += 1 }
        }
        return Array(lines[start...])
    }

    /// `---------- Forwarded message ---------`, `Begin forwarded message:`, `-----Original
    /// Message-----`: a short line, its label without the dashes around it. (Only a line that
    /// opens with a dash or `Begin` is looked at further.)
    static func isForwardMarker(_ line: LogicalLine) -> Bool {
        guard line.text.utf8.count <= 60, line.text.utf8.first == 0x2D || line.text.hasPrefix("Begin ") else { return false }
        let label = Text.trimmed(Substring(line.text.lowercased()), where: { $0 == "-" || $0 == " " })
        return Vocabulary.forwardMarkers.contains(String(label))
    }

    /// A mail header line: `From: …`, `Subject: …`, `Reply-To: …`.
    static func isMailHeader(_ text: String) -> Bool {
        guard let colon = text.prefix(10).firstIndex(of: ":") else { return false }
        return Vocabulary.mailHeaders.contains(text[..<colon].lowercased())
    }
}
