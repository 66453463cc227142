extension Quote {
    /// What the screen and the command line say for a quote whose speaker was not found.
    public static let unknownSpeaker = "(speaker unknown)"
}
