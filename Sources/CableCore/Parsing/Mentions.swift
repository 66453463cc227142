/// People and bodies named outside quotes, remembered so that a later `he`, bare surname,
/// `the minister` or `the ministry` can be resolved.
enum Mentions {
    /// Notes the capitalised run `run` (the word after it is `after`): a known surname, a title
    /// before a name (`Defence Minister Jane Doe`), a name with an appositive (`Jane Doe, a
    /// senior analyst,`), or a body (`The Ministry of Foreign Affairs summoned …`).
    static func note(_ run: [ProseToken], after: ProseToken?, memory: inout SpeakerMemory) {
        if run.count == 1 {
            if let known = memory.person(surname: run[0].text) { memory.remember(known) }
            return
        }
        let lastHasComma = run.last?.hasComma ?? false
        let appositive = lastHasComma && run.count <= 5 && (after.map { !$0.isQuote && !$0.is(.pronoun) && $0.lower != "it" && ($0.is(.determiner) || !$0.isCapitalised) } ?? false)
        let hasTitle = !appositive && run.contains { $0.is(.titleHead) }
        if !hasTitle && !appositive {
            if run.contains(where: { $0.is(.organisation) }),
                let body = SpeakerNames.resolve(run: run, memory: memory), !body.isPerson, body.hasSecondWord {
                memory.remember(body)
            }
            return
        }
        // `Kolwezi Copper Cobalt Holdings, the country's largest producer,`: a body is kept too.
        guard let named = SpeakerNames.resolve(run: run, memory: memory), named.hasSecondWord,
            named.isPerson || appositive else { return }
        memory.remember(named)
    }
}
