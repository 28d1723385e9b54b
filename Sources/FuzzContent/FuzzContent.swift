import CFuzzSupport
import KubetutorFuzzing

// libFuzzer entry points for `FuzzTarget.content`; built only with KT_FUZZ=1 (see `make fuzz`).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data else { return 0 }
  FuzzTarget.content.run(bytes: UnsafeBufferPointer(start: data, count: size))
  return 0
}

@_cdecl("FuzzContent_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  var count = argc
  var arguments = argv
  return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzOne(data, size) }
}
