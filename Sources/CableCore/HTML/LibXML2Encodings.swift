import CLibXML2

/// What libxml2 (through iconv) can convert from.
enum LibXML2Encodings {
    static func knows(_ name: String) -> Bool {
        guard let handler = xmlFindCharEncodingHandler(name) else { return false }
        xmlCharEncCloseFunc(handler)
        return true
    }
}
