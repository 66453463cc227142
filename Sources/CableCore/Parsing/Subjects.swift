/// Finding who a clause is about: the subject that starts or ends a run of words, through the
/// runs of capitalised words that names and titles are made of.
enum Subjects {
    // MARK: - Subjects

    /// A subject that starts at the first token: a pronoun, a capitalised run, a lower-case
    /// title and a name (`mission spokeswoman Mariam Coulibaly`), or an article and a
    /// description (`the state secretary`, `a spokesperson for the Chinese embassy`).
    static func forward(_ tokens: [ProseToken], memory: SpeakerMemory) -> Speaker? {
        if let clause = mainClause(of: tokens) { return forward(Array(tokens[clause...]), memory: memory) }
        return subjectAtStart(tokens, memory: memory).map { withPost($0, in: tokens) }
    }

    /// `The Russian embassy in Helsinki`, `the Russian mission to the EU`: an embassy,
    /// consulate or mission is named with its post when the subject gives one (`in` or `to`
    /// and a capitalised place of one or two words).
    static func withPost(_ body: Speaker, in tokens: [ProseToken]) -> Speaker {
        let words = Text.words(body.name.lowercased()).map(String.init)
        guard !body.isPerson, !body.name.contains(" in "), !body.name.contains(" to "), let noun = words.last,
            Vocabulary.diplomaticPosts.contains(noun) || Vocabulary.diplomaticPosts.contains(words.suffix(2).joined(separator: " ")),
            let k = tokens.prefix(8).firstIndex(where: { $0.lower == noun }), k + 2 < tokens.count,
            tokens[k].trailing == nil, case let preposition = tokens[k + 1].lower, preposition == "in" || preposition == "to",
            !tokens[k + 1].isCapitalised, tokens[k + 1].trailing == nil
        else { return body }
        // `in The Hague`: a capitalised article mid-sentence is part of the place's name; `to
        // the EU`: a body's article goes with it.
        let article = tokens[k + 2].lower == "the" && (tokens[k + 2].isCapitalised || preposition == "to") && tokens[k + 2].trailing == nil ? 1 : 0
        var end = k + 2 + article
        while end < tokens.count, end - k - article <= 3, isPlaceWord(tokens[end]) {
            end += 1
            if tokens[end - 1].trailing != nil { break }
        }
        let place = Array(tokens[(k + 2)..<end])
        guard (1...2).contains(place.count - article), place.last?.isPossessive == false,
            end == tokens.count || !isPlaceWord(tokens[end]) || tokens[end - 1].trailing != nil else { return body }
        return Speaker(name: body.name + " " + preposition + " " + place.map(\.text).joined(separator: " "), role: body.role, isPerson: false)
    }

    /// A capitalised word that can be part of a city's or a country's name (not a body's, a
    /// title's, a day's or a month's).
    private static func isPlaceWord(_ token: ProseToken) -> Bool {
        token.isCapitalised && !token.isQuote && !token.isParenthetical && !token.is(.organisation) && !token.is(.titleHead)
            && !token.is(.determiner) && !Vocabulary.timeNames.contains(token.lower)
    }

    /// The subject that starts at the first token, the introductory phrase skipped.
    private static func subjectAtStart(_ tokens: [ProseToken], memory: SpeakerMemory) -> Speaker? {
        // `The UN's humanitarian office, OCHA, said …`: the name between the description's commas.
        if let second = tokens.prefix(14).indices.filter({ tokens[$0].hasComma }).dropFirst().first,
            let named = nameAfterDescription(Array(tokens[...second]), end: second, memory: memory) {
            return named
        }
        guard let first = tokens.first else { return nil }
        if first.is(.pronoun) { return memory.person(for: first.lower, at: first.position) }
        if !first.isCapitalised, let head = titledNameStart(0, in: tokens) {
            return SpeakerNames.resolve(run: Array(tokens[0..<runEnd(from: head, in: tokens)]), memory: memory)
        }
        // `former Permanent Secretary Jane Doe`: a rank in lower case before a capitalised title.
        if startsWithRankAndTitle(tokens), let found = SpeakerNames.resolve(run: Array(tokens[0..<runEnd(from: 1, in: tokens)]), memory: memory),
            found.isPerson, found.role != nil {
            return found
        }
        if first.isCapitalised && !first.is(.determiner) {
            return SpeakerNames.resolve(run: Array(tokens[0..<runEnd(from: 0, in: tokens)]), memory: memory)
        }
        guard first.is(.determiner), tokens.count >= 2 else { return nil }
        if tokens[1].isCapitalised && !tokens[1].isQuote {
            return determinerAndCapitalised(tokens, memory: memory)
        }
        let phrase = description(from: 1, in: tokens)
        // `a spokesperson for the Chinese embassy` speaks for the embassy.
        if let head = phrase.last, head.is(.spokesWord), head.trailing == nil, phrase.count + 1 < tokens.count,
            Vocabulary.speaksForWords.contains(tokens[phrase.count + 1].lower), phrase.count + 2 < tokens.count,
            let body = forward(Array(tokens[(phrase.count + 2)...]), memory: memory), !body.isPerson {
            return body
        }
        // `the analyst Jane Doe`, `the former Togolese minister Kossi Amegadjie`: a title in lower
        // case, then the name.
        if phrase.indices.dropLast().contains(where: { phrase[$0].is(.titleHead) && !phrase[$0].isCapitalised && phrase[$0 + 1].isCapitalised }) {
            return SpeakerNames.resolve(run: phrase, memory: memory)
        }
        // `one senior executive at a German automaker`: an indefinite title is someone unnamed,
        // not the person last given that title.
        if Vocabulary.indefiniteArticles.contains(first.lower), let head = phrase.last, !head.is(.organisation) { return nil }
        return SpeakerNames.resolve(description: phrase, memory: memory)
    }

