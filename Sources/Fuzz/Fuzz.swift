import CFuzzSupport
import Foundation
import KubetutorFuzzing

// The libFuzzer executable: KT_FUZZ_TARGET names the FuzzTarget (shell,
// manifest or content). Built only with KT_FUZZ=1; see `make fuzz`.

let target: FuzzTarget = {
  let name = ProcessInfo.processInfo.environment["KT_FUZZ_TARGET"] ?? "shell"
  guard let target = FuzzTarget(rawValue: name) else {
    FileHandle.standardError.write(Data("Fuzz: KT_FUZZ_TARGET must be one of \(FuzzTarget.allCases.map(\.rawValue)), not '\(name)'\n".utf8))
    exit(2)
  }
  return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data else { return 0 }
  target.run(bytes: UnsafeBufferPointer(start: data, count: size))
  return 0
}

@_cdecl("Fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  var count = argc
  var arguments = argv
  _ = target
  return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzOne(data, size) }
}
