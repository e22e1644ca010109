import Glibc
import LoopscopeRender
import LoopscopeTrace

/// Writes a command's output file (`-o FILE`) without surprising whoever owns it.
///
/// The output is made by an `OutputProducer` and written as it comes (a long export is
/// never held whole in memory), except where noted.
///
/// - A regular file with one name is replaced atomically: the output goes to a hidden
///   temporary file beside it, which takes the old file's mode and owner and is renamed over
///   it, so a full disk or a failure (of the disk, or of the export part-way) leaves the old
///   file whole. SIGINT, SIGTERM or SIGHUP during the write remove the temporary file before
///   the process ends.
/// - A regular file with more than one name (hard links) is rewritten in place, so every
///   name keeps seeing the same file; so is a file whose folder does not let a temporary
///   file be made beside it, or whose owner could not be given to a replacement. The output
///   is then made whole in memory first, so an export that fails leaves the file as it was;
///   the write itself is not atomic: a full disk part-way leaves the file cut short.
/// - Anything else that exists (a device such as /dev/null, a FIFO) is written through as
///   the output comes, never replaced.
/// - A symbolic link is followed to its target, which is written as above; the link stays.
/// Every byte goes through the `DescriptorWriter` given (`write(2)` in the product).
enum OutputFile {
    static func write(to path: String, writer: DescriptorWriter, _ produce: OutputProducer) throws(OutputError) {
        let target = try resolveLinks(path)
        var info = stat()
        guard lstat(target, &info) == 0 else {
            let code = errno
            guard code == ENOENT else { throw failure(path, code) }
            try replace(target, produce, writer, keeping: nil, shown: path)
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            throw OutputError("cannot write \(shown(path)): it is a folder. Name a file to write, e.g. \(shown(path))/out.txt.")
        case S_IFREG:
            if info.st_nlink > 1 {
                try overwrite(target, produce, writer, shown: path)
            } else if !(try replace(target, produce, writer, keeping: info, shown: path)) {
                try overwrite(target, produce, writer, shown: path)
            }
        default:
            try writeThrough(target, produce, writer, shown: path)
        }
    }

    /// Follows `path` through symbolic links to what they name (which may not exist yet).
    static func resolveLinks(_ path: String) throws(OutputError) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = buffer.withUnsafeMutableBytes { readlink(current, $0.baseAddress!.assumingMemoryBound(to: CChar.self), $0.count - 1) }
            guard n > 0 else { throw failure(path, errno) }
            let destination = String(decoding: buffer[0..<n], as: UTF8.self)
            current = destination.hasPrefix("/") ? destination : folder(of: current) + "/" + destination
        }
        throw OutputError("cannot write \(shown(path)): too many symbolic links (a loop?).")
    }

    /// Writes a temporary file beside `target` and renames it over `target`. Returns false,
    /// having changed nothing and made no output, when an existing file should be written in
    /// place instead (its folder refuses new files, or its owner cannot be kept).
    @discardableResult
    private static func replace(_ target: String, _ produce: OutputProducer, _ writer: DescriptorWriter,
                                keeping old: stat?, shown path: String) throws(OutputError) -> Bool {
        let temp = folder(of: target) + "/." + name(of: target) + ".loopscope-\(getpid()).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else {
            let code = errno
            if old != nil, [EACCES, EPERM, EROFS].contains(code) { return false }
            throw failure(path, code)
        }
        TemporaryFileGuard.protect(temp)
        defer { TemporaryFileGuard.release() }
        if let old {
            guard fchown(fd, old.st_uid, old.st_gid) == 0, fchmod(fd, old.st_mode & 0o7777) == 0 else {
                close(fd)
                unlink(temp)
                return false
            }
        }
        let sink = DescriptorSink(fd: fd, writer: writer)
        do {
            try produce(sink)
        } catch {
            close(fd)
            unlink(temp)
            if let code = sink.failure { throw failure(path, code, keptOld: old != nil) }
            throw error.noting(old != nil ? "The existing file is unchanged." : "No file was written.")
        }
        let synced = fsync(fd) == 0 ? 0 : errno
        let closed = close(fd) == 0 ? 0 : errno
        if synced != 0 || closed != 0 {
            unlink(temp)
            throw failure(path, synced != 0 ? synced : closed, keptOld: old != nil)
        }
        guard rename(temp, target) == 0 else {
            let code = errno
            unlink(temp)
            throw failure(path, code, keptOld: old != nil)
        }
        return true
    }

    /// Makes the output in memory, then opens the existing regular file `target`, truncates
    /// it and writes the output into it.
    private static func overwrite(_ target: String, _ produce: OutputProducer, _ writer: DescriptorWriter,
                                  shown path: String) throws(OutputError) {
        let memory = MemorySink()
        do {
            try produce(memory)
        } catch {
            throw error.noting("The existing file is unchanged.")
        }
        let fd = open(target, O_WRONLY | O_CLOEXEC | O_TRUNC)
        guard fd >= 0 else { throw failure(path, errno) }
        let sink = DescriptorSink(fd: fd, writer: writer)
        _ = DescriptorSink.hand(memory.bytes, to: sink)
        let closed = close(fd) == 0 ? 0 : errno
        if let code = sink.failure ?? (closed != 0 ? closed : nil) { throw failure(path, code) }
    }

    /// Opens what `target` names (a device, a FIFO) and writes the output through as it comes.
    private static func writeThrough(_ target: String, _ produce: OutputProducer, _ writer: DescriptorWriter,
                                     shown path: String) throws(OutputError) {
        let fd = open(target, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(path, errno) }
        let sink = DescriptorSink(fd: fd, writer: writer)
        var made: OutputError?
        do { try produce(sink) } catch { made = error }
        let closed = close(fd) == 0 ? 0 : errno
        if let code = sink.failure ?? (closed != 0 ? closed : nil) { throw failure(path, code) }
        if let made { throw sink.count > 0 ? made.noting("What was written to \(shown(path)) is incomplete.") : made }
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let head = path[..<slash]
        return head.isEmpty ? "/" : String(head)
    }

    static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    static func shown(_ path: String) -> String { Sanitizer.line(path) }

    /// A write to `path` failed with `code`. `keptOld` says, once the output was being made
    /// in a temporary file, whether an existing file was kept (true) or none was written
    /// (false); nil before that.
    static func failure(_ path: String, _ code: Int32, keptOld: Bool? = nil) -> OutputError {
        let why = String(cString: strerror(code))
        let advice: String
        switch code {
        case ENOENT: advice = "Check that the folder \(shown(folder(of: path))) exists."
        case EACCES, EPERM, EROFS: advice = "Check that you may write there, or choose another place."
        case ENOSPC, EDQUOT: advice = "Free some space, or choose another place."
        default: advice = "Check the path, or choose another place."
        }
        let kept = keptOld.map { $0 ? " The existing file is unchanged." : " No file was written." } ?? ""
        return OutputError("cannot write \(shown(path)): \(why).\(kept) \(advice)")
    }
}