    /// `former Permanent Secretary Jane Doe`, `former Obama Education Secretary Jane Doe`: a
    /// rank in lower case, then a capitalised run with a title in it.
    static func startsWithRankAndTitle(_ tokens: [ProseToken]) -> Bool {
        guard tokens.count > 2, case let first = tokens[0], !first.isCapitalised, Vocabulary.ranks.contains(first.lower),
            first.trailing == nil, tokens[1].isCapitalised, !tokens[1].isQuote else { return false }
        return tokens[1..<runEnd(from: 1, in: tokens)].contains { $0.is(.titleHead) }
    }

    /// Where the main clause starts after an introductory word or phrase: `Earlier, the
    /// ministry …`, `Speaking to reporters, Jane Doe …`, `In Washington, the State Department
    /// …`, `But Jane Doe …`. Nil when the words open with none.
    static func mainClause(of tokens: [ProseToken]) -> Int? {
        guard let first = tokens.first, first.isCapitalised, !first.isQuote else { return nil }
        // `Q:`, `A:`, `T.B.:`: the speaker's label of a Q&A line.
        if first.trailing == .colon { return tokens.count > 1 ? 1 : nil }
        if let dateline = datelineEnd(of: tokens) { return dateline }
        if let phrase = introductoryPhraseEnd(of: tokens) { return phrase }
        let isPlace = Vocabulary.placePrepositions.contains(first.lower)
        // `Marking the anniversary, …`: a participle before an article or a preposition.
        let participle = first.is(.participle) || first.lower.hasSuffix("ing") && tokens.count > 1
            && (tokens[1].is(.determiner) || tokens[1].is(.preposition))
        let opener = Vocabulary.sentenceOpeners.contains(first.lower) || participle || isPlace
        guard opener || first.hasComma && first.is(.clauseOpener) else { return nil }
        if first.hasComma || Vocabulary.conjunctions.contains(first.lower) { return tokens.count > 1 ? 1 : nil }
        // `In January the US Department of Energy …`: the clause starts at its article.
        if isPlace, let article = tokens.prefix(5).dropFirst().firstIndex(where: { $0.is(.determiner) && !$0.isCapitalised }),
            !tokens[..<article].contains(where: { $0.trailing != nil }) {
            return article
        }
        // The phrase runs to its comma; without one, only the word itself is skipped.
        if let comma = tokens.prefix(16).firstIndex(where: { $0.hasComma }), comma + 1 < tokens.count,
            !Vocabulary.descriptionEnds.contains(tokens[comma + 1].lower), tokens[comma + 1].lower != "where" {
            return comma + 1
        }
        return isPlace || tokens.count < 2 ? nil : 1
    }

    /// `WASHINGTON —`, `Washington (AFP) –`: a dateline (a place, maybe an agency in
    /// parentheses, and a dash) before the sentence; where its clause starts.
    static func datelineEnd(of tokens: [ProseToken]) -> Int? {
        guard let dash = tokens.prefix(5).firstIndex(where: \.isDash), dash > 0, dash + 1 < tokens.count else { return nil }
        let place = tokens[..<dash].filter { !$0.isParenthetical }
        guard !place.isEmpty, SpeakerNames.isPlace(place) || place.allSatisfy(isAcronym) else { return nil }
        return dash + 1
    }

    /// `Hours later, Trump …`, `Back in 1999, Mr. Trump …`: a phrase of two to six words with no
    /// name, verb or pronoun in it (only its first word capitalised) before a comma; where the
    /// clause after it starts. A known person's name is never such a phrase's first word.
    static func introductoryPhraseEnd(of tokens: [ProseToken]) -> Int? {
        guard let comma = tokens.prefix(6).firstIndex(where: { $0.trailing != nil }), comma >= 1, comma + 1 < tokens.count,
            tokens[comma].hasComma, tokens[comma + 1].isCapitalised,
            Vocabulary.neverNames.contains(tokens[0].lower) || SpeakerNames.isAdverb(tokens[0])
        else { return nil }
        let rest = tokens[1...comma]
        return rest.contains { $0.isCapitalised || $0.isQuote || $0.is(.speechVerb) || $0.is(.pronoun) } ? nil : comma + 1
    }

