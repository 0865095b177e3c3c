import ArgumentParser
import ThinkingCore
import ThinkingStore

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
    static func load(_ reference: String?, paths: StorePaths, unfinishedOnly: Bool = false) throws -> LoadedSession {
        let directory = paths.sessionsDirectory
        if reference == nil && unfinishedOnly {
            for file in SessionFiles.list(in: directory) {
                if let loaded = try? SessionLoader.load(path: file.path), !loaded.isFinished { return loaded }
            }
            printError("There is no unfinished session to resume (`thinkenv sessions` lists them).")
            throw ExitCode(1)
        }
        let file: SessionFile
        do {
            file = try SessionFiles.resolve(reference ?? "latest", in: directory)
        } catch {
            printError(neutralised(String(describing: error), multiline: true))
            throw ExitCode(1)
        }
        do {
            return try SessionLoader.load(path: file.path)
        } catch {
            printError(neutralised(error.description))
            throw ExitCode(1)
        }
    }
}
