import DequeModule
import Foundation

/// The Swift runtime's own task-switch rate on this machine: the scheduler benchmark's
/// workload (tasks that each suspend `reschedules` times and are resumed in FIFO order) on a
/// minimal executor that records nothing, keeps no task records, timers or futures — one
/// continuation stored per suspension, one resume and one job run per switch. Nothing the
/// tracing scheduler does can be faster, so its rates are read against this one.
package enum RuntimeCeiling {
    package static func run(tasks: Int, reschedules: Int) -> (switches: Int, seconds: Double) {
        let executor = BareExecutor()
        let queue = BareQueue()
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<tasks {
            _ = Task(executorPreference: executor) {
                for _ in 0..<reschedules {
                    await withUnsafeContinuation { (c: UnsafeContinuation<Void, Never>) in queue.ready.append(c) }
                }
            }
        }
        var switches = tasks
        executor.drain()   // every task's first step
        while let c = queue.ready.popFirst() {
            switches += 1
            c.resume()
            executor.drain()
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return (switches, seconds)
    }
}

/// The ready queue of suspended bare tasks, touched only on the benchmark's thread.
private final class BareQueue: @unchecked Sendable {
    @exclusivity(unchecked) var ready = Deque<UnsafeContinuation<Void, Never>>()
}

/// Runs enqueued jobs only when drained, on the draining thread (the loop's executor without
/// parking, thread checks or logs).
private final class BareExecutor: TaskExecutor, @unchecked Sendable {
    @exclusivity(unchecked) private var jobs: [UnownedJob] = []

    func enqueue(_ job: consuming ExecutorJob) {
        jobs.append(UnownedJob(job))
    }

    func drain() {
        var i = 0
        while i < jobs.count {
            let job = jobs[i]
            i += 1
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
        jobs.removeAll(keepingCapacity: true)
    }
}
