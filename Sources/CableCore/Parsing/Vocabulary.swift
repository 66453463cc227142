/// Every word list the parser reasons with, in one place: what Cable "knows" about English
/// news pages and news prose. Lists are lower-case; lines and words are lower-cased before
/// they are looked up. Changing what the parser recognises usually means changing a list here.
enum Vocabulary {
    // MARK: - Headlines

    /// Function words a Title Case headline leaves in lower case.
    static let smallWords: Set<String> = [
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "nor", "by",
        "with", "as", "from", "into", "onto", "over", "via", "vs", "vs.", "per", "up", "off", "out",
        "amid", "after", "about", "is", "its", "than", "so", "yet", "de", "la", "le", "von", "van",
        "der", "den", "al", "bin", "da", "du", "des", "y", "&",
    ]

    /// The word an obituary's headline carries beside the name (`Alasdair Penhallow obituary`).
    static let obituaryWords: Set<String> = ["obituary"]

    // MARK: - Page furniture

    /// Whole lines that are page furniture wherever they appear (compared lower-cased, after
    /// trimming punctuation). Other short non-sentences are judged by shape; this list catches
    /// the short ones that look like headlines or sentences.
    static let furnitureLines: Set<String> = [
        "advertisement", "advertising", "advert", "ad", "sponsored", "sponsored content", "promoted",
        "listen live", "listen", "listen to this article", "get short url", "share", "tweet",
        "email", "print", "save", "save article", "subscribe", "sign in", "log in", "register",
        "comments", "comment", "discussion", "community standards", "most read", "most popular",
        "trending", "related", "related stories", "related articles", "related content",
        "more stories", "more on this story", "recommended", "you may also like", "read more",
        "see also", "also read", "menu", "home", "search", "skip to content", "skip to main content",
        "close", "copy link", "copied", "share this article", "share on facebook",
        "share on twitter", "share on x", "facebook", "twitter", "whatsapp", "telegram", "linkedin",
        "reddit", "show comments", "hide comments", "view comments", "load more", "next", "previous",
        "back to top", "page top", "top stories", "latest", "latest news", "breaking", "breaking news",
        "live", "video", "audio", "photo", "gallery", "watch", "play", "cookie settings",
        "accept cookies", "privacy policy", "terms of use", "terms and conditions", "contact us",
        "about us", "follow us", "newsletter", "sign up", "open in app", "download the app",
        "in pictures", "explainer", "analysis", "opinion", "world", "news", "topics", "tags", "suggested topics",
        "follow the topics in this article",
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
        // Messaging channels and share bars.
        "join channel", "gift this article",
    ]

    /// The names of a news site's sections, as its menu bar lists them (one word each).
    static let sectionNames: Set<String> = [
        "home", "news", "world", "u.s.", "us", "uk", "politics", "business", "economy", "markets", "money", "opinion",
        "editorial", "editorials", "sport", "sports", "culture", "arts", "lifestyle", "life", "style", "society", "health",
        "science", "tech", "technology", "climate", "environment", "energy", "weather", "travel", "food", "cooking",
        "entertainment", "video", "videos", "audio", "podcasts", "photos", "multimedia", "shows", "games", "international",
        "national", "local", "regions", "africa", "europe", "asia", "americas", "australia", "education", "investigations",
        "features", "commentary", "analysis", "interviews", "obituaries", "wirecutter", "inequality", "development",
    ]

    /// The site's own links in a footer; no article is tagged with them.
    static let siteLinks: Set<String> = [
        "terms", "terms of use", "terms of service", "terms and conditions", "privacy", "privacy policy",
        "cookies", "cookie policy", "cookie settings", "unsubscribe", "update preferences",
        "manage preferences", "contact", "contact us", "about", "about us", "accessibility",
        "sitemap", "advertise", "advertise with us", "careers", "help", "faq", "rss",
        // The comment section's sort controls (`Sort by Newest | Oldest | Most recommended`).
        "sort by newest", "sort by oldest", "newest", "oldest", "most recommended",
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
        "cite this", "this article is more than", "write a comment", "click to enlarge", "photo gallery", "see all from", "view all from",
        "open in the app", "open in app", "read in the app", "get the app", "better experience",
        // A text-only edition's link to the full site.
        "go to the full", "go to full site", "full web article", "switch to full version",
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
        // Newsletter boxes, consent banners, comment promotions, disclaimers and credits.
        "in your inbox", "to your inbox", "sign up to receive", "we value your privacy", "and our partners",
        "our partners use", "store and/or access", "personalised ads", "personalized ads", "use cookies", "uses cookies",
        "has moved here", "live coverage has moved", "refresh the page", "link copied", "licensing rights",
        "reproduction without permission", "reproduced without permission", "reproduction prohibited",
        "editorial independence", "reader-funded", "support our journalism", "contributed to this report",
        "contributed reporting", "views expressed", "are those of the author", "reflects the views", "do you have an opinion",
        "submit a letter", "commenting forum", "join the conversation", "newsletter provides", "sign up here",
        "a free account", "cite this", "how to cite", "non-partisan", "nonpartisan", "tax-exempt",
        "takes no institutional position", "views of the author",
        // Government sites, transcripts, market data, print editions.
        "official website of", "near-verbatim transcript", "not an official record", "transcripts may vary",
        "transcript text may", "data is delayed", "delayed by at least", "real-time snapshot",
        "catch all the", "this article appears in", "appeared in print", "protection of your data", "read our privacy policy",
        "got a story", "story tip", "email us at",
        // Editors' notes under an article: partnerships and series.
        "this article was produced in partnership", "this story was produced in partnership",
        "this investigation was produced in partnership", "this investigation is part of", "this article is part of",
        "this story is part of",
        // A newsletter platform's sign-off.
        "thanks for reading",
        // An outlet's notes on what its site carries and on its comment section.
        "contact us for subscription", "must adhere to our",
        // An embedded player's or widget's error.
        "the content you requested", "is not available anymore",
        // The error-report prompt of many Ukrainian and Russian sites (`Found a mistake?
        // Select the text and press Ctrl+Enter.`).
        "ctrl+enter", "ctrl + enter",
        // A bookshop's or an affiliate's prompt under a review, a channel's web preview.
        "affiliate commission", "order your copy", "you can view and join",
    ]

    /// Notices so long that they pass for a paragraph by length (a site's disclaimer under a
    /// transcript or a wire's web edition), looked for in lines of any length. No article
    /// sentence contains them.
    static let longNoticePhrases: [String] = [
        "transcripts may vary", "transcript text may be revised", "is the audio record", "only a portion of the news",
    ]

