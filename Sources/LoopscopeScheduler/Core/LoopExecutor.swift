import Foundation
import Synchronization

/// The task executor every loop task prefers: it runs jobs only on the loop's thread, only
/// when the loop says so.
///
/// A new task's first job is parked on its record until the loop's first step for that task;
/// every later job is the task resuming after one of the loop's awaits, and runs at once, in
/// the step that resumed it. A job enqueued from any other thread is work that escaped the
/// loop (a raw `Task {}` or an await the loop does not own): it is never run, only logged,
/// so the run can fail loudly.
///
/// It also keeps the log of calls that reached the loop's objects from another thread
/// (`noteOffThread`): the only part of it other threads touch, behind a lock.
///
/// It does not run anything on its own: `drain()` runs what is queued, on the caller's thread.
final class LoopExecutor: TaskExecutor, @unchecked Sendable {
    private let thread: pthread_t
    @exclusivity(unchecked) private var jobs: [UnownedJob] = []
    /// When set, the next enqueued job is the first job of this task.
    @exclusivity(unchecked) var parkInto: TaskRecord?
    /// Jobs run since the loop began the current step.
    @exclusivity(unchecked) var jobsThisStep = 0
    /// Whether the first job of the current step is the Swift task that drives the stepping
    /// task (set by the loop when it resumes one; see `EventLoop.isDriver`).
    @exclusivity(unchecked) var firstJobIsDriver = false
    private let offThread = Mutex(OffThreadLog())
    /// Bumped with the log, read by the loop once per iteration without taking the lock.
    private let offThreadCount = Atomic<Int>(0)
    private let runOver = Atomic<Bool>(false)

    /// What reached the loop from other threads: how many jobs and calls, and the first few
    /// calls by name and line.
    struct OffThreadLog {
        var jobs = 0
        var calls: [String] = []
        var callCount = 0
    }

    init(thread: pthread_t) {
        self.thread = thread
        jobs.reserveCapacity(16)
    }

    var isOnLoopThread: Bool { pthread_equal(pthread_self(), thread) != 0 }

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        guard isOnLoopThread else {
            offThread.withLock { $0.jobs += 1 }
            offThreadCount.add(1, ordering: .relaxed)
            return
        }
        if let record = parkInto {
            record.startJob = unowned
            parkInto = nil
        } else {
            jobs.append(unowned)
        }
    }

    /// Logs a call of loopscope's made from another thread (it was refused).
    func noteOffThread(_ call: String) {
        offThread.withLock { log in
            log.callCount += 1
            if log.calls.count < 5 { log.calls.append(call) }
        }
        offThreadCount.add(1, ordering: .relaxed)
    }

    /// How many jobs and calls arrived from other threads so far (cheap: no lock).
    var offThreadEvents: Int { offThreadCount.load(ordering: .relaxed) }

    var offThreadLog: OffThreadLog { offThread.withLock { $0 } }

    /// Whether the run this executor serves has finished (readable from any thread).
    var isRunOver: Bool {
        get { runOver.load(ordering: .acquiring) }
        set { runOver.store(newValue, ordering: .releasing) }
    }

    /// Whether no job is queued.
    var isIdle: Bool { jobs.isEmpty }

    /// Runs queued jobs, and the jobs they enqueue, until none is left.
    @inline(__always)
    func drain() {
        var i = 0
        while i < jobs.count {
            let job = jobs[i]
            i += 1
            jobsThisStep &+= 1
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
        jobs.removeAll(keepingCapacity: true)
    }

    /// Runs one parked first job, then whatever it enqueues.
    @inline(__always)
    func run(_ job: UnownedJob) {
        jobsThisStep &+= 1
        job.runSynchronously(on: asUnownedTaskExecutor())
        drain()
    }
}
