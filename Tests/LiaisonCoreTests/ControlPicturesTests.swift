import LiaisonCore
import Testing

@Suite("Control characters made visible")
struct ControlPicturesTests {
    @Test(
        "a terminal is shown escape, NUL, carriage return, DEL and C1 controls as pictures; lines, tabs and letters stay"
    )
    func forTerminal() {
        let shown = ControlPictures.forTerminal(
            "sur\u{1B}[2Jname, d\u{0}ob\rOK\u{7F}\u{9B}31m\nnext\tcolumn, Zoë, Мария")
        #expect(shown == "sur␛[2Jname, d␀ob␍OK␡\u{FFFD}31m\nnext\tcolumn, Zoë, Мария")
        #expect(!shown.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
        #expect(ControlPictures.forTerminal("plain text, unchanged") == "plain text, unchanged")
    }

    @Test("the audit chain keeps line breaks and tabs, shows other C0 controls as pictures, and keeps C1 as sent")
    func audit() {
        #expect(AuditChain.storable("a\u{0}b\u{1B}c\r\n\td\u{7F}\u{85}") == "a␀b␛c\r\n\td␡\u{85}")
    }
}