    /// `The Chinese embassy`, `one European naval officer`: capitalised adjectives before
    /// lower-case nouns make a description, not a name; `The Kremlin`, `The Ministry of
    /// Defence` are names.
    private static func determinerAndCapitalised(_ tokens: [ProseToken], memory: SpeakerMemory) -> Speaker? {
        let end = runEnd(from: 1, in: tokens)
        let head = tokens[end - 1]
        // `The US Department of Energy paused …`: a connector makes the run a name.
        if head.trailing == nil, end < tokens.count, !tokens[end].isCapitalised, !tokens[end].isQuote,
            !endsDescription(tokens[end]), !head.is(.organisation), !head.is(.titleHead),
            !tokens[1..<end].contains(where: { $0.is(.connector) }) {
            return SpeakerNames.resolve(description: description(from: 1, in: tokens), memory: memory)
        }
        if let titled = titledNameAfterBody(tokens, bodyEnd: end, memory: memory) { return titled }
        return SpeakerNames.resolve(run: Array(tokens[0..<end]), memory: memory)
    }

    /// `The Council on American-Islamic Relations National Executive Director Nihad Awad`: a
    /// body's name that goes on after a preposition and ends in a title and a name is that
    /// person, the body in their role; the body alone is no speaker there.
    private static func titledNameAfterBody(_ tokens: [ProseToken], bodyEnd end: Int, memory: SpeakerMemory) -> Speaker? {
        guard end + 1 < tokens.count, tokens[end - 1].is(.organisation), tokens[end - 1].trailing == nil,
            tokens[end].is(.preposition), !tokens[end].isCapitalised, tokens[end].trailing == nil,
            tokens[end + 1].isCapitalised, !tokens[end + 1].isQuote, !tokens[end + 1].is(.determiner) else { return nil }
        let runEnd = runEnd(from: end + 1, in: tokens)
        guard tokens[(end + 1)..<runEnd].contains(where: { $0.is(.titleHead) }),
            let found = SpeakerNames.resolve(run: Array(tokens[0..<runEnd]), memory: memory), found.isPerson, found.role != nil
        else { return nil }
        return found
    }

    /// The subject that ends at the last token: `he`, `Jane Doe`, `Jane Doe, a senior analyst
    /// at the Arctic Institute,`, `the state secretary`, `The Chinese embassy`.
    static func backward(_ tokens: [ProseToken], memory: SpeakerMemory) -> Speaker? {
        var end = tokens.count - 1
        // Auxiliaries and a party tag (`Paul Ryan (R-WI) has said`) stand between name and verb.
        while end >= 0 && (tokens[end].is(.auxiliary) || tokens[end].isParenthetical) { end -= 1 }
        guard end >= 0 else { return nil }
        let last = tokens[end]
        if last.is(.pronoun) { return memory.person(for: last.lower, at: last.position) }
        // `It said`, `what it called "…"`: the body just quoted or named.
        // `In a notice to exporters, it said`: after an opening phrase too.
        if last.lower == "it" {
            let opens = end == 0 || tokens[end - 1].lower == "what" || opensAfterOpeningPhrase(end, from: 0, in: tokens)
            return opens ? memory.referentOfIt : nil
        }
        if Vocabulary.unresolvablePronouns.contains(last.lower) { return nil }
        if last.hasComma { return beforeAppositive(tokens, end: end, memory: memory) }
        if last.isCapitalised {
            let start = runStartBackward(endingAt: end, in: tokens)
            // `… said Tehran rejected "…"`: the subject of reported speech, not the speaker.
            if start > 0, tokens[start - 1].is(.speechVerb), !tokens[start - 1].isCapitalised { return nil }
            // `Stacy Baker of Columbia, South Carolina says`: a state after its town is where the
            // subject is from.
            if start > 0, tokens[start - 1].hasComma, tokens[start - 1].isCapitalised,
                SpeakerNames.isPlace(Array(tokens[start...end])) {
                return forward(tokens, memory: memory)
            }
            // A name after a preposition or a noun (`… at the state company Rosatom said`) is not
            // the subject: the clause's first words are. After `what` it is (`the hopes of
            // shedding what Gilbert called "…"`).
            if start > 0, !tokens[start - 1].isCapitalised, tokens[start - 1].trailing == nil, tokens[start - 1].lower != "what",
                !tokens[start - 1].is(.clauseOpener), !isBareDescription(endingAt: start - 1, in: tokens),
                !tokens[start - 1].is(.determiner) || start >= 2 && tokens[start - 2].is(.preposition),
                !isDescribedAtClauseStart(start, in: tokens) {
                return forward(tokens, memory: memory)
            }
            return SpeakerNames.resolve(run: Array(tokens[start...end]), memory: memory)
        }
        return descriptionBackward(tokens, end: end, memory: memory)
    }