    /// Line starts that announce a caption, a credit or a notice.
    static let furniturePrefixes: [String] = [
        "image caption", "image source", "image copyright", "media caption", "photo:", "photo credit",
        "photograph:", "picture:", "caption:", "credit:", "source:", "video caption",
        "privacy notice", "advertisement", "sponsored", "(photo", "(image", "[photo", "[image",
        "file photo", "watch:", "listen:", "video:", "related:", "reuters/", "ap photo",
        "getty images", "afp via", "illustration:", "graphic:", "chart:", "map:", "copyright ", "©",
        "pictured:", "pictured above", "disclaimer:", "photo/illustration:", "map shows", "graphic shows", "chart shows", "share:",
        // Skip links for screen readers (`Skip next section Navigation`), whatever section they name.
        "skip next section", "skip previous section",
        // A messaging channel's post forwarded from another channel.
        "forwarded from ",
        // A licensed image's credit (`Image: Jane Doe, CC BY-SA 4.0`).
        "image:",
    ] + pinnedBars + editorialNotes

    /// How the desk's corrections open (`Correction (15 May 2024): …`, `Clarification: …`); its
    /// other notes about the article are `Furniture.isNoteAboutItself`.
    static let editorialNotes = ["correction:", "correction (", "correction, ", "corrections:", "clarification:"]

    /// What the desk says of an article when it notes something about it, after `This
    /// article`, `This page`, `This story` or `This piece` (`This article was amended on …`,
    /// `This page is archived`, `This story features first-hand reporting …`). An author
    /// speaking of the article does so otherwise (`This article argues …`, `This piece of
    /// legislation`): only these openings make the line the desk's note.
    static let deskNoteOpenings = [
        "was amended", "was updated", "was corrected", "was translated", "was edited", "was changed", "was revised",
        "was originally", "was first", "was produced", "was published", "was republished", "was adapted",
        "has been", "is part of", "is in the public domain", "is no longer", "is archived",
        "is licensed", "is available", "is published", "is republished", "is an updated", "is a corrected",
        "features", "contains", "includes", "first appeared", "originally appeared", "appeared",
        "summarizes", "summarises", "is based on", "was written", "was prepared", "reflects",
    ]

    /// How a messaging channel's pinned-message bar opens (`📌 Pinned message`, `pinned «…»`): the
    /// line under a bar of its own is the pinned message, not the post.
    static let pinnedBars = ["pinned message", "pinned post", "pinned \u{AB}", "pinned \u{201C}"]

    /// The line that ends an e-mail's own text and opens the message it forwards; the mail's
    /// headers (`From:`, `Subject:`) follow it. Compared with the line lower-cased, without the
    /// dashes around it.
    static let forwardMarkers: Set<String> = [
        "forwarded message", "begin forwarded message:", "original message",
    ]

    /// What a channel's or a profile's counter line counts (`112K subscribers 4.3K photos`).
    static let counterWords: Set<String> = [
        "subscribers", "subscriber", "members", "followers", "following", "photos", "videos", "links", "files", "posts", "views",
    ]

    /// What a book's details line gives under its title in a review (`352 pp.`, `ISBN …`).
    static let bookDetailMarks = [" pp.", " pp ", " pages.", " pages |", "isbn"]

    /// The header names of an e-mail's header block (`From: …`, `Subject: …`).
    static let mailHeaders: Set<String> = [
        "from", "to", "cc", "bcc", "date", "sent", "subject", "reply-to",
    ]

    /// Generic words that mark a line as furniture only when it is very short (a related
    /// headline may say "Kremlin Declines to Comment").
    static let shortLineWords: [String] = [
        "comment", "conversation", "share", "video", "listen", "watch", "font", "text size",
        "bookmark", "save", "print", "email", "podcast", "gallery", "follow", "subscribe",
        "newsletter", "back to top", "top of page", "menu", "login", "log in", "sign in",
        "english edition", "edition", "a-a", "read also", "more from", "more on", "topics",
    ]

    /// Line starts of a byline (`By Jane Doe, Defence Correspondent`); `from` only on a line of
    /// four words or fewer.
    static let bylinePrefixes = ["by ", "words by ", "written by ", "reporting by ", "author: ", "text: ", "text by ", "words: "]

    /// Words between the names of a long byline (`… and Ilona Vaher, Baltic Investigative Network`).
    static let nameListJoiners: Set<String> = ["and", "&", "of", "the", "for", "at", "in", "de", "van", "von", "da"]

    /// Line starts of credits for the work on a page, at any length (`Reporting by …; Editing
    /// by …`, `Edited by …`).
    static let creditPrefixes = [
        "reporting by", "additional reporting by", "with reporting by", "editing by", "edited by", "writing by", "written by",
        "compiled by", "produced by", "translated by", "translated and edited by", "photos by", "photos: ", "photo: ",
        "graphics by", "illustration by", "research by", "media contact", "press contact", "press office", "for more information",
        "translated from", "translation by", "sound design by", "music by", "produced and edited by",
        "reporting: ", "editing: ", "editor: ", "editors: ", "proofreader: ", "reporter: ", "reporters: ",
        "producer: ", "writer: ", "with assistance from",
    ]

    /// Labels of a fact-check's or a report's boxes (`Claim:`, `Verdict:`, `Half True:`): the
    /// lines they open are not the article's paragraphs.
    static let boxLabels: Set<String> = [
        "claim", "the claim", "verdict", "our verdict", "the verdict", "rating", "our rating", "why", "what was said",
        "the facts", "fact", "conclusion", "our ruling", "ruling", "true", "false", "mostly true", "mostly false",
        "half true", "misleading", "partly false", "pants on fire", "unproven", "missing context", "disclaimer",
    ]

    /// Words of a postal address: a line of them is not a list of tags.
    static let addressWords = ["road", "street", "avenue", "floor", "suite", "rue ", "square", "building", "headquarters", "po box"]

    /// Words of a photo credit after a caption (`Photograph: AFP/Getty Images`, `Atlas Photo/File`).
    static let photoCreditWords = [
        "photo", "photograph", "getty", "afp", "reuters", "ap ", "epa", "shutterstock", "alamy", "file", "image", "pool",
        "handout", "via ", "courtesy",
    ]

    /// Verbs a biography or a credit opens with after a name (`Jane Doe is a senior fellow`,
    /// `Doe covers energy`, `… contributed to this report`).
    static let biographyVerbs: Set<String> = ["covers", "writes", "reports", "edits", "teaches", "contributed"]

    /// Verbs that open a biography only with a word of the trade in it (`Jane Doe is a senior
    /// fellow at …`, not `Jane Doe was due in Brussels`).
    static let biographyLinks: Set<String> = ["is", "was", "has", "leads", "directs", "heads", "joined", "serves", "served"]

    static let biographyNouns = [
        "fellow", "editor", "correspondent", "reporter", "journalist", "writer", "columnist", "author of", "professor",
        "researcher", "analyst at", "director of", "based in", "contributor", "staff writer", "bureau chief",
    ]

    /// Verbs of conversation: the person they name after a preposition (`spoke to`, `heard from`,
    /// `met with`) is the one a following `he` or `she` means.
    static let conversationVerbs: Set<String> = [
        "spoke", "speak", "speaks", "speaking", "talked", "talk", "talks", "talking", "heard", "hear", "hears",
        "met", "meet", "meets", "meeting", "listened", "turned", "interviewed", "asked", "wrote", "writes",
    ]

    /// A photo credit glued to the end of its caption (`… a sentence.”Credit...Jane Doe`).
    static let gluedCreditMarks = ["credit...", "credit\u{2026}"]

