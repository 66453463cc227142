/// Word lists the parser reasons with. Kept in one place so that what the parser "knows"
/// about English news prose is easy to read and to extend.
enum Vocabulary {
    /// Function words a Title Case headline leaves in lower case.
    static let smallWords: Set<String> = [
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "nor", "by",
        "with", "as", "from", "into", "onto", "over", "via", "vs", "vs.", "per", "up", "off", "out",
        "amid", "after", "about", "is", "its", "than", "so", "yet", "de", "la", "le", "von", "van",
        "der", "den", "al", "bin", "da", "du", "des", "y", "&",
    ]

    /// Small words as `PackedWords` keys, so that `LineShape` checks every word of every line
    /// with one multiplication and two loads, without building strings or branching on the
    /// answer.
    static let packedSmallWords = PackedWords(smallWords)

    /// Whole lines that are page furniture wherever they appear (compared lower-cased, after
    /// trimming punctuation). The classifier also treats other short non-sentences as
    /// furniture; this list catches the short ones that look like headlines or sentences.
    static let furnitureLines: Set<String> = [
        "advertisement", "advert", "ad", "sponsored", "sponsored content", "promoted",
        "listen live", "listen", "listen to this article", "get short url", "share", "tweet",
        "email", "print", "save", "save article", "subscribe", "sign in", "log in", "register",
        "comments", "comment", "discussion", "community standards", "most read", "most popular",
        "trending", "related", "related stories", "related articles", "related content",
        "more stories", "more on this story", "recommended", "you may also like", "read more",
        "see also", "also read", "menu", "home", "search", "skip to content", "skip to main content",
        "close", "copy link", "copied", "share this article", "share on facebook",
        "share on twitter", "share on x", "facebook", "twitter", "whatsapp", "telegram", "linkedin",
        "reddit", "show comments", "hide comments", "view comments", "load more", "next", "previous",
        "back to top", "top stories", "latest", "latest news", "breaking", "breaking news",
        "live", "video", "audio", "photo", "gallery", "watch", "play", "cookie settings",
        "accept cookies", "privacy policy", "terms of use", "terms and conditions", "contact us",
        "about us", "follow us", "newsletter", "sign up", "open in app", "download the app",
        "in pictures", "explainer", "analysis", "opinion", "world", "news", "topics", "tags",
        "editor's picks", "editors' picks", "don't miss", "more from", "from our partners",
        "sections", "feedback", "corrections", "report an error", "continue reading",
        "this article is more than 1 year old", "related topics", "more like this",
        // Newsletter web editions and live blogs.
        "view this email in your browser", "view in browser", "view online", "unsubscribe",
        "update preferences", "manage preferences", "update your preferences", "key events",
        "show key events only", "pinned post", "share this post", "load earlier posts",
        "load more posts", "auto-refresh on", "auto-refresh off", "auto-update on",
        // Report and commentary pages.
        "key points", "download pdf", "download the report", "cite this", "share this page",
    ]

    /// The site's own links in a footer; no article is tagged with them.
    static let siteLinks: Set<String> = [
        "terms", "terms of use", "terms of service", "terms and conditions", "privacy", "privacy policy",
        "cookies", "cookie policy", "cookie settings", "unsubscribe", "update preferences",
        "manage preferences", "contact", "contact us", "about", "about us", "accessibility",
        "sitemap", "advertise", "advertise with us", "careers", "help", "faq", "rss",
    ]

    /// Phrases that mark a short line as furniture even with other words around it
    /// (`Follow us on Telegram`, `Sign up for our newsletter`, `© The Harbour Ledger 2020`).
    static let furniturePhrases: [String] = [
        "follow us", "sign up", "subscribe", "newsletter", "all rights reserved", "©",
        "copyright", "cookie", "download the app", "download our app", "click here", "share this",
        "share on", "listen live", "get short url", "community standards", "read the full",
        "join us on", "join our", "follow our", "on telegram", "on twitter", "on facebook",
        "on whatsapp", "privacy policy", "terms of service", "terms of use", "advertisement",
        "min read", "minute read", "minutes read", "reading time", "listen to this article",
        "most read", "comments", "sponsored", "related stories", "more on this", "you may also like",
        "recommended for you", "support our journalism", "we use cookies", "we rely on",
        "photograph:", "photo:", "image:", "picture:", "image caption", "media caption",
        "getty images", "source:", "credit:", "reporting by", "editing by", "writing by",
        "additional reporting", "compiled by", "our standards", "trust principles",
        "might also like", "may also like", "also be interested", "more from", "related coverage",
        "read next", "recommended reading", "more stories", "latest stories", "popular now",
        "what to read next", "editor's picks", "reuse this content", "explore more",
        "min listen", "share this story", "share via", "print this", "copy link", "sign in",
        "log in", "skip to", "accessibility", "all rights", "rights reserved", "contact the author",
        "follow the author", "send us a tip", "story continues", "continue reading",
        "scroll to continue", "article continues", "view gallery", "open gallery", "enlarge this",
        "toggle caption", "hide caption", "caption", "loading", "watch:", "listen:", "video:",
        "view this email", "in your browser", "forwarded this email", "unsubscribe",
        "update preferences", "auto-refresh", "earlier posts", "share this post", "download pdf",
        "cite this",
    ]

