import Foundation

/// `renameat2(RENAME_EXCHANGE)`: swaps two paths in one step, so each always names a
/// complete folder. Glibc does not export it to Swift, so it is looked up at run time.
enum AtomicRename {
    /// What an exchange did.
    enum Outcome: Equatable {
        case done
        /// The kernel or file system has no exchange (old kernels, some network and
        /// overlay file systems); the caller falls back to two renames.
        case unsupported
        case failed(Int32)
    }

    private typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    /// `RENAME_EXCHANGE` from `<linux/fs.h>`.
    private static let exchangeFlag: UInt32 = 1 << 1

    private static let function: Renameat2? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: Renameat2.self)
    }()

    /// Exchanges `a` and `b`, which must both exist.
    static func exchange(_ a: String, _ b: String) -> Outcome {
        if ProcessInfo.processInfo.environment["LEAFPRESS_NO_RENAME_EXCHANGE"] != nil { return .unsupported }
        guard let function else { return .unsupported }
        if function(AT_FDCWD, a, AT_FDCWD, b, exchangeFlag) == 0 { return .done }
        switch errno {
        case EINVAL, ENOSYS, EOPNOTSUPP: return .unsupported
        case let code: return .failed(code)
        }
    }
}
