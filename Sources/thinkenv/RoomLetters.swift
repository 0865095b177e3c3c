import ThinkingFonts
import ThinkingTUI

/// The room's big names, from this machine's fonts. Nothing is loaded until a name is first
/// drawn, after the first frame.
enum RoomLetters {
    static let shared = NameLetters(FontLettering())
}
