import Foundation
import Synchronization

/// The task executor every loop task prefers: it runs jobs only on the loop's thread, only
/// when the loop says so.
///
/// A new task's first job is parked on its record until the loop's first step for that task;
/// every later job is the task resuming after one of the loop's awaits, and runs at once, in
/// the step that resumed it. A job enqueued from any other thread is work that escaped the
/// loop (a raw `Task {}` or an await the loop does not own): it is never run, only counted,
/// so the run can fail loudly.
///
/// It does not run anything on its own: `drain()` runs what is queued, on the caller's thread.
final class LoopExecutor: TaskExecutor, @unchecked Sendable {
    private let thread: pthread_t
    @exclusivity(unchecked) private var jobs: [UnownedJob] = []
    /// When set, the next enqueued job is the first job of this task.
    @exclusivity(unchecked) var parkInto: TaskRecord?
    private let foreign = Mutex<Int>(0)

    init(thread: pthread_t) {
        self.thread = thread
        jobs.reserveCapacity(16)
    }

    var isOnLoopThread: Bool { pthread_equal(pthread_self(), thread) != 0 }

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        guard isOnLoopThread else {
            foreign.withLock { $0 += 1 }
            return
        }
        if let record = parkInto {
            record.startJob = unowned
            parkInto = nil
        } else {
            jobs.append(unowned)
        }
    }

    /// Counts a loopscope call made from another thread (it was refused).
    func noteForeignCall() { foreign.withLock { $0 += 1 } }

    /// How many jobs or calls arrived from other threads (and were refused).
    var foreignJobCount: Int { foreign.withLock { $0 } }

    /// Runs queued jobs, and the jobs they enqueue, until none is left.
    @inline(__always)
    func drain() {
        var i = 0
        while i < jobs.count {
            let job = jobs[i]
            i += 1
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
        jobs.removeAll(keepingCapacity: true)
    }

    /// Runs one parked first job, then whatever it enqueues.
    @inline(__always)
    func run(_ job: UnownedJob) {
        job.runSynchronously(on: asUnownedTaskExecutor())
        drain()
    }
}