    /// `the state-run Huaxia Daily said`, `In Taipei, the pro-government Morning Post called`:
    /// an article opening the clause and one or two lower-case adjectives before the name (no
    /// preposition before the article, which would make the name an object).
    private static func isDescribedAtClauseStart(_ start: Int, in tokens: [ProseToken]) -> Bool {
        var k = start - 1
        while k >= 0, start - k <= 2, isDescriptor(tokens[k]), !tokens[k].is(.titleHead), !tokens[k].is(.organisation) { k -= 1 }
        guard k >= 0, k < start - 1, tokens[k].is(.determiner), !tokens[k].isPossessive, tokens[k].trailing == nil else { return false }
        return k == 0 || tokens[k - 1].trailing != nil || tokens[k - 1].is(.clauseOpener)
    }

    /// Whether the word at `i` is the first after the comma of an opening phrase that starts
    /// the sentence at `start` (`As the lights went down, one official …`, `In a notice to
    /// exporters, it said`): a subordinator or a preposition first, no other punctuation, no
    /// speech verb reporting the words (`At one meeting, she recalls, …`).
    static func opensAfterOpeningPhrase(_ i: Int, from start: Int, in tokens: [ProseToken]) -> Bool {
        guard i - start >= 3, tokens[i - 1].hasComma, !tokens[i - 1].is(.speechVerb), case let first = tokens[start].lower,
            Vocabulary.sentenceOpeners.contains(first) || Vocabulary.placePrepositions.contains(first) else { return false }
        return !tokens[start..<(i - 1)].contains { $0.trailing != nil || $0.isQuote }
            && !tokens[start..<(i - 1)].indices.dropLast().contains { k in
                tokens[k].is(.speechVerb) && !tokens[k].isCapitalised && tokens[k + 1].lower == "that"
            }
    }

    /// `fisherman and organizer Travis LeBlanc said`, `Republican presidential candidate Donald
    /// Trump said`: the words before a name, back to a comma or the clause's start, describe it
    /// (lower-case nouns, capitalised adjectives), with no article, preposition or verb among
    /// them (which would make the name an object: `at the state company Rosatom`).
    private static func isBareDescription(endingAt end: Int, in tokens: [ProseToken]) -> Bool {
        var k = end
        while k >= 0 && end - k < 6 {
            let token = tokens[k]
            if k < end && token.trailing != nil { return true }
            if token.isQuote || token.is(.determiner) || token.is(.preposition) || token.is(.speechVerb) || token.is(.auxiliary)
                || token.is(.pronoun) || token.is(.clauseOpener) && token.lower != "and" { return false }
            k -= 1
        }
        return k < 0
    }

    /// `Jane Doe, a senior analyst at the Arctic Institute, said`: the name before the comma that
    /// opens the appositive; `The foreign secretary, Tobias Rendell, said`: the name between the
    /// commas after a description; `The Council, which represents Inuit in Alaska, Canada and
    /// Greenland, said`: the name before the relative clause.
    private static func beforeAppositive(_ tokens: [ProseToken], end: Int, memory: SpeakerMemory) -> Speaker? {
        if let opening = nameOpeningAppositive(tokens, memory: memory) { return opening }
        if let named = nameAfterDescription(tokens, end: end, memory: memory) { return named }
        var k = end - 1
        if let relative = tokens[max(0, end - 24)..<end].lastIndex(where: { Vocabulary.relativeWords.contains($0.lower) }),
            relative > 0, tokens[relative - 1].hasComma {
            k = relative - 1
            // `Rep. Glen Ashworth, R-Kan., whose district …, called`: the name before the party.
            if k > 0, SpeakerNames.isPartyTag(tokens[k]), tokens[k - 1].hasComma { k -= 1 }
        } else {
            while k >= 0 && end - k <= 18 {
                if tokens[k].hasComma || tokens[k].isQuote { break }
                k -= 1
            }
        }
        guard k >= 0, tokens[k].hasComma, tokens[k].isCapitalised else { return nil }
        let start = runStartBackward(endingAt: k, in: tokens)
        // `a woman in Worcester, Massachusetts, told`: a name after a preposition is where the
        // subject is, not the subject.
        if start > 0, tokens[start - 1].is(.preposition), !tokens[start - 1].isCapitalised { return nil }
        // `The Commandant of the National Coast Guard, Deputy Commissioner of Police Anil
        // Seetohul, told`: a titled name between the commas is the subject the description
        // before it introduces.
        if k < end, let titled = titledNameBetweenCommas(tokens, from: k + 1, end: end, memory: memory) { return titled }
        return SpeakerNames.resolve(run: Array(tokens[start...k]), memory: memory)
    }

