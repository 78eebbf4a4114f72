import Foundation
import PatuhServe
import Synchronization

/// Runs the server's async service from the synchronous command line, until it stops.
enum ServeRunner {
    static func run(server: PatuhServe.Server, host: String, port: Int, running: @escaping @Sendable (Int) -> Void)
        -> String?
    {
        let done = DispatchSemaphore(value: 0)
        let box = FailureBox()
        Task {
            do { try await server.application(host: host, port: port, running: running).runService() } catch {
                box.set(Console.describe(error))
            }
            done.signal()
        }
        done.wait()
        return box.value
    }

    final class FailureBox: Sendable {
        private let text = Mutex<String?>(nil)
        func set(_ s: String) { text.withLock { $0 = s } }
        var value: String? { text.withLock { $0 } }
    }
}
