import Foundation
import ThinkingCore
import ThinkingLog
import ThinkingTUI
import ThinkingTranscripts

/// The review (`thinkenv review`) as the loop runs it: `ReviewState` decides what a key
/// means; the model loads a transcript or writes an export when asked. Nothing moves on its
/// own, so the loop sleeps until a key (or a signal).
public final class ReviewModel: ScreenModel {
    public private(set) var state: ReviewState
    /// Where exports are written (the current directory).
    private let directory: String

    public init(state: ReviewState, directory: String) {
        self.state = state
        self.directory = directory
    }

    public func handle(_ wake: Wake) -> [LoopEffect<Void>] {
        guard case .key(let key) = wake else { return [] }
        switch state.handle(key) {
        case .none: break
        case .quit: return [.end(())]
        case .open(let entry): open(entry)
        case .export(let format): export(format)
        }
        return []
    }

    public func handle(signal: Int32) -> [LoopEffect<Void>] { [.end(())] }

    public var outcomeWhenTerminalLost: Void { () }

    public func render(width: Int, height: Int) -> ScreenBuffer {
        ReviewScreen(state: state).render(width: width, height: height)
    }

    /// A look every five seconds at most (signals interrupt the wait anyway).
    public var nextWake: Duration? { .seconds(5) }

    /// Loads a session's transcript for reading.
    public func open(_ entry: ReviewEntry) {
        do {
            state.transcript = Transcript(try SessionLoader.load(path: entry.path, fallbacks: entry.fallbacks))
        } catch {
            state.message = error.description
        }
    }

    private func export(_ format: Transcript.Format) {
        guard let transcript = state.transcript else { return }
        do {
            let path = try Self.export(transcript, as: format, into: directory, words: state.words)
            state.message = state.words.fill(.reviewWritten, ["path": path])
        } catch {
            state.message = state.words.fill(.reviewCannotExport, ["reason": "\(error)"])
        }
    }

    /// Writes `transcript` as `format` into `directory` (0600), never over an existing
    /// file; returns the path written.
    public static func export(
        _ transcript: Transcript, as format: Transcript.Format, into directory: String, local: LocalTime? = nil,
        words: Words = .english
    ) throws -> String {
        let text = try transcript.written(as: format, local: local, words: words)
        var path = (directory as NSString).appendingPathComponent("\(transcript.session).\(format.fileExtension)")
        var copy = 2
        while FileManager.default.fileExists(atPath: path) {
            path = (directory as NSString).appendingPathComponent(
                "\(transcript.session)-\(copy).\(format.fileExtension)")
            copy += 1
        }
        try PrivateFiles.write(Data(text.utf8), toPath: path)
        return path
    }
}
