import Foundation

/// The languages content is written in.
package enum Language: String, CaseIterable, Sendable {
  case en
  case ko

  /// `--lang`, else the locale of `LANG`/`LC_ALL`: Korean for `ko*`, English otherwise.
  package static func preferred(_ explicit: String?, environment: [String: String]) -> Language {
    if let explicit, let language = Language(rawValue: explicit) { return language }
    for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = environment[key], !value.isEmpty {
        return value.lowercased().hasPrefix("ko") ? .ko : .en
      }
    }
    return .en
  }
}

/// A text in English and Korean.
package struct LocalizedText: Equatable, Sendable {
  package var en: String
  package var ko: String

  package init(en: String, ko: String) {
    self.en = en
    self.ko = ko
  }

  /// The same text in both languages, for generated labels such as a JSONPath.
  package init(_ both: String) {
    en = both
    ko = both
  }

  package func text(_ language: Language) -> String {
    switch language {
    case .en: en
    case .ko: ko.isEmpty ? en : ko
    }
  }
}
