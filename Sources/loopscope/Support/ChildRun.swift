import Foundation

/// Runs this program again as a child process with its output thrown away, and reports how
/// long it took and its peak memory (from the kernel's accounting of that child alone).
///
/// ```swift
/// let r = ChildRun.run(["export", "t.jsonl", "--format", "chrome"], seconds: 60, megabytes: 8_000)
/// print(r.seconds, r.peakMegabytes, r.exitCode)
/// ```
///
/// A child that outlives `seconds` or grows past `megabytes` of resident memory is killed
/// (`killedBecause` says why). Standard error's first line is kept, to show why a run failed.
struct ChildRun {
    var seconds: Double
    var peakMegabytes: Int
    /// The exit status, or nil when a signal ended it.
    var exitCode: Int32?
    var killedBecause: String?
    var firstErrorLine: String

    static func run(_ arguments: [String], seconds limit: Double, megabytes: Int) -> ChildRun {
        let program = selfPath()
        let errorPath = NSTemporaryDirectory() + "loopscope-bench-\(getpid()).err"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawn(&pid, program, &actions, nil, argv, environ) == 0 else {
            return ChildRun(seconds: 0, peakMegabytes: 0, exitCode: nil, killedBecause: "could not start",
                            firstErrorLine: "")
        }
        var status: Int32 = 0
        var usage = rusage()
        var killed: String? = nil
        while true {
            let r = wait4(pid, &status, WNOHANG, &usage)
            if r == pid { break }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            if killed == nil {
                if elapsed > limit {
                    killed = "over \(Int(limit)) s"
                } else if residentMegabytes(pid) > megabytes {
                    killed = "over \(megabytes) MB"
                }
                if killed != nil { kill(pid, SIGKILL) }
            }
            usleep(20_000)
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let errorText = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        unlink(errorPath)
        let exited = status & 0x7F == 0
        return ChildRun(seconds: elapsed, peakMegabytes: usage.ru_maxrss / 1024,
                        exitCode: exited ? (status >> 8) & 0xFF : nil, killedBecause: killed,
                        firstErrorLine: String(errorText.split(separator: "\n").first ?? ""))
    }

    /// This program's own path, for running it again.
    static func selfPath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// A process's resident memory now, from /proc (0 when it cannot be read).
    static func residentMegabytes(_ pid: pid_t) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}
