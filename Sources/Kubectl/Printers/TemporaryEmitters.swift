import KubeCluster

// Temporary stand-ins until the emitters branch lands.
package enum YAMLEmitter {
  package static func emit(_ value: JSONValue) -> String { value.sortedKeys.compactJSON + "\n" }
}

package enum JSONEmitter {
  package static func emit(_ value: JSONValue, sortKeys: Bool) -> String { (sortKeys ? value.sortedKeys : value).compactJSON + "\n" }
}

package struct ManifestDocument {
  package var value: JSONValue
}

package struct ManifestError: Error, Equatable {
  package var message: String
}

package enum ManifestDecoder {
  package static func decode(_ text: String) throws(ManifestError) -> [ManifestDocument] { [] }
}
