extension Cluster {
  /// Starts keeping every change to the store, in order, until the next
  /// `drainChangeFeed()`: what an HTTP watch needs, since the controllers
  /// consume the store's own pending changes.
  package mutating func startChangeFeed() {
    if store.changeFeed == nil { store.changeFeed = [] }
  }

  /// Stops keeping changes.
  package mutating func stopChangeFeed() {
    store.changeFeed = nil
  }

  /// The changes since the last call, oldest first.
  package mutating func drainChangeFeed() -> [ObjectChange] {
    guard let feed = store.changeFeed, !feed.isEmpty else { return [] }
    store.changeFeed = []
    return feed
  }
}
