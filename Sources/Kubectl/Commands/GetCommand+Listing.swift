import Foundation
import KubeCluster

extension GetCommand {
  /// The objects `get` lists: those of `kind` in `namespace` (every
  /// namespace when `nil`) that both selectors match, by namespace and then
  /// name, as the API server lists them.
  ///
  /// The objects are read where the store keeps them and only those that
  /// match are kept; the order is the one the API server's storage keeps
  /// keys in, UTF-8 bytes (for the names Kubernetes allows, String's own
  /// order is the same, but it costs far more to work out).
  static func listed(
    _ kind: Kind, in namespace: String?, selector: LabelSelector, fields: FieldSelector, cluster: Cluster
  ) -> [Object] {
    var objects: [NameOrder.Entry] = []
    cluster.store.forEachNamed(kind, in: namespace) { namespace, name, object in
      if !selector.isEmpty, !selector.matches(object.labels) { return }
      if !fields.requirements.isEmpty, !fields.matches(object) { return }
      objects.append(NameOrder.Entry(namespace: namespace, name: name, object: object))
    }
    return NameOrder.sorted(objects, byNamespace: namespace == nil && kind.isNamespaced)
  }
}

/// Sorts objects by (namespace and) name in UTF-8 byte order.
///
/// Every key goes into one byte buffer; the bytes all keys share at the
/// start (`web-7d9f8c6b5-` for one Deployment's pods) are skipped, and the
/// next eight bytes, as one integer, order nearly every pair; only pairs
/// whose eight bytes tie compare the rest.
enum NameOrder {
  /// An object with the namespace and name the store files it under.
  struct Entry {
    var namespace: String
    var name: String
    var object: Object
  }

  static func sorted(_ objects: [Entry], byNamespace: Bool) -> [Object] {
    guard objects.count > 1 else { return objects.map(\.object) }
    var text: [UInt8] = []
    text.reserveCapacity(objects.count * 32)
    var starts: [Int] = [0]
    starts.reserveCapacity(objects.count + 1)
    for entry in objects {
      if byNamespace {
        TableBuilder.append(entry.namespace, to: &text)
        // Below every byte a name may hold: a namespace sorts before the
        // longer ones it begins.
        text.append(0)
      }
      TableBuilder.append(entry.name, to: &text)
      starts.append(text.count)
    }
    return text.withUnsafeBufferPointer { text -> [Object] in
      func keyBytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: text[starts[index]..<starts[index + 1]])
      }
      // The bytes every key starts with.
      var shared = starts[1]
      for index in 1..<objects.count {
        let key = keyBytes(index)
        var common = 0
        while common < shared && common < key.count && key[common] == text[common] { common += 1 }
        shared = common
      }
      var order: [(head: UInt64, index: Int)] = []
      order.reserveCapacity(objects.count)
      for index in objects.indices {
        let key = keyBytes(index)
        var head: UInt64 = 0
        for offset in shared..<(shared + 8) {
          head = head << 8 | UInt64(offset < key.count ? key[offset] : 0)
        }
        order.append((head, index))
      }
      order.sort { a, b in
        if a.head != b.head { return a.head < b.head }
        let x = keyBytes(a.index)
        let y = keyBytes(b.index)
        let from = min(shared + 8, x.count, y.count)
        let common = min(x.count, y.count) - from
        if common > 0 {
          let compared = memcmp(x.baseAddress! + from, y.baseAddress! + from, common)
          if compared != 0 { return compared < 0 }
        }
        return x.count < y.count
      }
      return order.map { objects[$0.index].object }
    }
  }
}