    /// The titled person (a role and a name) the capitalised run from `start` to `end` names,
    /// when it is the whole of the words between two commas.
    private static func titledNameBetweenCommas(_ tokens: [ProseToken], from start: Int, end: Int, memory: SpeakerMemory) -> Speaker? {
        guard runStartBackward(endingAt: end, in: tokens) == start, tokens[start].isCapitalised, !tokens[start].is(.determiner),
            let found = SpeakerNames.resolve(run: Array(tokens[start...end]), memory: memory), found.isPerson, found.role != nil
        else { return nil }
        return found
    }

    /// `Willie Minor, an actor in Dallas, who runs a theater company,`, `Mr. Daniloff, now 81
    /// and retired in Cambridge, Mass.,`: the name that opens the clause, before the comma that
    /// opens its appositive; the names and places inside the appositive are not the subject.
    private static func nameOpeningAppositive(_ tokens: [ProseToken], memory: SpeakerMemory) -> Speaker? {
        let start = mainClause(of: tokens) ?? 0
        guard start < tokens.count, tokens[start].isCapitalised, !tokens[start].isQuote, !tokens[start].is(.determiner) else { return nil }
        let end = runEnd(from: start, in: tokens)
        guard end < tokens.count, tokens[end - 1].hasComma, Mentions.isAppositiveStart(tokens[end]),
            let found = SpeakerNames.resolve(run: Array(tokens[start..<end]), memory: memory), !found.isPlace
        else { return nil }
        return found
    }

    /// `Its head of aviation security, Raul Kivistik,`: a name of two to four capitalised words
    /// between commas, after a description that ends in a lower-case word or a possessive.
    private static func nameAfterDescription(_ tokens: [ProseToken], end: Int, memory: SpeakerMemory) -> Speaker? {
        var k = end - 1
        while k >= 0 && end - k <= 5 && !tokens[k].hasComma {
            guard tokens[k].isCapitalised, !tokens[k].isQuote else { return nil }
            k -= 1
        }
        let name = (k + 1)...end
        // `The UN's humanitarian office, OCHA, said`: one word only when an acronym.
        guard k >= 1, tokens[k].hasComma, !tokens[k].isQuote, name.count >= 2 || isAcronym(tokens[end]),
            !tokens[k].isCapitalised || tokens[max(0, k - 8)..<k].contains(where: { $0.is(.titleHead) }), !tokens[name].contains(where: { $0.is(.organisation) }),
            !SpeakerNames.isPlace(Array(tokens[name])) else { return nil }
        return SpeakerNames.resolve(run: Array(tokens[name]), memory: memory)
    }

    /// A description after an article, possibly with capitalised adjectives, ending at `end`
    /// (`the state secretary`, `Sweden's defence ministry`).
    private static func descriptionBackward(_ tokens: [ProseToken], end: Int, memory: SpeakerMemory) -> Speaker? {
        var k = end
        while k >= 0 && end - k < 6 && !tokens[k].is(.determiner) {
            if k < end && tokens[k].trailing != nil { return nil }
            if tokens[k].isQuote { return nil }
            // `Sweden's defence ministry`: a possessive name opens the description;
            // `The Russian Foreign Ministry's spokesperson` speaks for the ministry.
            if k < end && tokens[k].isPossessive && tokens[k].isCapitalised {
                // `A source in Ukraine's security service told`: a body after a preposition is
                // not the subject; the clause's first words are.
                let owner = runStartBackward(endingAt: k, in: tokens)
                if owner > 0, tokens[owner - 1].is(.preposition), !tokens[owner - 1].isCapitalised { return forward(tokens, memory: memory) }
                if tokens[end].is(.spokesWord), let body = possessiveBody(endingAt: k, in: tokens, memory: memory) { return body }
                return SpeakerNames.resolve(description: Array(tokens[k...end]), memory: memory)
            }
            k -= 1
        }
        guard k >= 0, tokens[k].is(.determiner), k < end else { return nil }
        if k > 0, !tokens[k - 1].is(.clauseOpener),
            tokens[k - 1].is(.preposition) || !tokens[k - 1].isCapitalised && tokens[k - 1].trailing == nil {
            // `… one insurance broker in a Dubai office said`: the clause's first words.
            return forward(tokens, memory: memory)
        }
        return SpeakerNames.resolve(description: Array(tokens[(k + 1)...end]), memory: memory)
    }

