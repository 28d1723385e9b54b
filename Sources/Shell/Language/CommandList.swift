/// A sequence of and-or lists separated by `;`, `&` or newlines: what one
/// complete input, a loop body or `$(...)` holds.
package struct CommandList: Equatable, Sendable {
  /// One and-or list and how it was terminated.
  package struct Item: Equatable, Sendable {
    package var andOr: AndOrList
    /// Whether it ended with `&`; kubetutor runs it in the foreground all the same.
    package var isBackground: Bool

    package init(_ andOr: AndOrList, isBackground: Bool = false) {
      self.andOr = andOr
      self.isBackground = isBackground
    }
  }

  package var items: [Item]

  package init(_ items: [Item] = []) {
    self.items = items
  }

  package var isEmpty: Bool { items.isEmpty }
}
