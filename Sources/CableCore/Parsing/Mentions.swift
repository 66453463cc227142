/// People and bodies named outside quotes, remembered so that a later `he`, bare surname,
/// `the minister` or `the ministry` can be resolved.
enum Mentions {
    /// Notes the capitalised run `run` (the word after it is `after`): a known surname, a title
    /// before a name (`Defence Minister Jane Doe`), a name with an appositive (`Jane Doe, a
    /// senior analyst,`), or a body (`The Ministry of Foreign Affairs summoned …`).
    /// `asSubject`: the run opens its clause (rather than following a verb or a preposition),
    /// so that a later `he` or `she` may refer to a known surname named there.
    static func note(_ run: [ProseToken], after: ProseToken?, asSubject: Bool = true, memory: inout SpeakerMemory) {
        if run.count == 1 {
            if let known = memory.person(surname: run[0].text) { memory.remember(known, asSubject: asSubject) }
            return
        }
        let lastHasComma = run.last?.hasComma ?? false
        let appositive = lastHasComma && run.count <= 5 && (after.map(isAppositiveStart) ?? false)
        let hasTitle = !appositive && run.contains { $0.is(.titleHead) }
        if !hasTitle && !appositive {
            if run.contains(where: { $0.is(.organisation) }),
                let body = SpeakerNames.resolve(run: run, memory: memory), !body.isPerson, body.hasSecondWord {
                memory.remember(body, asSubject: asSubject)
            } else if asSubject, isPersonName(run, before: after), let person = SpeakerNames.resolve(run: run, memory: memory),
                person.isPerson, person.hasSecondWord {
                memory.remember(person)
            }
            return
        }
        // A titled name or one with an appositive introduces a person wherever it stands (`I
        // spoke to Jane Doe, who runs …`); so does a body (`Kolwezi Copper Cobalt Holdings, the
        // country's largest producer,`, `manager Kalliope Tankers`).
        guard let named = SpeakerNames.resolve(run: run, memory: memory), named.hasSecondWord else { return }
        memory.remember(named)
    }

    /// `Donald Trump said …`, `Hillary Clinton has …`: a plain name of two or three words that
    /// starts with a known first name or is followed by a speech verb.
    private static func isPersonName(_ run: [ProseToken], before next: ProseToken?) -> Bool {
        guard run.count <= 3, let first = run.first, !run.dropLast().contains(where: { $0.trailing != nil }) else { return false }
        let speaks = next.map { $0.is(.speechVerb) && !$0.is(.participle) && !$0.isCapitalised } ?? false
        return speaks || Vocabulary.femaleFirstNames.contains(first.lower) || Vocabulary.maleFirstNames.contains(first.lower)
    }

    /// The word after `Jane Doe,` that opens an appositive: an article, a lower-case word or a
    /// possessive (`Sigrid Halvorsrud, Norway's Senior Arctic Official,`), not a pronoun.
    private static func isAppositiveStart(_ token: ProseToken) -> Bool {
        !token.isQuote && !token.is(.pronoun) && token.lower != "it"
            && (token.is(.determiner) || !token.isCapitalised || token.isPossessive)
    }
}