    /// The button under a photo that shows or hides its caption.
    static let captionToggles: Set<String> = ["hide caption", "toggle caption", "show caption"]

    /// Words that make a short line at the top of a page a publisher's name (`Pars National News
    /// Agency`, `Press Information Bureau`, `U.S. Department of State`, `UN News`).
    static let publisherWords: Set<String> = [
        "news", "agency", "bureau", "department", "ministry", "times", "post", "herald", "gazette", "tribune",
        "journal", "daily", "ilbo", "chronicle", "telegraph", "observer", "ledger", "wire", "radio",
        "broadcasting", "television", "nations", "courier", "dispatch", "monitor", "express", "weekly", "gazeta",
    ]

    /// The last words of a newspaper's name (`Chuo Shimbun`, `Delovoy Vestnik`, `The Morning
    /// Post`): what a later `the paper` refers back to.
    static let newspaperNameWords: Set<String> = [
        "times", "post", "herald", "gazette", "tribune", "journal", "daily", "ilbo", "chronicle", "telegraph",
        "observer", "ledger", "courier", "dispatch", "monitor", "express", "weekly", "gazeta", "shimbun", "shimpo",
        "vestnik", "kurier", "mirror", "sentinel", "examiner", "inquirer", "guardian", "zeitung", "nippo", "bao",
    ]

    /// Nouns for a newspaper in a description (`the paper wrote`, `the business daily estimates`).
    static let newspaperNouns: Set<String> = ["paper", "newspaper", "daily", "tabloid", "broadsheet", "weekly"]

    /// First words of a short line at the top that is a greeting, a button or a section's
    /// heading, not the publisher's name (`Welcome to the United Nations`, `Latest News`).
    static let nonMastheadOpeners: Set<String> = [
        "welcome", "skip", "sign", "subscribe", "search", "follow", "latest", "breaking", "top", "more", "most",
        "related", "read", "share", "back", "go", "about", "contact", "home", "menu",
    ]

    /// Corporate suffixes after an outlet's name in a copyright line (`Ltd`, `Media Group`).
    /// The last word of a group's name that owns outlets (`Weekly Digest Media`, `Harbour
    /// Newspapers Group`): the outlet itself has a name of its own.
    static let groupWords: Set<String> = [
        "media", "group", "publishing", "publications", "holdings", "communications", "enterprises", "newspapers",
    ]

    static let legalForms: Set<String> = [
        "ltd", "limited", "inc", "llc", "plc", "oü", "ab", "asa", "as", "gmbh", "sa", "s.a", "co", "corp", "corporation",
        "llp", "pty", "(pty)", "bv", "nv", "spa", "srl", "pvt", "pt", "pjsc", "jsc", "ooo", "ag", "kk", "lp", "l.p",
        "kft", "zrt", "nyrt",
    ]

    /// Headings of a summary above the article (`Key points`): the lines under them are not
    /// paragraphs.
    static let summaryHeadings: Set<String> = [
        "key points", "summary", "in summary", "in brief", "at a glance", "highlights", "key takeaways", "what we're covering",
        "what we’re covering", "what you need to know", "the big picture", "in short", "key facts", "the essentials",
    ]

    /// Headings of a sponsor's message in a newsletter (`A word from this week's sponsor`).
    static let sponsorHeadings = ["from our sponsor", "week's sponsor", "week’s sponsor", "today's sponsor", "today’s sponsor", "sponsored by", "a message from our"]

    /// The label a page leaves where a chart was (`Stock chart icon`): the line under it is the
    /// chart's caption.
    static let chartPlaceholders = ["chart icon", "interactive chart", "graphic icon"]

    /// Words that address the reader, lower-cased: the second person and a site's first person
    /// plural (`Your email address`, `We value your privacy`). See `ReaderAddress`.
    static let readerAddressWords: Set<String> = [
        "you", "your", "yours", "yourself", "yourselves", "you're", "you\u{2019}re", "you'll", "you\u{2019}ll",
        "you've", "you\u{2019}ve", "you'd", "you\u{2019}d", "we", "our", "ours", "us", "ourselves",
        "we're", "we\u{2019}re", "we've", "we\u{2019}ve", "we'll", "we\u{2019}ll", "we'd", "we\u{2019}d",
    ]

    /// The first person singular, lower-cased: with `readerAddressWords`, an author's own voice.
    static let firstPersonSingular: Set<String> = [
        "i", "i'm", "i\u{2019}m", "i've", "i\u{2019}ve", "i'd", "i\u{2019}d", "i'll", "i\u{2019}ll", "me", "my", "myself",
    ]

    /// Verbs a site's call to action opens with, lower-cased (`Sign up`, `Join our channel`).
    static let callsToAction: Set<String> = [
        "sign", "subscribe", "follow", "click", "download", "join", "support", "share", "listen", "watch", "get",
        "tap", "register", "donate", "try", "explore", "discover", "visit", "contact", "send", "email", "e-mail",
        "tell", "upgrade", "unlock", "read", "save", "log", "give", "become", "paste", "enter",
    ]

    /// The words a call to action goes on with (`Sign up`, `Follow us`, `Listen to this
    /// article`); after any other the verb is a noun (`Support for the deal`, `Share prices`).
    static let callObjects: Set<String> = [
        "up", "in", "on", "now", "here", "today", "free", "more", "to", "with", "at", "the", "this", "a", "an",
        "our", "us", "your", "it", "her", "him", "them", "me",
    ]

    /// Words of a newsletter box's pitch (`Get the day's top stories in your inbox`).
    static let newsletterWords = ["newsletter", "inbox", "briefing", "brief", "sign up", "subscribe", "e-mail", "email"]

    // MARK: - Links and tags

    /// Labels of an inline link to another story (`READ MORE: Headline`).
    static let readMoreLabels = [
        "read more", "also read", "read also", "see also", "related", "more", "read next", "recommended",
        "further reading", "go deeper", "dig deeper", "related story", "related article",
    ]

    /// Labels of a tag line (`Tags: Arctic, Russia`).
    /// Tag labels that may take a few words before their colon (`Tags in this thread:`).
    static let tagListNouns: Set<String> = ["tags", "topics", "keywords", "themes", "subjects", "categories"]

    static let tagPrefixes = [
        "tags", "tagged", "tagged with", "topics", "related topics", "filed under", "filed in", "keywords",
        "more on", "themes", "subjects", "categories", "read related topics", "explore topics", "more topics",
        "suggested topics", "explore",
    ]

    /// Headings of a list of tags, given one per line or on the next line (`More about`,
    /// `Related Topics`). Compared with the whole heading, lower-cased.
    static let tagHeadings: Set<String> = [
        "tags", "topics", "related topics", "more about", "more about these topics", "explore more on these topics",
        "more on these topics", "filed under", "keywords", "subjects", "themes", "categories", "tagged", "topics in this story",
        "suggested topics", "follow the topics in this article", "topics in this article", "explore the topic",
        "explore topics",
    ]

