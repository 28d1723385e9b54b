import Synchronization

/// Values worked out from one stored version of an object, one per type.
///
/// A stored object never changes: a write stores a new version with a new
/// memo, and changing a copy's content drops the copy's memo. So a value
/// kept here stays true for as long as the memo is reachable. Readers on
/// the API server's threads share it, hence the lock.
package final class ObjectMemo: Sendable {
  package init() {}

  /// Each value in a box of its own type, found by that type: a cast of
  /// an existential would cost more than working some values out again.
  @usableFromInline let boxes = Mutex<[(type: ObjectIdentifier, box: AnyObject)]>([])

  @usableFromInline final class Box<Value: Sendable>: Sendable {
    @usableFromInline let value: Value
    @usableFromInline init(_ value: Value) { self.value = value }
  }

  /// The instance of a class kept with `keep(object:)`. A reader in another
  /// module runs `value(of:)` unspecialized, and there each call asked the
  /// runtime for `Box<Value>`'s generic metadata; a class of its own needs
  /// neither the box nor the metadata.
  @inlinable package func object<Value: AnyObject & Sendable>(of type: Value.Type) -> Value? {
    let wanted = ObjectIdentifier(type)
    return boxes.withLock { boxes in
      for entry in boxes where entry.type == wanted { return unsafeDowncast(entry.box, to: Value.self) }
      return nil
    }
  }

  @inlinable package func keep<Value: AnyObject & Sendable>(object: Value) {
    boxes.withLock { $0.append((ObjectIdentifier(Value.self), object)) }
  }

  /// A value of any type, kept in a box of its own type.
  @inlinable func value<Value: Sendable>(of type: Value.Type) -> Value? { object(of: Box<Value>.self)?.value }

  @inlinable func keep<Value: Sendable>(_ value: Value) { keep(object: Box(value)) }
}
