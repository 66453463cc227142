import CableCore

/// A UI session without a terminal: keys in, screens out. Tests and the benchmark drive
/// it; the terminal loop does the same steps with a terminal around them.
public struct Session: Sendable {
    public private(set) var state: AppState
    public let runner: EffectRunner
    /// When set, effects wait in `heldEffects` instead of running: the terminal loop hands
    /// them to a background worker so no query ever holds up a key, and the benchmark runs
    /// them after timing the key's first screen. Otherwise (tests) they run at once.
    public var holdsEffects = false
    public private(set) var heldEffects: [Effect] = []
    /// Timers asked for and not yet fired (tests fire them with `fireTimers`).
    public private(set) var timers: [TimerID] = []

    /// `state`: where to start (a restored session, settings from the config); by default
    /// a fresh state of that size.
    public init(library: any LibraryQuerying, size: Size, state: AppState? = nil) {
        let (first, effects) = start(state ?? AppState(size: size))
        self.state = first
        runner = EffectRunner(library: library)
        drain(effects)
    }

    /// Applies an action and, unless they are held, every effect that follows from it.
    public mutating func send(_ action: Action) {
        let (next, effects) = reduce(state, action)
        state = next
        drain(effects)
    }

    public mutating func press(_ keys: [Key]) {
        for key in keys { send(.key(key)) }
    }

    public mutating func type(_ text: String) { press(Key.sequence(text)) }

    public var screen: Screen { render(state) }

    /// The held effects, for whoever runs them (their results come back through `send`).
    public mutating func takeHeldEffects() -> [Effect] {
        defer { heldEffects = [] }
        return heldEffects
    }

    /// Runs the held effects here and now, and what follows from them.
    public mutating func runHeldEffects() {
        let held = takeHeldEffects()
        let holding = holdsEffects
        holdsEffects = false
        drain(held)
        holdsEffects = holding
    }

    /// Lets every timer asked for run out now.
    public mutating func fireTimers() {
        let due = timers
        timers = []
        for timer in due { send(.timer(timer)) }
    }

    private mutating func drain(_ effects: [Effect]) {
        if holdsEffects {
            heldEffects += effects
            return
        }
        var queue = effects[...]
        // Effects answer with actions that may ask for more; a bound keeps a bug from spinning.
        var budget = 10_000
        while let effect = queue.popFirst(), budget > 0 {
            budget -= 1
            if case .startTimer(let timer, _) = effect { timers.append(timer) }
            for action in runner.run(effect) {
                let (next, more) = reduce(state, action)
                state = next
                queue.append(contentsOf: more)
            }
        }
    }
}