    /// Starts of the headings of lists that are not the page's own related stories: what is
    /// popular, the author's other work, the wire's other releases, the author's biography.
    static let unrelatedHeadingStarts: [String] = [
        // A local paper's other furniture.
        "obituaries", "death notices", "funeral notices", "classifieds", "classified ads", "public notices", "local deals",
        "weather", "7-day forecast", "lotto", "puzzles", "horoscopes", "jobs", "property", "real estate", "what's on",
        "sponsored", "presented by", "a message from", "in partnership with",
        "most ", "trending", "popular", "latest", "top stories", "editor's picks", "editors' picks", "editor’s picks",
        "don't miss", "don’t miss", "more from the author", "more by ", "recommended from ", "recommended for you", "also from this source", "from around the web",
        "from our partners", "sponsored", "partner content", "about the author", "about the authors", "in case you missed",
        "more episodes", "more videos", "watch more", "recommended videos", "what's new", "elsewhere on",
        // A skip link opens the next section of the page, so it ends the list above it.
        "skip next section",
        // An advertising network's box of sponsored links, and a site's own videos.
        "recommended by", "top videos",
        // The comment section under an article.
        "discussion about this", "join the discussion", "reader comments", "comments on this",
    ]

    /// What a page calls itself (`this article`, `this story`).
    static let articleNouns: Set<String> = ["article", "page", "story", "piece"]

    /// Starts of the heading of a list of the author's other work, when the author's name
    /// follows (`More from Jane Doe`, `More articles by Jane Doe`).
    static let authorsListStarts: [String] = ["more from ", "more articles by ", "more stories by ", "other articles by ", "more by "]

    /// Starts of the headings of the page's own related-stories block.
    static let relatedHeadingStarts: [String] = [
        "related", "more on ", "more from ", "more news", "more stories", "more in ", "more coverage", "also in ",
        "in this series", "also read", "read also", "read more", "read next", "see also", "further reading", "you may also like",
        "you might also like", "recommended", "what to read next", "explore more", "also on ", "more like this",
        "keep reading", "more to read", "read more about", "on the same subject", "on the same topic", "on the same theme",
    ]

    // MARK: - Dates

