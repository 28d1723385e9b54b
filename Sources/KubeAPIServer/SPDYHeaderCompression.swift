import CZlib

/// SPDY/3 header blocks: name/value pairs, zlib-compressed against the
/// protocol's fixed dictionary, one zlib stream per direction for the
/// whole connection (each block ends with a sync flush, so the peer can
/// inflate it as soon as it arrives).
enum SPDYHeaderBlock {
  /// A header block's pairs, in order; names are lowercase, and several
  /// values of one name travel NUL-separated in one value.
  typealias Pairs = [SPDYHeader]

  /// The uncompressed form: a 32-bit count, then length-prefixed names and values.
  static func encode(_ pairs: Pairs) -> [UInt8] {
    var bytes: [UInt8] = []
    append32(UInt32(pairs.count), to: &bytes)
    for header in pairs {
      let nameBytes = Array(header.name.lowercased().utf8)
      let valueBytes = Array(header.value.utf8)
      append32(UInt32(nameBytes.count), to: &bytes)
      bytes += nameBytes
      append32(UInt32(valueBytes.count), to: &bytes)
      bytes += valueBytes
    }
    return bytes
  }

  /// Reads an uncompressed block; nil when it is cut short.
  static func decode(_ bytes: [UInt8]) -> Pairs? {
    var offset = 0
    func read32() -> Int? {
      guard offset + 4 <= bytes.count else { return nil }
      defer { offset += 4 }
      return bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
    }
    func readString() -> String? {
      guard let count = read32(), offset + count <= bytes.count else { return nil }
      defer { offset += count }
      return String(decoding: bytes[offset..<offset + count], as: UTF8.self)
    }
    guard let count = read32() else { return nil }
    var pairs: Pairs = []
    for _ in 0..<count {
      guard let name = readString(), let value = readString() else { return nil }
      pairs.append(SPDYHeader(name, value))
    }
    return pairs
  }

  static func append32(_ value: UInt32, to bytes: inout [UInt8]) {
    bytes += [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
  }

  /// The preset dictionary of SPDY/3 (draft 3, section 2.6.10.1): the
  /// common header names, each with its 32-bit length, then common values.
  static let dictionary: [UInt8] = {
    let names = [
      "options", "head", "post", "put", "delete", "trace", "accept", "accept-charset", "accept-encoding",
      "accept-language", "accept-ranges", "age", "allow", "authorization", "cache-control", "connection",
      "content-base", "content-encoding", "content-language", "content-length", "content-location",
      "content-md5", "content-range", "content-type", "date", "etag", "expect", "expires", "from", "host",
      "if-match", "if-modified-since", "if-none-match", "if-range", "if-unmodified-since", "last-modified",
      "location", "max-forwards", "pragma", "proxy-authenticate", "proxy-authorization", "range", "referer",
      "retry-after", "server", "te", "trailer", "transfer-encoding", "upgrade", "user-agent", "vary", "via",
      "warning", "www-authenticate", "method", "get", "status", "200 OK", "version", "HTTP/1.1", "url",
      "public", "set-cookie", "keep-alive", "origin",
    ]
    let values =
      "100101201202205206300302303304305306307402405406407408409410411412413414415416417502504505"
      + "203 Non-Authoritative Information204 No Content301 Moved Permanently400 Bad Request"
      + "401 Unauthorized403 Forbidden404 Not Found500 Internal Server Error501 Not Implemented"
      + "503 Service UnavailableJan Feb Mar Apr May Jun Jul Aug Sept Oct Nov Dec 00:00:00 "
      + "Mon, Tue, Wed, Thu, Fri, Sat, Sun, GMTchunked,text/html,image/png,image/jpg,image/gif,"
      + "application/xml,application/xhtml+xml,text/plain,text/javascript,publicprivatemax-age="
      + "gzip,deflate,sdchcharset=utf-8charset=iso-8859-1,utf-,*,enq=0."
    var bytes: [UInt8] = []
    for name in names {
      append32(UInt32(name.utf8.count), to: &bytes)
      bytes += name.utf8
    }
    return bytes + values.utf8
  }()
}

/// Why a header block could not be read.
struct SPDYCompressionError: Error, Equatable {
  var code: Int32
}

/// One direction's compressor: every block continues the same zlib stream.
final class SPDYHeaderDeflater {
  private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)

  init() {
    stream.initialize(to: z_stream())
    _ = kt_deflate_init(stream, Z_BEST_COMPRESSION)
    SPDYHeaderBlock.dictionary.withUnsafeBufferPointer { dictionary in
      _ = deflateSetDictionary(stream, dictionary.baseAddress, uInt(dictionary.count))
    }
  }

  deinit {
    deflateEnd(stream)
    stream.deinitialize(count: 1)
    stream.deallocate()
  }

  /// Compresses one block and flushes it out whole.
  func compress(_ pairs: SPDYHeaderBlock.Pairs) -> [UInt8] {
    var input = SPDYHeaderBlock.encode(pairs)
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1024)
    input.withUnsafeMutableBufferPointer { input in
      stream.pointee.next_in = input.baseAddress
      stream.pointee.avail_in = uInt(input.count)
      repeat {
        chunk.withUnsafeMutableBufferPointer { chunk in
          stream.pointee.next_out = chunk.baseAddress
          stream.pointee.avail_out = uInt(chunk.count)
          _ = deflate(stream, Z_SYNC_FLUSH)
        }
        output += chunk[0..<(chunk.count - Int(stream.pointee.avail_out))]
      } while stream.pointee.avail_out == 0
      stream.pointee.next_in = nil
    }
    return output
  }
}

/// One direction's decompressor; the peer's first block asks for the dictionary.
final class SPDYHeaderInflater {
  private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)

  init() {
    stream.initialize(to: z_stream())
    _ = kt_inflate_init(stream)
  }

  deinit {
    inflateEnd(stream)
    stream.deinitialize(count: 1)
    stream.deallocate()
  }

  /// Inflates one compressed block into its pairs.
  func decompress(_ compressed: [UInt8]) throws -> SPDYHeaderBlock.Pairs {
    var input = compressed
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    var status = Z_OK
    input.withUnsafeMutableBufferPointer { input in
      stream.pointee.next_in = input.baseAddress
      stream.pointee.avail_in = uInt(input.count)
      while true {
        chunk.withUnsafeMutableBufferPointer { chunk in
          stream.pointee.next_out = chunk.baseAddress
          stream.pointee.avail_out = uInt(chunk.count)
          status = inflate(stream, Z_SYNC_FLUSH)
          if status == Z_NEED_DICT {
            status = SPDYHeaderBlock.dictionary.withUnsafeBufferPointer { dictionary in
              inflateSetDictionary(stream, dictionary.baseAddress, uInt(dictionary.count))
            }
            if status == Z_OK { status = inflate(stream, Z_SYNC_FLUSH) }
          }
        }
        output += chunk[0..<(chunk.count - Int(stream.pointee.avail_out))]
        // Z_BUF_ERROR: no progress possible, which is the end of this block.
        if status == Z_BUF_ERROR { status = Z_OK }
        guard status == Z_OK, stream.pointee.avail_in > 0 || stream.pointee.avail_out == 0 else { break }
      }
      stream.pointee.next_in = nil
    }
    guard status == Z_OK || status == Z_STREAM_END else { throw SPDYCompressionError(code: status) }
    guard let pairs = SPDYHeaderBlock.decode(output) else { throw SPDYCompressionError(code: Z_DATA_ERROR) }
    return pairs
  }
}
