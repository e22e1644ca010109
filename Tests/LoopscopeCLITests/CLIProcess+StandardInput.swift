import Foundation
import Glibc

extension CLIProcess {
    /// `loopscope arguments` with `input` on its standard input through a pipe (see
    /// `run(_:…inputBytes:…)`), standard output captured.
    static func runPiping(_ arguments: [String], input: [UInt8], timeLimit: Double = 120) throws -> Result {
        try run(arguments, captureStdout: true, inputBytes: input, timeLimit: timeLimit)
    }

    /// `loopscope arguments` with standard input (and nothing else) a pseudo-terminal, as
    /// when a command is typed at a shell with nothing piped in.
    static func runOnTerminal(_ arguments: [String], timeLimit: Double = 30) throws -> Result {
        // posix_openpt, unlockpt and ptsname are not imported into Swift: on Linux they are
        // /dev/ptmx, TIOCSPTLCK (_IOW('T', 0x31, int)) and TIOCGPTN (_IOR('T', 0x30, unsigned int)).
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { throw POSIXError(.ENODEV) }
        defer { close(master) }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(master, UInt(0x4004_5431), &unlock) == 0, ioctl(master, UInt(0x8004_5430), &number) == 0 else {
            throw POSIXError(.ENODEV)
        }
        let slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard slave >= 0 else { throw POSIXError(.ENODEV) }
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        defer { try? handle.close() }
        return try run(arguments, captureStdout: true, stdin: handle, timeLimit: timeLimit)
    }
}
