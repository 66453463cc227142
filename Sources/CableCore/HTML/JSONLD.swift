import Foundation

/// What a page's JSON-LD (schema.org) says about its article, read with a real JSON parser:
/// the article object among the page's scripts and `@graph` arrays, its publisher resolved
/// through `@id` references when it is one.
struct JSONLDArticle: Equatable {
    var headline: String?
    var datePublished: String?
    var publisherName: String?
    var keywords: [String] = []
    var url: String?
    /// The names of its authors (`author`: a name, a Person, or a list of them).
    var authorNames: [String] = []

    /// schema.org types that are an article (or a live blog, which Cable reads as one).
    static let articleTypes: Set<String> = [
        "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle",
        "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle",
        "liveblogposting", "blogposting", "scholarlyarticle", "report", "askpublicnewsarticle",
    ]

    static let organisationTypes: Set<String> = ["newsmediaorganization", "organization", "corporation"]

    /// The first article object in the scripts, or nil when none has one.
    static func read(_ scripts: [String]) -> JSONLDArticle? {
        let objects = scripts.flatMap { objectsIn($0) }
        guard let article = objects.first(where: { isA($0, articleTypes) }) else { return nil }
        var found = JSONLDArticle()
        found.headline = string(article["headline"]) ?? string(article["name"])
        found.datePublished = string(article["datePublished"])
        found.publisherName = publisherName(article["publisher"], among: objects)
        found.keywords = keywords(article["keywords"])
        found.url = string(article["url"]) ?? reference(article["mainEntityOfPage"])
        found.authorNames = names(article["author"])
        return found
    }

    /// Every object of a script: the top level (an object or an array of them) and the
    /// members of `@graph` arrays.
    static func objectsIn(_ script: String) -> [[String: Any]] {
        var text = script.trimmingCharacters(in: .whitespacesAndNewlines)
        // Some systems wrap the JSON in an HTML comment or CDATA for old browsers.
        for (open, close) in [("<!--", "-->"), ("<![CDATA[", "]]>"), ("//<![CDATA[", "//]]>")]
        where text.hasPrefix(open) && text.hasSuffix(close) {
            text = String(text.dropFirst(open.count).dropLast(close.count))
        }
        guard let data = text.data(using: .utf8),
              let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            return []
        }
        var pending: [Any] = [json]
        var objects: [[String: Any]] = []
        while let next = pending.popLast(), objects.count < 1_000 {
            if let array = next as? [Any] {
                pending.append(contentsOf: array.reversed())
            } else if let object = next as? [String: Any] {
                objects.append(object)
                if let graph = object["@graph"] { pending.append(graph) }
            }
        }
        return objects
    }

    static func isA(_ object: [String: Any], _ types: Set<String>) -> Bool {
        let declared: [String]
        if let one = object["@type"] as? String {
            declared = [one]
        } else if let many = object["@type"] as? [Any] {
            declared = many.compactMap { $0 as? String }
        } else {
            declared = []
        }
        return declared.contains { types.contains($0.lowercased().replacingOccurrences(of: "schema:", with: "")) }
    }

    private static func publisherName(_ value: Any?, among objects: [[String: Any]]) -> String? {
        if let name = string(value) { return name }
        let publisher: [String: Any]?
        if let array = value as? [Any] { publisher = array.first as? [String: Any] } else { publisher = value as? [String: Any] }
        guard let publisher else { return nil }
        if let name = string(publisher["name"]) { return name }
        guard let id = string(publisher["@id"]) else { return nil }
        let referenced = objects.first { string($0["@id"]) == id && isA($0, organisationTypes) }
        return referenced.flatMap { string($0["name"]) }
    }

    /// The names a value gives: a string, an object's `name`, or a list of either.
    private static func names(_ value: Any?) -> [String] {
        if let list = value as? [Any] { return list.flatMap(names) }
        if let name = string(value) { return [name] }
        return string((value as? [String: Any])?["name"]).map { [$0] } ?? []
    }

    private static func keywords(_ value: Any?) -> [String] {
        if let list = value as? [Any] {
            return list.compactMap(string).flatMap(splitKeywords)
        }
        return string(value).map(splitKeywords) ?? []
    }

    static func splitKeywords(_ text: String) -> [String] {
        text.split(separator: ",").map { HTMLText.clean(String($0)) }.filter { !$0.isEmpty }
    }

    private static func reference(_ value: Any?) -> String? {
        if let text = string(value) { return text }
        guard let object = value as? [String: Any] else { return nil }
        return string(object["@id"]) ?? string(object["url"])
    }

    /// A JSON string as page text: cleaned, entities some systems leave in it decoded.
    private static func string(_ value: Any?) -> String? {
        guard let text = value as? String else { return nil }
        let cleaned = HTMLText.clean(HTMLEntities.decode(text))
        return cleaned.isEmpty ? nil : cleaned
    }
}
