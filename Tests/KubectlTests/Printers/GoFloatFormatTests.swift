import Kubectl
import Testing

@Suite struct GoFloatFormatTests {
  @Test(
    "formats like strconv.FormatFloat(v, 'g', -1, 64), with YAML's names for specials",
    arguments: [
      (1.5, "1.5"), (0, "0"), (-0.0, "-0"), (100, "100"), (100_000.5, "100000.5"),
      (1_234_567.5, "1.2345675e+06"),
      (1e21, "1e+21"), (1e-7, "1e-07"), (0.0001, "0.0001"), (0.00001, "1e-05"), (5e-324, "5e-324"),
      (1.7976931348623157e308, "1.7976931348623157e+308"), (-2.5e-300, "-2.5e-300"),
      (.infinity, ".inf"), (-.infinity, "-.inf"), (.nan, ".nan"),
    ])
  func formatsYAML(value: Double, expected: String) {
    #expect(GoFloatFormat.yaml(value) == expected)
  }

  @Test(
    "formats map keys at float32 precision, as sigs.k8s.io/yaml does",
    arguments: [
      (3.14159265358979, "3.1415927"), (1e7, "1e+07"), (0.1, "0.1"), (1.5, "1.5"),
      (123456, "123456"),
    ])
  func formatsYAMLKeys(value: Double, expected: String) {
    #expect(GoFloatFormat.yamlKey(value) == expected)
  }

  @Test(
    "formats like encoding/json",
    arguments: [
      (1.5, "1.5"), (0, "0"), (-0.0, "-0"), (1e20, "100000000000000000000"), (1e21, "1e+21"),
      (1e-6, "0.000001"),
      (1e-7, "1e-7"), (1.5e-10, "1.5e-10"), (123_456_789.5, "123456789.5"), (2.5e300, "2.5e+300"),
      (.infinity, "+Inf"), (.nan, "NaN"),
    ])
  func formatsJSON(value: Double, expected: String) {
    #expect(GoFloatFormat.json(value) == expected)
  }
}