    /// Notices no article sentence contains; they mark a line as furniture at any length.
    static let noticePhrases: [String] = [
        "we use cookies", "accept all cookies", "accept cookies", "manage settings",
        "cookie settings", "cookie policy", "privacy notice", "newsletters may contain",
        "by signing up", "sign up for our", "sign up to our", "subscribe to our",
        "our free daily", "free daily briefing", "daily newsletter", "weekly newsletter",
        "all rights reserved", "terms of service", "this site is protected by",
        "enable javascript", "ad blocker", "adblocker", "disable your ad", "whitelist us",
        "already a subscriber", "already have an account", "create a free account",
        "to continue reading", "subscribe now", "unlimited access",
    ]

    /// Line starts that announce a caption, a credit or a notice.
    static let furniturePrefixes: [String] = [
        "image caption", "image source", "image copyright", "media caption", "photo:", "photo credit",
        "photograph:", "picture:", "caption:", "credit:", "source:", "video caption",
        "privacy notice", "advertisement", "sponsored", "(photo", "(image", "[photo", "[image",
        "file photo", "watch:", "listen:", "video:", "related:", "reuters/", "ap photo",
        "getty images", "afp via", "illustration:", "graphic:", "chart:", "map:", "copyright ", "©",
    ]

    /// Generic words that mark a line as furniture only when it is very short.
    static let shortLineWords: [String] = [
        "comment", "conversation", "share", "video", "listen", "watch", "font", "text size",
        "bookmark", "save", "print", "email", "podcast", "gallery", "follow", "subscribe",
        "newsletter", "back to top", "top of page", "menu", "login", "log in", "sign in",
        "english edition", "edition", "a-a", "read also", "more from", "more on", "topics",
    ]

    /// The head nouns of a title: a run ending at one of these is all role (`Deputy
    /// Assistant Secretary`, `Licensing Director`, `Analyst`).
    static let titleHeads: Set<String> = [
        "minister", "secretary", "president", "director", "chief", "ambassador", "spokesperson",
        "spokesman", "spokeswoman", "analyst", "admiral", "general", "commander", "governor",
        "senator", "representative", "rep.", "sen.", "chancellor", "premier", "mayor", "chairman",
        "chairwoman", "chair", "chairperson", "ceo", "cfo", "cto", "coo", "officer", "head",
        "envoy", "commissioner", "adviser", "advisor", "professor", "prof.", "captain", "colonel",
        "lieutenant", "major", "sergeant", "king", "queen", "prince", "princess", "lawmaker", "mp",
        "mep", "deputy", "undersecretary", "under-secretary", "attorney", "judge", "justice",
        "economist", "researcher", "fellow", "lawyer", "inspector", "superintendent", "manager",
        "executive", "founder", "co-founder", "coordinator", "counsel", "leader", "consul",
        "diplomat", "official", "prosecutor", "editor", "correspondent", "vice-admiral",
        "rear-admiral", "marshal", "brigadier", "commodore", "negotiator", "strategist", "expert",
        "activist", "partner", "engineer", "rapporteur", "auditor", "secretary-general",
        "director-general", "administrator", "regulator", "speaker", "emir", "sheikh", "sultan",
        "pope", "cardinal", "bishop", "gen.", "adm.", "col.", "lt.", "capt.", "cmdr.", "gov.",
        "pres.", "sgt.", "maj.", "general-secretary", "councillor", "alderman", "presenter",
        "host", "historian", "scholar", "author", "owner", "skipper", "pilot", "trader", "banker",
        "investor", "entrepreneur", "physician", "scientist", "president-elect", "premier-elect",
        "supervisor", "treasurer", "comptroller", "principal", "dean", "rector", "provost",
        "curator", "ombudsman", "controller", "master",
    ]

