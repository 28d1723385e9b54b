import Kubectl
import Testing

@Suite struct YAMLKeyOrderTests {
  @Test("sorts as kubectl 1.32 printed these ConfigMap keys")
  func matchesKubectl() {
    let keys = [
      "a10", "a9", "a09", "A", "_b", "b", "1", "10", "2", "é", "Z", "z1x", "z01x", "z001", "z1",
      "x-y", "x.y", "xy",
    ]

    #expect(
      keys.sorted(by: YAMLKeyOrder.less) == [
        "_b", "1", "2", "10", "A", "Z", "a9", "a09", "a10", "b", "x-y", "x.y", "xy", "z1", "z1x",
        "z01x", "z001", "é",
      ])
  }

  @Test(
    "compares two keys",
    arguments: [
      ("a", "b", true), ("b", "a", false), ("a", "a", false), ("a", "ab", true), ("+", "-1", true),
      ("~", "1", true), ("1.5", "1e+07", true), ("abc9", "abc10", true), ("x10y", "x9y", false),
    ])
  func compares(lhs: String, rhs: String, expected: Bool) {
    #expect(YAMLKeyOrder.less(lhs, rhs) == expected)
  }
}
