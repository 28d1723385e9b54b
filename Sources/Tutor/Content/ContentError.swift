/// A problem in a lesson or scenario file, with where it is.
package struct ContentError: Error, Equatable, Sendable, CustomStringConvertible {
  package var file: String
  package var line: Int
  package var column: Int
  package var message: String

  package init(file: String, line: Int, column: Int, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// `FILE:LINE:COLUMN: MESSAGE`, as compilers print it.
  package var description: String { "\(file):\(line):\(column): \(message)" }
}

/// A set of content errors thrown at once.
package struct ContentErrors: Error, Sendable, CustomStringConvertible {
  package var errors: [ContentError]

  package init(_ errors: [ContentError]) { self.errors = errors }

  package var description: String { errors.map(\.description).joined(separator: "\n") }
}
