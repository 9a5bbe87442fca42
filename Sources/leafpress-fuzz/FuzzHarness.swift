// Fuzzing harness. Built with `-D FUZZING` and `-sanitize=fuzzer` (scripts/fuzz.sh),
// libFuzzer supplies main() and calls the entry point below with generated inputs.
// Built normally, it replays files: `leafpress-fuzz FILE...` runs each input through every
// target, which is how CI re-checks the corpus of inputs that once crashed.
import Foundation
import LeafpressCore

#if FUZZING
/// libFuzzer's driver, for when the program's own entry point starts it.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// SwiftPM links executables with their entry point renamed to `<module>_main`, so
/// libFuzzer's own main() is never used; this starts its driver instead.
@_cdecl("leafpress_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzzOneInput)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes else { return 0 }
    let data = Data(bytes: bytes, count: count)
    if let name = ProcessInfo.processInfo.environment["LEAFPRESS_FUZZ_TARGET"], let target = FuzzTargets.Target(rawValue: name) {
        FuzzTargets.run(data, through: target)
    } else {
        FuzzTargets.runAll(data)
    }
    return 0
}
#else
/// Replays fuzz inputs given as files.
@main
struct FuzzReplay {
    static func main() {
        var replayed = 0
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("\(path): error: cannot read\n".utf8))
                exit(2)
            }
            FuzzTargets.runAll(data)
            replayed += 1
        }
        print("replayed \(replayed) input\(replayed == 1 ? "" : "s") without a crash")
    }
}
#endif
