import Foundation

/// A value kept across commands and read from any thread (tests run shells side by side), behind a
/// lock (Foundation's: the package still builds for macOS 13, before `Synchronization.Mutex`). Here
/// so that a plugin can keep one without importing Foundation, whose String methods would then stand
/// beside the standard library's throughout the plugin.
public final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) { self.value = value }

    public func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
