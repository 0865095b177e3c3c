import Glibc

/// SIGINT, SIGTERM and SIGHUP set a flag that the loop reads; nothing else happens in the
/// handler (the terminal is restored by the loop, never from a signal handler).
enum Signals {
    nonisolated(unsafe) private static var received: sig_atomic_t = 0

    static func install() {
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { Signals.received = $0 }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0  // no SA_RESTART: a waiting read returns at once
            sigaction(signal, &action, nil)
        }
    }

    static var pending: Int32? { received == 0 ? nil : received }

    /// The last signal received, once.
    static func take() -> Int32? {
        let signal = received
        received = 0
        return signal == 0 ? nil : signal
    }
}

/// Runs the `--on-time` command in the background: never waited for, never drawing on the
/// screen (its output goes to /dev/null).
enum Chime {
    static func start(_ command: String) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY, 0)
        }
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sh"), strdup("-c"), strdup(command), nil]
        defer { argv.forEach { free($0) } }
        _ = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ)
    }
}
