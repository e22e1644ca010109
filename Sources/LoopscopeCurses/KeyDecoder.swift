import CNcurses
import LoopscopeTUI

/// Turns ncurses key codes and characters into `Key`s.
enum KeyDecoder {
    static func key(code: Int32) -> Key {
        switch code {
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_BTAB: .backTab
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        default: .unknown(code)
        }
    }

    static func key(character v: UInt32) -> Key {
        switch v {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(v + 0x60)!))
        default:
            guard let scalar = Unicode.Scalar(v) else { return .unknown(Int32(bitPattern: v)) }
            return .char(Character(scalar))
        }
    }
}
