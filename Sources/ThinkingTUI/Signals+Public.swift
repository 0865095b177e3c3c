/// The runner's signal flags for other loops (the review): SIGINT, SIGTERM and SIGHUP are
/// noted, never acted on in the handler, so the loop restores the terminal on its way out.
public enum SignalFlags {
    public static func install() { Signals.install() }

    /// The last signal received, once.
    public static func take() -> Int32? { Signals.take() }
}
