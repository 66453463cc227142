import Foundation

/// Runs jobs that each start with one HTTP request, on a few worker threads, keeping to the
/// limits of a polite client: at most `perHost` requests at once to one host and `overall`
/// in all. A job holds its request slot until it calls `release()` (or returns), so the
/// work after the download (reading and saving the page) never keeps the next request of
/// that host waiting. A job may be given a time before which it must not start (a retry
/// backing off); jobs run in the order given among those whose host has room.
final class RequestScheduler: @unchecked Sendable {
    /// A request slot held by a running job.
    final class Slot: @unchecked Sendable {
        private let scheduler: RequestScheduler
        private let host: String
        private var released = false

        fileprivate init(scheduler: RequestScheduler, host: String) {
            self.scheduler = scheduler
            self.host = host
        }

        /// Gives the slot back (once; later calls do nothing).
        func release() {
            scheduler.condition.lock()
            defer { scheduler.condition.unlock() }
            guard !released else { return }
            released = true
            scheduler.running[host, default: 1] -= 1
            scheduler.requests -= 1
            // One waiting worker is enough: all are alike, so if it cannot start a job now,
            // none can.
            scheduler.condition.signal()
        }
    }

    private struct Job {
        var host: String
        var notBefore: Date
        var body: @Sendable (Slot) -> Void
    }

    let perHost: Int
    let overall: Int
    private let workers: Int
    private let condition = NSCondition()
    private var queue: [Job] = []
    private var running: [String: Int] = [:]
    private var requests = 0
    /// Jobs queued or running: the run ends when none are left.
    private var outstanding = 0
    /// Hosts that had the most requests at once (for tests of the limits).
    private(set) var peakPerHost: [String: Int] = [:]

    init(perHost: Int, overall: Int) {
        self.perHost = max(1, perHost)
        self.overall = max(1, overall)
        // More workers than request slots: some read and save while others download.
        self.workers = self.overall + 2
    }

    func submit(host: String, notBefore: Date = Date(), _ body: @escaping @Sendable (Slot) -> Void) {
        condition.lock()
        queue.append(Job(host: host.lowercased(), notBefore: notBefore, body: body))
        outstanding += 1
        condition.signal()
        condition.unlock()
    }

    /// Runs the jobs submitted (and those they submit) until none are left.
    func run() {
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            let thread = Thread { [self] in
                work()
                group.leave()
            }
            thread.stackSize = 4 << 20
            thread.start()
        }
        group.wait()
    }

    var peakRequestsPerHost: [String: Int] {
        condition.lock()
        defer { condition.unlock() }
        return peakPerHost
    }

    private func work() {
        while let (job, slot) = next() {
            job.body(slot)
            slot.release()
            condition.lock()
            outstanding -= 1
            // The last job done: every worker wakes to find there is no more.
            if outstanding == 0 { condition.broadcast() }
            condition.unlock()
        }
    }

    /// The next job that may start now, waiting for one; nil when all work is done.
    private func next() -> (Job, Slot)? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if outstanding == 0 { return nil }
            let now = Date()
            if requests < overall,
               let index = queue.firstIndex(where: { $0.notBefore <= now && running[$0.host, default: 0] < perHost }) {
                let job = queue.remove(at: index)
                running[job.host, default: 0] += 1
                requests += 1
                peakPerHost[job.host] = max(peakPerHost[job.host] ?? 0, running[job.host] ?? 0)
                return (job, Slot(scheduler: self, host: job.host))
            }
            // Wait for a slot, a new job, or the earliest retry coming due.
            let due = queue.map(\.notBefore).filter { $0 > now }.min() ?? now.addingTimeInterval(1)
            _ = condition.wait(until: min(due, now.addingTimeInterval(1)))
        }
    }
}
