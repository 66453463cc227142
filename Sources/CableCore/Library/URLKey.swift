import Foundation

/// The form of a web address that link resolution compares: two spellings of one page's
/// address give the same key, so that a related link finds the article whose canonical URL
/// it names (`LinkResolution`).
///
/// What is folded: the scheme (`http` and `https` name the same article on every outlet we
/// know, and pages link to one while their canonical URL says the other), the host's case and
/// a leading `www.`, a default port, a trailing `/`, the fragment (a place within the page),
/// and tracking parameters (`utm_*`, `fbclid`, `gclid`…), which never choose the article. The
/// rest of the query is kept as written: on some sites it is what picks the article
/// (`?id=123`). The path keeps its case and its percent-encoding.
public enum URLKey {
    /// The key of an http(s) address; nil for anything else (a `mailto:`, a relative path,
    /// text that is not an address).
    public static func of(_ address: String?) -> String? {
        guard let address,
              let parts = URLComponents(string: address.trimmingCharacters(in: .whitespaces)),
              let scheme = parts.scheme?.lowercased(), scheme == "http" || scheme == "https",
              var host = parts.percentEncodedHost?.lowercased(), !host.isEmpty else { return nil }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        if host.hasSuffix(".") { host.removeLast() }
        var key = host
        if let port = parts.port, port != 80, port != 443 { key += ":\(port)" }
        var path = parts.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        key += path
        if let query = keptQuery(parts.percentEncodedQuery) { key += "?" + query }
        return key
    }

    /// The query without tracking parameters, in its order; nil when nothing is left.
    static func keptQuery(_ query: String?) -> String? {
        guard let query, !query.isEmpty else { return nil }
        let kept = query.split(separator: "&").filter { item in
            let name = item.split(separator: "=", maxSplits: 1).first.map { $0.lowercased() } ?? ""
            return !name.isEmpty && !name.hasPrefix("utm_") && !trackingParameters.contains(name)
        }
        return kept.isEmpty ? nil : kept.joined(separator: "&")
    }

    /// Parameters that say where a reader came from, not which page it is.
    static let trackingParameters: Set<String> = [
        "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "ocid", "cmpid", "ito", "ns_mchannel",
        "ns_source", "ns_campaign", "ns_linkname", "ns_fee", "at_medium", "at_campaign", "smid", "ref_src",
    ]
}