    /// Courtesy titles: dropped from a name, never a role.
    static let honorifics: Set<String> = ["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord", "lady"]

    /// Nouns that make a phrase an organisation or a body's voice (`the Ministry of Defence`,
    /// `an embassy spokesperson`, `the Chinese embassy`).
    static let organisationWords: Set<String> = [
        "ministry", "department", "embassy", "office", "council", "commission", "government",
        "agency", "authority", "service", "navy", "army", "military", "police", "company",
        "corporation", "corp", "group", "institute", "union", "organisation", "organization",
        "committee", "parliament", "senate", "congress", "court", "bank", "coalition",
        "alliance", "administration", "cabinet", "kremlin", "pentagon", "white", "firm",
        "association", "federation", "board", "bureau", "fund's", "directorate", "secretariat", "forces",
        "guard", "coastguard", "operator", "regulator", "watchdog", "consulate", "mission",
        "delegation", "presidency", "foundation", "centre", "center", "observatory", "university",
        "party", "movement", "network", "forum", "council", "institute", "club", "caucus", "spokesperson", "spokesman", "spokeswoman", "statement",
        "inc", "inc.", "ltd", "plc", "gmbh", "ag", "sa", "llc", "co", "co.", "exchange",
        "consortium", "carrier", "shipyard", "yard", "port", "airline", "line", "lines", "group's",
    ]

    /// Verbs that introduce or follow speech (`said`, `told reporters`, `warned against`).
    static let speechVerbs: Set<String> = [
        "said", "says", "say", "told", "tells", "added", "adds", "adding", "warned", "warns",
        "warning", "stated", "states", "noted", "notes", "explained", "explains", "argued",
        "argues", "insisted", "insists", "claimed", "claims", "wrote", "writes", "declared",
        "declares", "announced", "announces", "asked", "asks", "replied", "replies", "responded",
        "responds", "continued", "continues", "urged", "urges", "cautioned", "cautions",
        "stressed", "stresses", "emphasised", "emphasized", "emphasises", "emphasizes",
        "acknowledged", "acknowledges", "admitted", "admits", "conceded", "concedes", "observed",
        "observes", "remarked", "remarks", "suggested", "suggests", "predicted", "predicts",
        "tweeted", "commented", "comments", "complained", "complains", "promised",
        "promises", "vowed", "vows", "pledged", "pledges", "called", "described",
        "describes", "recalled", "recalls", "maintained", "maintains", "countered", "counters",
        "concluded", "concludes", "quipped", "testified", "confirmed", "confirms", "denied",
        "denies", "reiterated", "reiterates", "underlined", "underlines", "highlighted",
        "highlights", "accused", "accuses", "criticised", "criticized", "condemned", "condemns",
        "demanded", "demands", "described", "dismissed", "dismisses", "rejected", "rejects",
        "welcomed", "welcomes", "praised", "praises", "blamed", "blames", "told", "telling",
        "saying", "speaking", "answered", "answers", "added:", "recounted", "estimated",
        "estimates", "assured", "assures", "objected", "protested", "boasted", "agreed",
        "agrees", "disagreed", "conceded", "signalled", "signaled", "hinted", "announced",
        "labelled", "labeled", "branded", "termed", "dubbed", "characterised", "characterized",
        "pointed", "went", "put", "briefed", "informed", "reminded", "wondered", "mused",
        "joked", "shouted", "replied", "retorted", "snapped", "conceded", "forecast",
        "forecasts", "calling", "describing", "arguing", "insisting", "noting", "stressing",
        "explaining", "urging", "acknowledging",
        "stressed", "welcoming", "accusing", "vowing", "pledging",
        "promising", "predicting", "cautioning", "complaining", "admitting",
    ]

    /// Verb forms that continue an earlier clause (`…, adding: "…"`): no subject of their own.
    static let participles: Set<String> = [
        "adding", "saying", "telling", "warning", "calling", "describing", "arguing", "insisting",
        "noting", "stressing", "explaining", "urging", "acknowledging", "welcoming", "accusing",
        "vowing", "pledging", "promising", "predicting", "cautioning", "complaining", "admitting",
        "speaking", "writing", "declaring", "asking",
    ]

    static let personalPronouns: Set<String> = ["he", "she"]
    static let determiners: Set<String> = ["the", "a", "an", "its", "their", "his", "her", "our", "one"]
}