    static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
        "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
        "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
        "dec": 12, "december": 12,
    ]

    /// Zone abbreviations and their offsets from UTC in minutes. Ambiguous ones take the
    /// reading most common in English-language news.
    static let timeZones: [String: Int] = [
        "gmt": 0, "utc": 0, "z": 0, "ut": 0, "wet": 0, "bst": 60, "ist": 330, "cet": 60,
        "cest": 120, "met": 60, "mest": 120, "west": 60, "eet": 120, "eest": 180, "msk": 180,
        "trt": 180, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420,
        "mdt": -360, "pst": -480, "pdt": -420, "akst": -540, "akdt": -480, "hst": -600,
        "ast": -240, "adt": -180, "nst": -210, "ndt": -150, "jst": 540, "kst": 540,
        "hkt": 480, "sgt": 480, "awst": 480, "acst": 570, "aest": 600, "aedt": 660,
        "nzst": 720, "nzdt": 780, "pkt": 300, "ict": 420, "wib": 420, "sast": 120, "cat": 120,
        "eat": 180, "wat": 60, "gst": 240, "irst": 210, "art": -180, "brt": -180,
        "pht": 480, "myt": 480, "wita": 480, "npt": 345, "mmt": 390, "uzt": 300,
    ]

    /// Cities whose time is named instead of a zone (`08:50 (Moscow time)`), for those that keep
    /// one offset from UTC all year (minutes). Cities that change their clocks are left out.
    static let cityTimes: [String: Int] = [
        "moscow": 180, "minsk": 180, "istanbul": 180, "ankara": 180, "riyadh": 180, "doha": 180,
        "baghdad": 180, "nairobi": 180, "kuwait": 180, "dubai": 240, "baku": 240, "tbilisi": 240,
        "yerevan": 240, "muscat": 240, "tehran": 210, "kabul": 270, "tashkent": 300, "karachi": 300,
        "islamabad": 300, "delhi": 330, "mumbai": 330, "kolkata": 330, "colombo": 330, "kathmandu": 345,
        "dhaka": 360, "yangon": 390, "bangkok": 420, "hanoi": 420, "jakarta": 420, "beijing": 480,
        "shanghai": 480, "taipei": 480, "manila": 480, "singapore": 480, "perth": 480, "tokyo": 540,
        "seoul": 540, "pyongyang": 540, "brisbane": 600, "lagos": 60, "kinshasa": 60, "johannesburg": 120,
        "pretoria": 120, "harare": 120, "khartoum": 120, "accra": 0, "dakar": 0, "reykjavik": 0,
    ]

    /// Zones named without their season, standard or daylight time as the date falls: US
    /// outlets print `ET` all year, meaning EDT (-4) in summer.
    static let seasonalZones: [String: SeasonalZone] = [
        "et": SeasonalZone(standardMinutes: -300), "ct": SeasonalZone(standardMinutes: -360),
        "mt": SeasonalZone(standardMinutes: -420), "pt": SeasonalZone(standardMinutes: -480),
    ]

    /// Labels of a dateline that is the first publication wherever it stands on the page.
    static let firstPublicationLabels = ["first published", "first uploaded", "originally published", "first posted"]

    /// Suffixes of an ordinal day (`18th`).
    static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th"]

    /// Words a dateline may carry besides the date itself (weekdays, `Updated`, `at`).
    static let datelineFillers: Set<String> = [
        "updated", "update", "published", "posted", "last", "first", "on", "at", "am", "pm",
        "a", "p", "m", "th", "st", "nd", "rd", "t", "the", "of", "date", "time", "created",
        "modified", "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu",
        "thur", "thurs", "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday",
        "local", "edited", "issued", "release", "released", "and", "by", "h",
    ]

    // MARK: - Speech and speakers

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
        "promises", "vowed", "vows", "pledged", "pledges", "called", "calls", "described",
        "describes", "recalled", "recalls", "maintained", "maintains", "countered", "counters",
        "concluded", "concludes", "quipped", "testified", "confirmed", "confirms", "denied",
        "denies", "reiterated", "reiterates", "underlined", "underlines", "highlighted",
        "highlights", "accused", "accuses", "criticised", "criticized", "condemned", "condemns",
        "demanded", "demands", "dismissed", "dismisses", "rejected", "rejects",
        "welcomed", "welcomes", "praised", "praises", "blamed", "blames", "telling",
        "saying", "speaking", "answered", "answers", "recounted", "estimated",
        "estimates", "assured", "assures", "objected", "protested", "boasted", "agreed",
        "agrees", "disagreed", "signalled", "signaled", "hinted",
        "labelled", "labeled", "branded", "termed", "dubbed", "characterised", "characterized",
        "pointed", "went", "put", "briefed", "informed", "reminded", "wondered", "mused",
        "joked", "shouted", "retorted", "interjected", "snapped", "forecast",
        "forecasts", "calling", "describing", "arguing", "insisting", "noting", "stressing",
        "explaining", "urging", "acknowledging", "welcoming", "accusing", "vowing", "pledging",
        "promising", "predicting", "cautioning", "complaining", "admitting",
        // Verbs of judgement a tabloid or an obituary reports speech with.
        "blasted", "blasts", "blasting", "slammed", "slams", "slamming", "lambasted", "fumed", "scoffed",
        "hailed", "hails", "hailing", "mocked", "derided", "decried", "decries", "lamented", "laments", "bemoaned",
    ]

    /// The speech verbs of a plain attribution clause (`"…," she said.`): after a quote that
    /// ended its sentence, only these attach the next words' subject to it.
    static let plainSpeechVerbs: Set<String> = [
        "said", "says", "added", "adds", "asked", "asks", "told", "tells", "wrote", "writes",
        "replied", "replies", "continued", "explained", "insisted", "warned", "concluded",
        "stated", "noted", "declared", "answered", "responded",
    ]

    /// Verb forms that continue an earlier clause (`…, adding: "…"`): no subject of their own.
    static let participles: Set<String> = [
        "adding", "saying", "telling", "warning", "calling", "describing", "arguing", "insisting",
        "noting", "stressing", "explaining", "urging", "acknowledging", "welcoming", "accusing",
        "vowing", "pledging", "promising", "predicting", "cautioning", "complaining", "admitting",
        "speaking", "writing", "declaring", "asking",
    ]

    /// Words between a subject and its verb that do not break the clause (`has also said`,
    /// `later told`).
    static let auxiliaries: Set<String> = [
        "has", "have", "had", "also", "later", "then", "previously", "repeatedly", "publicly",
        "privately", "earlier", "again", "once", "recently", "would", "will", "further",
        "separately", "quickly", "was", "is", "were", "already", "simply", "flatly",
        "bluntly", "openly", "reportedly", "first", "last", "subsequently", "since", "often",
        "never", "firmly", "angrily", "sharply", "strongly", "only", "just", "did", "does", "not",
    ]

    /// Auxiliaries of the passive (`was described as "…"`: the subject is not the speaker).
    static let passiveAuxiliaries: Set<String> = ["was", "were", "is", "are", "been", "being"]

    /// The head nouns of a title: a run ending at one of these is all role (`Deputy
    /// Assistant Secretary`, `Licensing Director`, `Analyst`).
    static let titleHeads: Set<String> = [
        "minister", "secretary", "president", "director", "chief", "ambassador", "spokesperson",
        "spokesman", "spokeswoman", "analyst", "admiral", "general", "commander", "governor",
        "senator", "representative", "rep.", "sen.", "chancellor", "premier", "mayor", "chairman",
        "chairwoman", "chair", "chairperson", "ceo", "cfo", "cto", "coo", "officer", "head",
        "envoy", "commissioner", "adviser", "advisor", "professor", "prof.", "captain", "colonel",
        "lieutenant", "major", "sergeant", "king", "queen", "prince", "princess", "lawmaker", "mp",
        "parliamentarian", "legislator", "congressman", "congresswoman", "councilor", "assemblyman",
        "assemblywoman", "mep", "deputy", "undersecretary", "under-secretary", "attorney", "judge", "justice",
        "economist", "researcher", "fellow", "lawyer", "inspector", "superintendent", "manager",
        "executive", "founder", "co-founder", "coordinator", "counsel", "leader", "consul",
        "diplomat", "official", "prosecutor", "editor", "correspondent", "vice-admiral",
        "rear-admiral", "marshal", "brigadier", "commodore", "negotiator", "strategist", "expert",
        "activist", "partner", "engineer", "rapporteur", "auditor", "secretary-general",
        "director-general", "administrator", "regulator", "speaker", "emir", "sheikh", "sultan",
        "pope", "cardinal", "bishop", "archbishop", "patriarch", "gen.", "adm.", "col.", "lt.", "capt.", "cmdr.", "gov.",
        "pres.", "sgt.", "maj.", "general-secretary", "councillor", "alderman", "presenter",
        "host", "historian", "scholar", "author", "owner", "skipper", "pilot", "trader", "banker",
        "investor", "entrepreneur", "physician", "scientist", "president-elect", "premier-elect",
        "supervisor", "treasurer", "comptroller", "principal", "dean", "rector", "provost",
        "curator", "ombudsman", "controller", "master", "member", "vice-president", "vice-premier",
        "vice-chairman", "vice-chair", "ambassador-at-large", "rep", "sen", "gov", "gen", "adm", "col",
        "lt", "capt", "cmdr", "sgt", "maj", "del", "amb", "supt", "candidate", "nominee", "pollster",
        "consultant", "columnist", "commentator", "moderator", "aide", "anchor", "reporter",
        "journalist", "organizer", "organiser", "delegate", "del.", "chaplain", "pastor", "rabbi",
        "imam", "cleric", "surrogate", "operative", "campaigner", "advocate", "novelist",
        "writer", "blogger", "lobbyist", "donor", "fundraiser", "frontrunner", "front-runner",
        // Who someone is to the name before them (`Clinton ally James Carville`, `Concord resident
        // Whit Symms`).
        "ally", "boss", "resident", "constituent", "co-host", "supporter", "contender", "rival", "challenger",
        "staffer", "confidant", "loyalist",
        "co-chair", "co-chairman", "co-chairwoman", "hydrologist", "geologist", "ecologist", "climatologist",
        // A team's people (`Kosovo coach Bujar Krasniqi`, `goalkeeper Ana Ruiz`).
        "coach", "goalkeeper", "midfielder", "striker", "referee", "pitcher", "batsman",
        // Members of the Dáil, of Northern Ireland's and Scotland's assemblies.
        "td", "mla", "msp",
        // `chargé d'affaires Jane Doe`: the title's last word.
        "d'affaires", "d\u{2019}affaires",
    ]

    /// Titles so general that `the official said` points back to the titled person just
    /// named, whatever their title was.
    static let genericTitles: Set<String> = ["official", "diplomat", "executive", "envoy", "officer"]

    /// Words of rank that do not name an office (`the senior official`).
    static let ranks: Set<String> = ["senior", "former", "top"]

    /// Courtesy titles: dropped from a name, never a role.
    static let honorifics: Set<String> = [
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord", "lady", "rev", "rev.",
        "reverend", "fr", "fr.", "hon", "hon.", "msgr", "h.e", "h.e.",
    ]

    /// Courtesy titles that tell a person's sex (`she` skips `Mr. Lindqvist`).
    static let femaleCourtesyTitles: Set<String> = ["mrs", "mrs.", "ms", "ms.", "dame", "lady"]
    static let maleCourtesyTitles: Set<String> = ["mr", "mr.", "sir", "lord"]

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
        "party", "movement", "network", "forum", "club", "caucus", "spokesperson", "spokesman",
        "spokeswoman", "statement", "inc", "inc.", "ltd", "plc", "gmbh", "ag", "sa", "llc", "co", "co.",
        "exchange", "consortium", "carrier", "shipyard", "yard", "port", "airline", "line", "lines",
        "group's", "holdings", "tankers", "shipping", "airlines", "industries", "technologies",
        "chamber", "academy", "college",
    ]

    /// Works a person writes (`Halvard Eng's new book`): their author is whom the article quotes.
    static let works: Set<String> = [
        "book", "memoir", "memoirs", "novel", "biography", "autobiography", "study", "history", "essay",
        "essays", "report", "treatise", "monograph", "account", "debut", "chronicle", "manifesto",
    ]

    /// A state's posts abroad, named with their city when the sentence gives it (`the Russian
    /// embassy in Helsinki`, `the Indian High Commission in Colombo`, `the EU delegation in
    /// Dakar`). A commission is a post only as a high commission (`the Election Commission in
    /// Delhi` is a body at home).
    static let diplomaticPosts: Set<String> = ["embassy", "consulate", "mission", "legation", "high commission", "delegation"]

    /// Words that speak for a body (`an embassy spokesperson`, `a statement from the ministry`).
    static let spokesWords: Set<String> = ["spokesperson", "spokesman", "spokeswoman", "statement"]

    /// Plural and indefinite subjects: a crowd, not a speaker (`Officials said`).
    static let genericGroups: Set<String> = [
        "officials", "analysts", "diplomats", "experts", "critics", "observers", "sources",
        "campaigners", "residents", "officers", "executives", "lawmakers", "ministers",
        "operators", "traders", "investors", "economists", "activists", "witnesses", "others",
        "some", "many", "protesters", "people", "researchers", "scientists", "leaders",
        "negotiators", "insiders", "banks", "shipowners", "companies", "governments", "both",
        "supporters", "opponents", "environmentalists", "engineers", "industry", "they",
        "insurers", "shippers", "carriers", "owners", "buyers", "sellers", "farmers", "exporters",
        "importers", "brokers", "bankers", "lawyers", "regulators", "authorities", "unions",
        "neither", "either", "each", "all", "none", "several", "few", "most", "another", "other",
        "nobody", "everyone", "somebody", "someone", "anyone",
    ]

    /// Nouns that go on naming an office after a portfolio's word (`Climate Change`, `Foreign
    /// Policy`), and the endings of such abstract nouns (`Transformation`, `Procurement`,
    /// `Sustainability`): never the first name that follows the office.
    static let officeNouns: Set<String> = [
        "change", "policy", "action", "affairs", "matters", "issues", "questions", "services", "operations",
        "programmes", "programs", "strategy", "safety", "protection", "reform", "reforms", "trade", "growth",
        "diplomacy", "outreach", "support", "aid", "assistance", "work", "market", "markets", "rights",
        "transition", "adaptation", "finance", "resilience", "recovery", "crime", "justice", "engagement",
    ]
    static let officeNounEndings: [String] = [
        "tion", "sion", "ment", "ity", "ance", "ence", "ness", "ship", "ism", "ics", "acy", "ncy", "ure", "ogy", "ing",
    ]

    /// Nouns for an unnamed person that are no title (`A fisherman in Sisimiut …`, `A friend in
    /// Tiraspol …`): a sentence with such a subject brings in someone a later `she` may mean.
    static let personNouns: Set<String> = [
        "man", "woman", "fisherman", "fisher", "farmer", "friend", "neighbour", "neighbor", "shopkeeper",
        "vendor", "driver", "worker", "teacher", "student", "mother", "father", "son", "daughter", "wife",
        "husband", "soldier", "nurse", "doctor", "veteran", "voter", "passenger", "villager", "widow",
        "retiree", "pensioner", "mechanic", "merchant", "shopper", "customer", "volunteer", "refugee",
        "migrant", "survivor", "witness", "local", "mom", "dad", "grandmother", "grandfather", "colleague",
        "relative", "cousin", "sister", "brother", "boy", "girl", "teenager", "guest", "visitor", "tourist",
        "employee", "labourer", "laborer", "miner", "sailor", "crewman", "porter", "clerk", "waiter",
        "waitress", "baker", "butcher", "tailor", "carpenter", "smuggler", "protester", "demonstrator",
        "reader", "viewer", "listener", "caller", "parent", "source", "person",
    ]

    /// Articles of an unnamed subject (`a trader said`, `one official said`).
    static let indefiniteArticles: Set<String> = ["a", "an", "one", "another"]

    /// Common first names of women and of men in English-language news, so that `she` and
    /// `he` skip a person of the other sex (a name on neither list agrees with both).
    static let femaleFirstNames: Set<String> = [
        "hillary", "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica",
        "sarah", "karen", "nancy", "lisa", "betty", "margaret", "sandra", "ashley", "kimberly", "emily",
        "donna", "michelle", "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca", "laura",
        "sharon", "cynthia", "kathleen", "amy", "angela", "anna", "ann", "anne", "brenda", "pamela",
        "nicole", "emma", "helen", "samantha", "katherine", "catherine", "christine", "debra", "rachel",
        "carolyn", "janet", "maria", "heather", "diane", "julie", "joyce", "victoria", "kelly", "christina",
        "joan", "evelyn", "lauren", "judith", "olivia", "martha", "cheryl", "megan", "andrea", "hannah",
        "jacqueline", "gloria", "teresa", "sara", "janice", "julia", "marie", "grace", "judy", "theresa",
        "beverly", "denise", "marilyn", "amber", "danielle", "abigail", "brittany", "rose", "diana",
        "natalie", "sophia", "alexis", "lori", "kayla", "jane", "madeleine", "condoleezza", "nikki",
        "kellyanne", "huma", "donna", "debbie", "nancy", "elaine", "claire", "kirsten", "tammy", "tulsi",
        "loretta", "sheila", "maxine", "barbara", "dianne", "susana", "melania", "ivanka", "chelsea",
        "michele", "carly", "sarah", "jill", "gwen", "katie", "megyn", "ilyse", "ilse", "angela", "theresa",
        "ursula", "christine", "marine", "giorgia", "kamala", "liz", "kristen", "robin", "stacey", "tina",
        "sonia", "irina", "olga", "natalia", "svetlana", "tatiana", "elena", "fatima", "aisha", "leila",
        "priya", "kathryn", "eleanor", "charlotte", "sophie", "chloe", "alice", "ingrid", "helga",
        "anita", "sunita", "indira", "benazir", "yulia", "angelina", "mette", "sanna", "jacinda",
    ]
    static let maleFirstNames: Set<String> = [
        "donald", "james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas",
        "charles", "christopher", "daniel", "matthew", "anthony", "mark", "paul", "steven", "andrew",
        "kenneth", "joshua", "kevin", "brian", "george", "timothy", "ronald", "edward", "jason", "jeffrey",
        "ryan", "jacob", "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott",
        "brandon", "benjamin", "samuel", "gregory", "frank", "alexander", "raymond", "patrick", "jack",
        "dennis", "jerry", "tyler", "aaron", "jose", "adam", "henry", "nathan", "douglas", "zachary",
        "peter", "kyle", "walter", "ethan", "jeremy", "harold", "keith", "christian", "roger", "noah",
        "gerald", "carl", "terry", "sean", "austin", "arthur", "lawrence", "jesse", "dylan", "bryan",
        "joe", "jordan", "billy", "bruce", "albert", "willie", "gabriel", "logan", "alan", "juan", "wayne",
        "roy", "ralph", "randy", "eugene", "vincent", "russell", "elijah", "louis", "bobby", "philip",
        "johnny", "barack", "bernie", "bill", "ted", "marco", "jeb", "mitt", "mike", "chris", "rand",
        "newt", "reince", "rudy", "jim", "tim", "tom", "bob", "ben", "dick", "al", "rick", "kevin", "mitch",
        "chuck", "harry", "lindsey", "rex", "vladimir", "xi", "sergei", "dmitry", "dmitri", "nikolai",
        "igor", "ivan", "boris", "emmanuel", "olaf", "recep", "benjamin", "narendra", "justin", "abdul",
        "mohammed", "muhammad", "ahmed", "ali", "hassan", "hamid", "karim", "mahmoud", "nasser", "reza",
        "hugh", "leonard", "shinzo", "fumio", "jens", "mark", "rishi", "keir", "boris", "viktor",
        "volodymyr", "petro", "alexei", "yevgeny", "sergey", "andrei", "pedro", "luiz", "javier",
    ]

    /// Pronouns that stand for the person last named.
    static let personalPronouns: Set<String> = ["he", "she"]

    /// Pronouns that name no one Cable can resolve (`they said`, `we said`, `I said`).
    static let unresolvablePronouns: Set<String> = ["they", "we", "i"]

    /// Words that open a sentence and are never a speaker's name on their own (`It was …`,
    /// `Hours later, …`, `Back in 1999, …`).
    static let neverNames: Set<String> = [
        "it", "this", "that", "these", "those", "there", "here", "what", "hours", "days", "weeks", "months",
        "years", "minutes", "moments", "back", "asked", "facing", "none", "nothing", "everyone", "everybody",
        "whatever", "whoever", "whichever",
    ]

    /// Words that open a subordinate clause before the main one (`When Trump suggested …, Rubio
    /// fired back`). Not `as`: `As Jane Doe pointed out, the gap "…"` is what she pointed out.
    static let subordinators: Set<String> = [
        "when", "after", "while", "if", "because", "although", "though", "since", "before", "once", "until",
        "whereas", "unless",
    ]

    static let determiners: Set<String> = ["the", "a", "an", "its", "their", "his", "her", "our", "one"]

    /// Words after which a new clause (with its own subject) starts.
    static let clauseOpeners: Set<String> = [
        "which", "who", "whom", "that", "and", "but", "while", "as", "when", "after", "because",
        "although", "though", "since", "where", "whereas", "so", "if", "before", "until",
        "meanwhile", "however", "also", "yet", "then", "now", "later", "earlier", "today",
        "yesterday", "separately", "instead", "still", "or", "once",
    ]

    static let prepositions: Set<String> = [
        "of", "at", "in", "on", "from", "for", "with", "by", "to", "near", "inside", "outside",
        "across", "within", "about", "against", "among", "between", "into", "over", "under",
    ]

    /// Words allowed inside a name or title when a capitalised word follows them
    /// (`Secretary for Cyber Policy`, `Ministry of Defence`, `Ursula von der Leyen`).
    static let nameConnectors: Set<String> = ["of", "for", "the", "and", "de", "van", "von", "der", "al", "bin", "da", "du", "des", "la", "le"]

    /// `Benedikt Sauer of the Kiel Network Observatory`: a person, then where they work.
    static let affiliationWords: Set<String> = ["of", "at", "from"]

    /// `Secretary for Cyber Policy`: the office runs on after these.
    static let officeWords: Set<String> = ["for", "of", "in", "to"]

    /// The words a government portfolio is named with (`Minister of Mines`, `Undersecretary for
    /// Foreign Trade`, `Minister of Finance and Public Credit`): where the last of them stands
    /// before a name, the office ends there (`… of Mines Patrice Ilunga Mbuyi`: a name of three).
    static let portfolioWords: Set<String> = [
        "affairs", "foreign", "trade", "commerce", "industry", "industries", "defence", "defense", "finance",
        "finances", "economy", "economic", "energy", "mines", "mining", "petroleum", "oil", "gas", "hydrocarbons",
        "electricity", "power", "water", "health", "education", "interior", "justice", "labour", "labor",
        "agriculture", "fisheries", "transport", "transportation", "infrastructure", "environment", "culture",
        "tourism", "communications", "information", "security", "treasury", "credit", "planning",
        "development", "investment", "works", "housing", "welfare", "employment", "budget", "revenue",
        "customs", "immigration", "integration", "cooperation", "relations", "resources", "telecommunications",
        "technology", "science", "research", "youth", "sport", "sports", "family", "veterans", "lands",
        "forestry", "food", "maritime", "aviation", "climate", "reconstruction", "emergencies", "solidarity",
        "equality", "diaspora", "state", "intelligence", "police", "taxation", "administration",
    ]

    /// `a spokesperson for the embassy`.
    static let speaksForWords: Set<String> = ["for", "of", "at"]

    /// Where a lower-case description of a speaker ends (`a fund manager who …`).
    static let descriptionEnds: Set<String> = ["who", "which", "that", "and", "involved", "based"]

    /// Words that open a relative clause after a name (`The Council, which represents …, said`).
    static let relativeWords: Set<String> = ["which", "who", "whose"]

    /// `The ministry summoned the envoy and said …`: the verb belongs to the sentence's subject.
    static let clauseJoiners: Set<String> = ["and", "but", "then", "who", "which"]

    /// After a quote that closed its sentence, words that start a new clause about something
    /// else (`"…." That was before …`).
    static let newClauseWords: Set<String> = ["that", "when", "whether", "what", "how", "if", "it", "they"]

    /// Words that introduce a name or a title in quotation marks, not a quotation
    /// (`the so-called "shadow fleet"`, `a report titled "…"`).
    static let namingWords: Set<String> = [
        "so-called", "titled", "entitled", "named", "dubbed", "codenamed", "nicknamed", "phrase", "term",
        "word", "words", "slogan", "label", "motto", "hashtag", "banner",
    ]

    /// Capitalised words that open a sentence and never start a name: conjunctions, adverbs,
    /// prepositions and participles (`But Jane Doe said`, `Speaking to reporters, Jane Doe
    /// said`, `Earlier, …`, `For Jane Doe, the priority …`).
    static let sentenceOpeners: Set<String> = [
        "but", "and", "or", "so", "yet", "nor", "when", "while", "as", "after", "before", "since",
        "if", "although", "though", "because", "unless", "until", "whereas", "once", "where",
        "for", "by", "with", "without", "during", "through", "despite", "amid", "like", "unlike",
        "earlier", "later", "meanwhile", "however", "still", "also", "then", "now", "today",
        "yesterday", "tonight", "instead", "indeed", "separately", "already", "even", "only",
        "recently", "finally", "ultimately", "thus", "hence", "nevertheless", "moreover",
        "speaking", "asked", "appearing", "writing", "responding", "addressing", "commenting",
        "meeting", "pressed", "interviewed", "reacting", "following", "regarding", "including",
        "according", "over", "against", "among", "between", "toward", "towards", "upon",
        "there", "here", "no", "yes", "not", "this", "that", "these", "those", "what", "why", "how",
        "such", "every", "each", "all", "most", "more", "many", "much", "some", "any", "other",
    ]

    /// Conjunctions that open a sentence: only the word itself is skipped (`But Jane Doe, a
    /// senior analyst, said`).
    static let conjunctions: Set<String> = ["but", "and", "or", "so", "yet", "nor"]

    /// Prepositions that open a phrase of place or time (`In Cameron Parish`, `On Friday`): a
    /// capitalised run they start is not a speaker.
    static let placePrepositions: Set<String> = [
        "in", "on", "at", "from", "near", "inside", "outside", "across", "to", "into", "around",
        "within", "off", "beyond",
    ]

    /// Words that are never a speaker's name on their own (`On Friday`, `In January`).
    static let timeNames: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
        "february", "july", "september", "october", "november", "december", "tomorrow",
    ]

    /// Lower-case particles of a family name written with a hyphen (`al-Suwaidi`, `bin-Salem`):
    /// such a word counts as capitalised.
    static let nameParticles: Set<String> = ["al", "el", "ad", "as", "ash", "bin", "ibn", "abu", "ben", "da", "de", "di", "du", "van", "von", "ul", "ud"]

    /// Particles that, written as separate words, belong to a family name (`Al Marzouqi`, `van
    /// der Berg`, `de la Cruz`): a later reference by the family name keeps them.
    static let surnameParticles: Set<String> = nameParticles.union(["der", "den", "la", "le", "del", "dos", "das", "ter", "bint"])

    /// Places a sentence may name beside its speakers: countries, regions and capitals. A place
    /// is never a person, so `he` and `she` never resolve to it (`namely France, Germany and
    /// the United Kingdom`). A capital standing for its government (`Moscow said`) is a body.
    static let placeNames: Set<String> = [
        "afghanistan", "albania", "algeria", "angola", "argentina", "armenia", "australia", "austria",
        "azerbaijan", "bahrain", "bangladesh", "belarus", "belgium", "bolivia", "bosnia", "brazil",
        "britain", "great britain", "bulgaria", "burkina faso", "cambodia", "cameroon", "canada", "chad",
        "chile", "china", "colombia", "congo", "croatia", "cuba", "cyprus", "czechia", "czech republic",
        "denmark", "djibouti", "dominican republic", "ecuador", "egypt", "eritrea", "estonia",
        "ethiopia", "europe", "finland", "france", "gabon", "georgia", "germany", "ghana", "greece",
        "greenland", "guatemala", "guinea", "guyana", "haiti", "honduras", "hungary", "iceland",
        "india", "indonesia", "iran", "iraq", "ireland", "israel", "italy", "japan", "jordan",
        "kazakhstan", "kenya", "kosovo", "kuwait", "kyrgyzstan", "laos", "latvia", "lebanon", "libya",
        "lithuania", "luxembourg", "madagascar", "malaysia", "mali", "malta", "mauritania",
        "mauritius", "mexico", "moldova", "mongolia", "montenegro", "morocco", "mozambique", "myanmar",
        "namibia", "nepal", "netherlands", "new zealand", "nicaragua", "niger", "nigeria",
        "north korea", "south korea", "korea", "norway", "oman", "pakistan", "palestine", "panama",
        "paraguay", "peru", "philippines", "poland", "portugal", "qatar", "romania", "russia",
        "rwanda", "saudi arabia", "senegal", "serbia", "singapore", "slovakia", "slovenia", "somalia",
        "south africa", "south sudan", "spain", "sri lanka", "sudan", "sweden", "switzerland",
        "syria", "taiwan", "tajikistan", "tanzania", "thailand", "tunisia", "turkey", "türkiye",
        "turkmenistan", "uganda", "ukraine", "united arab emirates", "united kingdom",
        "united states", "united states of america", "uruguay", "uzbekistan", "venezuela", "vietnam",
        "yemen", "zambia", "zimbabwe", "islamic republic", "islamic republic of iran",
        "russian federation", "marshall islands", "middle east", "africa", "asia", "latin america",
        "arctic", "baltic", "balkans", "caucasus", "sahel", "gulf", "crimea", "donbas", "gaza",
        "west bank", "kashmir", "tibet", "xinjiang", "hong kong", "macau", "alaska", "california",
        "texas", "florida", "new york", "virginia", "ohio", "iowa", "new hampshire", "washington",
        "moscow", "beijing", "kyiv", "kiev", "london", "paris", "berlin", "brussels", "tokyo",
        "tehran", "ankara", "cairo", "delhi", "new delhi", "islamabad", "kabul", "baghdad",
        "damascus", "beirut", "riyadh", "doha", "abu dhabi", "dubai", "jerusalem", "tel aviv",
        "rome", "madrid", "lisbon", "vienna", "warsaw", "prague", "budapest", "bucharest", "sofia",
        "athens", "oslo", "stockholm", "helsinki", "copenhagen", "tallinn", "riga", "vilnius",
        "minsk", "tbilisi", "yerevan", "baku", "astana", "tashkent", "seoul", "pyongyang", "taipei",
        "manila", "jakarta", "hanoi", "bangkok", "canberra", "ottawa", "havana", "caracas",
        "bogota", "lima", "santiago", "brasilia", "buenos aires", "mexico city", "nairobi",
        "addis ababa", "khartoum", "niamey", "bamako", "kinshasa", "lagos", "abuja", "pretoria",
        "geneva", "the hague", "strasbourg", "davos",
        // The states of the United States (`Stacy Baker of Columbia, South Carolina`).
        "alabama", "arizona", "arkansas", "colorado", "connecticut", "delaware", "hawaii", "idaho", "illinois",
        "indiana", "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota",
        "mississippi", "missouri", "montana", "nebraska", "nevada", "new jersey", "new mexico", "north carolina",
        "north dakota", "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota",
        "tennessee", "utah", "vermont", "west virginia", "wisconsin", "wyoming",
    ]

    /// The organisation words a company's name may have (`Kolwezi Copper Cobalt Holdings`).
    static let companyNameWords: Set<String> = [
        "company", "corporation", "corp", "inc", "inc.", "ltd", "plc", "llc", "gmbh", "ag", "sa", "co", "co.",
        "holdings", "group", "tankers", "shipping", "airlines", "industries", "technologies", "line", "lines",
    ]

    /// A company's names for itself: `the company said` is the body last named when no other
    /// body came between.
    static let companyWords: Set<String> = ["company", "firm", "group", "operator", "producer", "carrier", "shipowner", "owner", "miner"]

    /// Abbreviations whose full stop ends no sentence (`Mr.`, `U.S.`, `Gen.`).
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "u.s", "u.k", "u.n", "e.u", "gen", "sen", "rep", "gov",
        "lt", "col", "capt", "adm", "cmdr", "sgt", "maj", "prof", "no", "jan", "feb", "mar", "apr",
        "aug", "sept", "sep", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "jr", "sr", "vs",
        "approx", "etc", "mt", "ft", "e.g", "i.e", "p.m", "a.m", "rev", "del", "fr", "hon", "msgr",
        "supt", "amb", "pres", "sens", "reps",
    ]
}
