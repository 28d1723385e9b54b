import KubeCluster

/// A JSONPath such as `spec.replicas`, `status.conditions[type=Ready].status`,
/// `spec.template.spec.containers[0].image`, `spec.containers[*].image` or
/// `metadata.labels['app.kubernetes.io/name']` (kubectl's `{.a.b}` form too).
package struct JSONPathQuery: Equatable, Sendable, CustomStringConvertible {
  package enum Segment: Equatable, Sendable {
    case key(String)
    case index(Int)
    case all
    case filter(key: String, value: String)
  }

  package var segments: [Segment]
  package var description: String

  /// Parses a path; nil with a message when it is malformed.
  package static func parse(_ text: String) -> Result<JSONPathQuery, PathError> {
    var body = Substring(text.trimmingCharacters(in: .whitespaces))
    if body.hasPrefix("{") && body.hasSuffix("}") { body = body.dropFirst().dropLast() }
    if body.hasPrefix(".") { body = body.dropFirst() }
    guard !body.isEmpty else { return .failure(PathError(message: "empty JSONPath")) }
    var segments: [Segment] = []
    var current = ""
    var index = body.startIndex
    func flush() {
      if !current.isEmpty { segments.append(.key(current)) }
      current = ""
    }
    while index < body.endIndex {
      let character = body[index]
      switch character {
      case ".":
        flush()
        index = body.index(after: index)
      case "[":
        flush()
        guard let close = body[index...].firstIndex(of: "]") else {
          return .failure(PathError(message: "unclosed '[' in JSONPath '\(text)'"))
        }
        let inside = body[body.index(after: index)..<close].trimmingCharacters(in: .whitespaces)
        if inside == "*" {
          segments.append(.all)
        } else if let number = Int(inside) {
          segments.append(.index(number))
        } else if inside.count >= 2, let quote = inside.first, quote == "'" || quote == "\"",
          inside.last == quote
        {
          segments.append(.key(String(inside.dropFirst().dropLast())))
        } else if let equal = inside.firstIndex(of: "=") {
          var key = inside[..<equal].trimmingCharacters(in: .whitespaces)
          if key.hasPrefix("?(@.") { key.removeFirst(4) }
          if key.hasPrefix("@.") { key.removeFirst(2) }
          var value = inside[inside.index(after: equal)...].trimmingCharacters(in: .whitespaces)
          if value.hasPrefix("=") { value.removeFirst() }
          if value.hasSuffix(")") { value.removeLast() }
          value = value.trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))
          segments.append(.filter(key: key, value: value))
        } else {
          return .failure(PathError(message: "cannot read '[\(inside)]' in JSONPath '\(text)'"))
        }
        index = body.index(after: close)
      default:
        current.append(character)
        index = body.index(after: index)
      }
    }
    flush()
    for (position, segment) in segments.enumerated() {
      if case .key(let key) = segment, let number = Int(key), position > 0 {
        segments[position] = .index(number)
      }
    }
    return .success(JSONPathQuery(segments: segments, description: text))
  }

  package struct PathError: Error, Sendable {
    package var message: String
  }

  /// Every value the path reaches (several through `[*]` and filters).
  package func values(in root: JSONValue) -> [JSONValue] {
    var current = [root]
    for segment in segments {
      var next: [JSONValue] = []
      for value in current {
        switch segment {
        case .key(let key):
          if let child = value[key] { next.append(child) }
          if let items = value.array {
            next += items.compactMap { $0[key] }
          }
        case .index(let number):
          if let items = value.array, items.indices.contains(number) { next.append(items[number]) }
        case .all:
          if let items = value.array { next += items }
          if let object = value.object { next += object.map(\.value) }
        case .filter(let key, let wanted):
          if let items = value.array {
            next += items.filter { $0[key]?.scalarText == wanted }
          }
        }
      }
      current = next
    }
    return current
  }

  /// The field names, without indexes and filters, for schema checks.
  package var fieldNames: [String] {
    segments.compactMap { if case .key(let key) = $0 { key } else { nil } }
  }
}

import Foundation
