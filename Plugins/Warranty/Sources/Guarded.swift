import Foundation

/// A value kept across commands and read from any thread (tests run stores side by side), behind
/// a lock (Foundation's: the package still builds for macOS 13, before `Synchronization.Mutex`).
final class Guarded<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
