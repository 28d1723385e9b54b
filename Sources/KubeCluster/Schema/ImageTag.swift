/// The parts of a container image reference that defaulting cares about.
///
/// Follows kubelet's `parsers.ParseImageName`: the tag is what follows the
/// last `:` of the last path component, a reference with neither tag nor
/// digest means `latest`, and a reference that does not parse has no tag.
struct ImageTag: Equatable, Sendable {
  var tag: String
  var digest: String

  init(_ image: String) {
    var name = Substring(image)
    digest = ""
    if let at = name.firstIndex(of: "@") {
      digest = String(name[name.index(after: at)...])
      name = name[..<at]
    }
    var tag = ""
    let lastSlash = name.lastIndex(of: "/")
    let lastComponentStart = lastSlash.map { name.index(after: $0) } ?? name.startIndex
    if let colon = name[lastComponentStart...].lastIndex(of: ":") {
      tag = String(name[name.index(after: colon)...])
      name = name[..<colon]
    }
    let repository = lastSlash.map { name[name.index(after: $0)...] } ?? name
    let valid =
      !name.isEmpty && !repository.isEmpty
      && !repository.contains { $0.isUppercase || $0 == " " }
      && (tag.isEmpty || tag.allSatisfy { $0.isLetter || $0.isNumber || "_.-".contains($0) })
    if !valid {
      self.tag = ""
      return
    }
    self.tag = tag.isEmpty && digest.isEmpty ? "latest" : tag
  }

  /// The pull policy the API server fills in when a container sets none.
  var defaultPullPolicy: String { tag == "latest" ? "Always" : "IfNotPresent" }
}