    /// The body named by the capitalised run that ends in the possessive at `end` (`The Russian
    /// Foreign Ministry's`), its possessive taken off; nil for a person or a place.
    private static func possessiveBody(endingAt end: Int, in tokens: [ProseToken], memory: SpeakerMemory) -> Speaker? {
        var run = Array(tokens[runStartBackward(endingAt: end, in: tokens)...end])
        run[run.count - 1].text.removeLast(2)
        run[run.count - 1].isPossessive = false
        guard let body = SpeakerNames.resolve(run: run, memory: memory), !body.isPerson, !SpeakerNames.isPlace(run) else { return nil }
        return body
    }

    /// After a quote: a subject followed by a speech verb (`he said`, `the Chip Design Council,
    /// which represents smaller firms, said`, `Deputy Director Pavel Lebedko of the Northern Sea
    /// Route directorate said`). Returns the verb's index and the speaker, if any; nil when the
    /// words do not have that shape.
    static func thenSpeechVerb(_ tokens: [ProseToken], memory: SpeakerMemory) -> (verb: Int, speaker: Speaker?)? {
        guard let first = tokens.first, !first.isQuote else { return nil }
        let isPronoun = first.is(.pronoun) || first.lower == "it" || first.lower == "they"
        guard isPronoun || first.isCapitalised || first.is(.determiner) || titledNameStart(0, in: tokens) != nil
            || startsWithRankAndTitle(tokens) else { return nil }
        var verb: Int?
        var k = isPronoun ? 1 : 0
        while k < tokens.count && k < 24 {
            let token = tokens[k]
            if token.isQuote { return nil }
            if k > 0 && token.is(.speechVerb) && !token.isCapitalised {
                if token.is(.participle) { return nil }
                verb = k
                break
            }
            if token.endsSentence { return nil }
            if isPronoun && !token.is(.auxiliary) { return nil }
            k += 1
        }
        guard let verb else { return nil }
        if isPronoun {
            if first.lower == "it" { return (verb, memory.referentOfIt) }
            return (verb, first.is(.pronoun) ? memory.person(for: first.lower, at: first.position) : nil)
        }
        // The subject ends at the verb: read back from it (`Republican presidential candidate
        // Donald Trump said`), and forward when that finds none.
        let subject = Array(tokens[..<verb])
        return (verb, backward(subject, memory: memory) ?? forward(subject, memory: memory))
    }

    /// `OCHA`, `UKMTO`: two or more letters, all capitals.
    static func isAcronym(_ token: ProseToken) -> Bool {
        token.text.unicodeScalars.count >= 2 && token.text.unicodeScalars.allSatisfy { Text.letterCase($0) == .upper }
    }

    // MARK: - Descriptions

    /// Whether the clause ending at the last token has an unnamed person for its subject: an
    /// indefinite article at the clause's start, then lower-case words (capitalised adjectives
    /// allowed) up to its head, which names no body (`a senior Ukrainian naval officer, speaking
    /// on condition of anonymity,`, `A Hong Kong-based cobalt trader`).
    static func hasUnnamedSubject(_ tokens: [ProseToken]) -> Bool { unnamedSubjectStart(tokens) != nil }

    /// Where the clause's unnamed subject (`hasUnnamedSubject`) starts: the last of its
    /// indefinite phrases that describes a person.
    static func unnamedSubjectStart(_ tokens: [ProseToken]) -> Int? {
        // An article after a name and its comma opens an appositive (`Harjeet Bains, a retired
        // general,`, `Eleni Charalambous, then a junior member of the team,`), not a subject.
        func followsName(_ k: Int) -> Bool { k > 0 && tokens[k - 1].hasComma && tokens[k - 1].isCapitalised }
        let starts = tokens.indices.suffix(30).filter { i in
            Vocabulary.indefiniteArticles.contains(tokens[i].lower)
                && (i == 0 || tokens[i - 1].is(.clauseOpener) && !followsName(i - 1) || tokens[i - 1].isQuote
                    || tokens[i - 1].trailing != nil && !tokens[i - 1].isCapitalised)
        }
        // `One of them, a retired schoolteacher in Thiès,`: any of the clause's indefinite
        // phrases may be its subject.
        return starts.last { unnamedPerson(from: $0, in: tokens) }
    }

