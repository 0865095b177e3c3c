import Foundation
import ThinkingCore
import ThinkingLog
import ThinkingTUI
import ThinkingTranscripts

/// The thin loop of `thinkenv review`: reads a key, lets `ReviewState` decide, loads a
/// transcript or writes an export when asked, draws. Nothing moves on its own, so it
/// sleeps until a key (or a signal).
public final class ReviewRunner {
    public private(set) var state: ReviewState
    private let terminal: any TerminalIO
    private let utcOffset: Int
    /// Where exports are written (the current directory).
    private let directory: String

    public init(state: ReviewState, terminal: any TerminalIO, utcOffset: Int, directory: String) {
        self.state = state
        self.terminal = terminal
        self.utcOffset = utcOffset
        self.directory = directory
    }

    public func run() {
        SignalFlags.install()
        defer { terminal.restore() }
        var quickEmptyReads = 0
        while true {
            if SignalFlags.take() != nil { return }
            terminal.followWindowSize()
            let size = terminal.size
            terminal.draw(
                ReviewScreen(state: state, utcOffset: utcOffset).render(width: size.width, height: size.height))
            let asked = ContinuousClock.now
            guard let key = terminal.readKey(timeout: .seconds(5)) else {
                quickEmptyReads = ContinuousClock.now - asked < .milliseconds(5) ? quickEmptyReads + 1 : 0
                if quickEmptyReads > 50 { return }
                continue
            }
            quickEmptyReads = 0
            switch state.handle(key) {
            case .none: break
            case .quit: return
            case .open(let entry): open(entry)
            case .export(let format): export(format)
            }
        }
    }

    /// Loads a session's transcript for reading.
    public func open(_ entry: ReviewEntry) {
        do {
            state.transcript = Transcript(try SessionLoader.load(path: entry.path, fallbacks: entry.fallbacks))
        } catch {
            state.message = error.description
        }
    }

    private func export(_ format: ReviewState.ExportFormat) {
        guard let transcript = state.transcript else { return }
        do {
            let path = try Self.export(transcript, as: format, into: directory, utcOffset: utcOffset)
            state.message = "Written to \(path) (readable by you only)"
        } catch {
            state.message = "Cannot export: \(error)"
        }
    }

    /// Writes `transcript` as `format` into `directory` (0600), never over an existing
    /// file; returns the path written.
    public static func export(
        _ transcript: Transcript, as format: ReviewState.ExportFormat, into directory: String, utcOffset: Int
    ) throws -> String {
        let text: String
        switch format {
        case .markdown: text = transcript.markdown(utcOffset: utcOffset)
        case .csv: text = transcript.csv()
        case .json: text = try transcript.json()
        case .html: text = transcript.html(utcOffset: utcOffset)
        }
        var path = (directory as NSString).appendingPathComponent("\(transcript.session).\(format.rawValue)")
        var copy = 2
        while FileManager.default.fileExists(atPath: path) {
            path = (directory as NSString).appendingPathComponent("\(transcript.session)-\(copy).\(format.rawValue)")
            copy += 1
        }
        try PrivateFiles.write(Data(text.utf8), toPath: path)
        return path
    }
}
