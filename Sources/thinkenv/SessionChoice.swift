import ArgumentParser
import ThinkingCore
import ThinkingLog
import ThinkingProtocols
import ThinkingTranscripts

extension Thinkenv {
    static func paths() throws -> StorePaths {
        do {
            return try StorePaths(environment: environment)
        } catch {
            printError("thinkenv cannot find where to keep sessions: \(error)")
            throw ExitCode(1)
        }
    }
}

/// Finding a session from what the facilitator typed: a file name, the start of one,
/// `latest`, or (for resume) the newest unfinished session.
enum SessionChoice {
    /// The session's file, with its fallback files.
    static func file(_ reference: String?, paths: StorePaths, unfinishedOnly: Bool = false) throws -> SessionFile {
        if reference == nil && unfinishedOnly {
            for file in SessionFiles.scan(paths).files {
                if let loaded = try? SessionLoader.load(file), !loaded.isFinished { return file }
            }
            printError("There is no unfinished session to resume (`thinkenv sessions` lists them).")
            throw ExitCode(1)
        }
        do {
            return try SessionFiles.resolve(
                reference ?? "latest", in: paths.sessionsDirectory, fallbackDirectories: paths.fallbackDirectories)
        } catch {
            printError(neutralised(String(describing: error), multiline: true))
            throw ExitCode(1)
        }
    }

    /// The session read, with what its fallback files hold that the log lacks (read only:
    /// the lines go back into the log at the next `resume`, which holds the writer's lock).
    static func load(_ reference: String?, paths: StorePaths, unfinishedOnly: Bool = false) throws -> LoadedSession {
        try load(try file(reference, paths: paths, unfinishedOnly: unfinishedOnly))
    }

    /// `file` read, as `load(_:paths:)` reads a session it has found.
    static func load(_ file: SessionFile) throws -> LoadedSession {
        do {
            return try SessionLoader.load(file)
        } catch {
            printError(neutralised(error.description))
            throw ExitCode(1)
        }
    }
}