    /// Whether the indefinite phrase at `start` describes a person (`a senior naval officer`,
    /// `one of them`), not a body or a group.
    private static func unnamedPerson(from start: Int, in tokens: [ProseToken]) -> Bool {
        // `A US State Department spokesperson`: the voice of the body it names, not someone unnamed.
        func isPersonNoun(_ j: Int) -> Bool {
            let token = tokens[j]
            return !token.isCapitalised && !token.isQuote && !token.is(.organisation) && !token.is(.genericGroup) && !token.is(.determiner)
                && !(token.is(.spokesWord) && tokens[(start + 1)..<j].contains { $0.isCapitalised && $0.is(.organisation) })
        }
        if tokens[start].lower == "one", start + 2 < tokens.count, tokens[start + 1].lower == "of", !tokens[start + 2].isCapitalised {
            return true
        }
        var k = start + 1
        while k < tokens.count && k - start <= 6 {
            let token = tokens[k]
            if token.isQuote || token.is(.speechVerb) || token.is(.auxiliary) { return false }
            // `A captain with a regional carrier, who …`: the head noun is before the phrase.
            if token.is(.preposition) || Vocabulary.relativeWords.contains(token.lower) {
                return k > start + 1 && isPersonNoun(k - 1)
            }
            if token.trailing != nil || k == tokens.count - 1 { return isPersonNoun(k) }
            k += 1
        }
        return false
    }

    static func endsDescription(_ token: ProseToken) -> Bool {
        token.isQuote || token.is(.speechVerb) || token.is(.preposition) || token.is(.auxiliary)
            || Vocabulary.descriptionEnds.contains(token.lower)
    }

    /// A lower-case noun phrase from `start`, up to five words: up to a verb, a preposition, a
    /// relative pronoun or punctuation (`fund manager` in `a fund manager at a bank, who …`).
    static func description(from start: Int, in tokens: [ProseToken]) -> [ProseToken] {
        var k = start
        while k < tokens.count && k - start < 5 {
            let token = tokens[k]
            if endsDescription(token) { break }
            k += 1
            if token.trailing != nil { break }
        }
        return Array(tokens[start..<k])
    }

    // MARK: - Runs of capitalised words

    /// A word that can be part of a name or a title.
    static func isRunWord(_ token: ProseToken) -> Bool {
        !token.isQuote && !token.isParenthetical && (token.isCapitalised || token.is(.titleHead))
    }

    /// A lower-case word that can describe a speaker's office (`government`, `delegation`), not
    /// a verb, a preposition or another function word.
    static func isDescriptor(_ token: ProseToken) -> Bool {
        !token.isQuote && !token.isCapitalised && token.trailing == nil && !token.is(.speechVerb)
            && !token.is(.preposition) && !token.is(.connector) && !token.is(.determiner)
            && !token.is(.clauseOpener) && !token.is(.auxiliary) && !token.is(.pronoun)
    }

    /// If up to three lower-case descriptors from `start` lead to a title followed by a name
    /// (`government spokesman Tesfaye Gebremariam`), the index of that title.
    static func titledNameStart(_ start: Int, in tokens: [ProseToken]) -> Int? {
        var k = start
        while k < tokens.count && k - start <= 2 {
            let token = tokens[k]
            if token.is(.titleHead) && !token.isCapitalised && token.trailing == nil,
                k + 1 < tokens.count, tokens[k + 1].isCapitalised, !tokens[k + 1].isQuote {
                return k
            }
            guard isDescriptor(token) else { return nil }
            k += 1
        }
        return nil
    }

    /// The end (exclusive) of the capitalised run starting at `start`: through lower-case
    /// titles before a name and connectors before a capitalised word (`Ministry of Defence`);
    /// it stops after a word carrying punctuation.
    static func runEnd(from start: Int, in tokens: [ProseToken]) -> Int {
        var k = start
        while k < tokens.count {
            let token = tokens[k]
            if isRunWord(token) {
                k += 1
                if token.trailing != nil {
                    if token.hasComma, tokens[start..<(k - 1)].contains(where: { $0.is(.connector) && !$0.isCapitalised }),
                        let listEnd = portfolioListEnd(after: k - 1, in: tokens) {
                        k = listEnd
                    }
                    break
                }
                continue
            }
            if k > start, tokens[k - 1].trailing == nil, let head = titledNameStart(k, in: tokens) {
                k = head  // `Ethiopian government spokesman Tesfaye Gebremariam`
                continue
            }
            // `Air Force 1st Lt. Tyler Livingston`: an ordinal before a capitalised title.
            if k > start, tokens[k - 1].trailing == nil, isOrdinal(token), token.trailing == nil, k + 1 < tokens.count,
                tokens[k + 1].isCapitalised, tokens[k + 1].is(.titleHead) {
                k += 1
                continue
            }
            if token.is(.connector), token.trailing == nil, k > start {
                var next = k + 1
                while next < tokens.count && tokens[next].is(.connector) && tokens[next].trailing == nil { next += 1 }
                if next < tokens.count && tokens[next].isCapitalised && !tokens[next].isQuote {
                    k = next
                    continue
                }
            }
            break
        }
        return max(k, start + 1)
    }

