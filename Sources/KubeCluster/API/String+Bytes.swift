import Foundation

extension String {
  /// Whether the text's UTF-8 holds `byte`, searched with memchr: a generic
  /// walk of `utf8` cost about ten instructions a byte, and the kubelet asks
  /// this of every log line and command it expands.
  func containsByte(_ byte: UInt8) -> Bool {
    utf8.withContiguousStorageIfAvailable { bytes in
      guard let base = bytes.baseAddress else { return false }
      return memchr(base, Int32(byte), bytes.count) != nil
    } ?? utf8.contains(byte)
  }
}