    /// `Ministry of Foreign Affairs, Regional Integration and International Trade`: after the
    /// comma of a portfolio's word inside a body's or an office's name, the rest of its list of
    /// portfolios (capitalised items each ending in a portfolio's word, the last after `and`);
    /// where the list ends, nil when the words after the comma are no such list (`the Ministry
    /// of Defence, Jane Doe and …`).
    static func portfolioListEnd(after comma: Int, in tokens: [ProseToken]) -> Int? {
        guard Vocabulary.portfolioWords.contains(tokens[comma].lower) else { return nil }
        var k = comma + 1
        var sawAnd = false
        while k < tokens.count, k - comma <= 10 {
            let token = tokens[k]
            if token.lower == "and", !token.isCapitalised, token.trailing == nil, !sawAnd, tokens[k - 1].trailing == nil || tokens[k - 1].hasComma {
                sawAnd = true
                k += 1
                continue
            }
            guard token.isCapitalised, !token.isQuote, !token.isParenthetical, !token.isPossessive else { return nil }
            let next = k + 1 < tokens.count ? tokens[k + 1] : nil
            let itemEnds = token.trailing != nil || next.map { !$0.isCapitalised || $0.isQuote } ?? true
            if itemEnds {
                guard Vocabulary.portfolioWords.contains(token.lower) else { return nil }
                if sawAnd { return k + 1 }
                guard token.hasComma || next?.lower == "and" else { return nil }
            }
            k += 1
        }
        return nil
    }

    /// `1st`, `2nd`, `23rd`, `4th`: a number written as an ordinal.
    static func isOrdinal(_ token: ProseToken) -> Bool {
        let lower = token.lower
        guard lower.count >= 3, let first = lower.unicodeScalars.first, Text.isDigit(first) else { return false }
        return ["st", "nd", "rd", "th"].contains(String(lower.suffix(2))) && lower.dropLast(2).unicodeScalars.allSatisfy(Text.isDigit)
    }

    /// The start of the capitalised run ending at `end` (inclusive), at most 30 words back:
    /// through connectors (`Ministry of Defence`), lists inside an office (`Secretary for
    /// Energy, Environment, and Resources`) and the preposition after a title (`Secretary in the
    /// Union Ministry`, `Ambassador to the United Nations`).
    static func runStartBackward(endingAt end: Int, in tokens: [ProseToken]) -> Int {
        var k = end
        while k > 0 && end - k < 30 {
            let previous = tokens[k - 1]
            if previous.isQuote { break }
            if previous.trailing != nil {
                guard let listStart = officeListStart(before: k, end: end, in: tokens) else { break }
                k = listStart
                continue
            }
            if isRunWord(previous) && (previous.isCapitalised || tokens[k].isCapitalised) {
                k -= 1
                continue
            }
            // Lower-case descriptors before a lower-case title: `Armenian delegation spokesman`.
            if !tokens[k].isCapitalised, isDescriptor(previous), end - k < 8,
                tokens[k].is(.titleHead) || isDescriptor(tokens[k]) && k + 1 <= end && !tokens[k + 1].isCapitalised {
                k -= 1
                continue
            }
            if let joined = joinedStart(before: k, end: end, in: tokens) {
                k = joined
                continue
            }
            break
        }
        return k
    }

    /// Before `k`, lower-case connectors (`of the`) or a title's preposition (`Secretary in
    /// the`, `Ambassador to the`) and then a word of the run: that word's index.
    private static func joinedStart(before k: Int, end: Int, in tokens: [ProseToken]) -> Int? {
        var j = k
        var afterTitleOnly = false
        while j > 0, tokens[j - 1].trailing == nil, !tokens[j - 1].isCapitalised,
            tokens[j - 1].is(.connector) || Vocabulary.officeWords.contains(tokens[j - 1].lower) {
            if !tokens[j - 1].is(.connector) { afterTitleOnly = true }
            j -= 1
        }
        guard j < k, j > 0 else { return nil }
        let word = tokens[j - 1]
        if word.hasComma, word.isCapitalised { return officeListStart(before: j, end: end, in: tokens) }
        guard isRunWord(word), word.trailing == nil, !afterTitleOnly || word.is(.titleHead) else { return nil }
        return j - 1
    }

    /// `Ministry of Economy, Trade and Industry`, `Secretary for Energy, Environment, and
    /// Resources`: at a comma inside a run, the start of the list (the word after its `of` or
    /// `for`), when the list's items are capitalised and it closes with `and`; nil otherwise.
    private static func officeListStart(before k: Int, end: Int, in tokens: [ProseToken]) -> Int? {
        guard tokens[k...end].contains(where: { $0.lower == "and" }) else { return nil }
        var j = k
        while j > 0 && k - j < 8 {
            let item = tokens[j - 1]
            if item.is(.connector) && item.trailing == nil { return j - 1 > 0 && isRunWord(tokens[j - 2]) ? j - 1 : nil }
            guard item.isCapitalised, !item.isQuote, item.trailing == nil || item.hasComma else { return nil }
            j -= 1
        }
        return nil
    }
}
